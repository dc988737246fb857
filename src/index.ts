/**
 * copydesk's public API.
 *
 * ```ts
 * import { clean, Cleaner, createPipeline, copydeskPreset } from 'copydesk';
 * import { remarkStripNewsletter } from 'copydesk/plugins';
 * ```
 *
 * - `clean(input, options)` cleans one document; `new Cleaner(options)` builds
 *   the pipeline once and cleans many (`cleaner.clean(input, { path, url })`).
 * - `createPipeline(options)` is the frozen unified processor the CLI runs on
 *   an mdast tree (readers not included; `readInput` parses text, Markdown or
 *   HTML into that tree).
 * - `copydeskPreset(options)` (and `preset`, with the defaults) is the same
 *   list of plugins as a unified preset, for `unified().use(remarkParse)
 *   .use(copydeskPreset()).use(remarkStringify, stringifyOptions)` (the house
 *   Markdown style).
 * - `loadConfig` / `mergeConfig` read `copydesk.config.json|js` as the CLI does.
 */
import type { Preset } from 'unified';
import { type CleanOptions, resolveOptions } from './options.js';
import {
  type CopydeskProcessor,
  createPipeline as createResolvedPipeline,
  presetPlugins,
} from './pipeline.js';

export type { Matcher, UserRules } from '../plugins/apply-user-rules/matchers.js';
export {
  defineSitePack,
  type RelatedShape,
  type SiteMatcher,
  type SitePack,
  sitePacks,
} from '../plugins/sites/index.js';
export { Cleaner, type CleanResult, clean, type DocumentOptions } from './clean.js';
export {
  CONFIG_NAMES,
  ConfigError,
  type CopydeskConfig,
  defineConfig,
  findConfig,
  type LoadedConfig,
  loadConfig,
  mergeConfig,
  type RunSettings,
  splitConfig,
  validateConfig,
} from './config/index.js';
export { InputError, type InputProblem, UsageError } from './errors.js';
export {
  type BylineMode,
  type CleanOptions,
  defaults,
  type QuoteStyle,
  type ResolvedOptions,
  resolveOptions,
  type SiteOptions,
} from './options.js';
export type { CopydeskProcessor } from './pipeline.js';
export { stringifyOptions } from './pipeline.js';
export { type FromOption, readInput, resolveFormat, sniffFormat } from './readers/index.js';
export type * from './types.js';
export { type Metadata, SCHEMA_VERSION } from './writers/metadata.js';

/** The CLI's processor (preset + GFM + house Markdown style), frozen: run it on an mdast tree. */
export function createPipeline(options: Readonly<CleanOptions> = {}): CopydeskProcessor {
  return createResolvedPipeline(resolveOptions(options));
}

/** The CLI's plugins, in order, as a unified preset (no parser or stringifier). */
export function copydeskPreset(options: Readonly<CleanOptions> = {}): Preset {
  return { plugins: presetPlugins(resolveOptions(options)) };
}

/** `copydeskPreset()` with the default options. */
export const preset: Preset = copydeskPreset();
