/**
 * Options of `clean()` and the CLI, with their defaults. The config file
 * (`copydesk.config.json`) holds the same keys.
 */
import type { Matcher } from '../plugins/apply-user-rules/matchers.js';
import type { Phrases } from '../plugins/shared/lexicon.js';
import { sitePacks as bundledSitePacks } from '../plugins/sites/index.js';
import type { SitePack } from '../plugins/sites/types.js';
import type { SiteRepeats } from '../plugins/strip-site-repeats/index.js';
import { resolveRuleOptions } from './config/validate.js';
import { UsageError } from './errors.js';
import type { FromOption } from './readers/index.js';

export type QuoteStyle = 'curly' | 'uk' | 'straight' | 'auto' | 'none';
export type BylineMode = 'keep' | 'normalize' | 'drop';
/** Dash between words: `—` as the author spaced it, ` – `, or untouched. */
export type DashStyle = 'em' | 'en-spaced' | 'none';

export interface CleanOptions {
  /** Input format (default: `'auto'`: extension, then sniffing). */
  from?: FromOption;
  /** Path or id of the input, used for the extension and in messages (default: `'-'`). */
  path?: string;
  /** URL of the page, when known (HTML canonical URL wins). */
  url?: string;
  /** House style for quotation marks (default: `'curly'`). */
  quotes?: QuoteStyle;
  /** House style for dashes between words (default: `'em'`); ranges get an en dash, `...` an ellipsis. */
  dashes?: DashStyle;
  /** What the body's byline line becomes (default: `'normalize'`). */
  byline?: BylineMode;
  /** Apply site rule packs (default: `true`). */
  siteRules?: boolean;
  /** Reference date for relative dates ("2 hours ago"); unresolved without it. */
  referenceDate?: Date | string;
  /** Largest share of the page's words that may be removed without strong evidence (default: `0.9`). */
  maxRemovedShare?: number;
  /** Blocks to keep whatever the detectors say: text patterns, `{ heading }`, `{ selector }` (default: `[]`). */
  keep?: readonly Matcher[];
  /** Blocks to remove, rule id `user/drop` (default: `[]`). */
  drop?: readonly Matcher[];
  /** Extra lexicon phrases per concept, merged into the built-in lexicon. */
  lexicon?: Phrases;
  /** Per-site overrides by host; `example.com` covers its subdomains (default: `{}`). */
  sites?: Readonly<Record<string, SiteOptions>>;
  /** Site packs to use when `siteRules` is on (default: the bundled packs). Not sent to workers. */
  sitePacks?: readonly SitePack[];
  /** Block counts of the page's site from a batch's first pass (`--site-repeats`; default: none). */
  siteRepeatCounts?: SiteRepeats | undefined;
}

/** Options that may differ per site (`sites` in options and config). */
export type SiteOptions = Pick<
  CleanOptions,
  'quotes' | 'dashes' | 'byline' | 'siteRules' | 'maxRemovedShare' | 'keep' | 'drop' | 'lexicon'
>;

export interface ResolvedOptions {
  from: FromOption;
  path: string;
  url: string | undefined;
  quotes: QuoteStyle;
  dashes: DashStyle;
  byline: BylineMode;
  siteRules: boolean;
  referenceDate: Date | undefined;
  maxRemovedShare: number;
  keep: readonly Matcher[];
  drop: readonly Matcher[];
  lexicon: Phrases | undefined;
  sites: Readonly<Record<string, SiteOptions>>;
  sitePacks: readonly SitePack[];
  siteRepeatCounts: SiteRepeats | undefined;
}

export const defaults: Readonly<
  Omit<
    ResolvedOptions,
    | 'url'
    | 'referenceDate'
    | 'lexicon'
    | 'keep'
    | 'drop'
    | 'sites'
    | 'sitePacks'
    | 'siteRepeatCounts'
  >
> = {
  from: 'auto',
  path: '-',
  quotes: 'curly',
  dashes: 'em',
  byline: 'normalize',
  siteRules: true,
  maxRemovedShare: 0.9,
};

const QUOTES: readonly QuoteStyle[] = ['curly', 'uk', 'straight', 'auto', 'none'];
const BYLINES: readonly BylineMode[] = ['keep', 'normalize', 'drop'];
const DASHES: readonly DashStyle[] = ['em', 'en-spaced', 'none'];

function oneOf<T extends string>(
  name: string,
  value: T | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value))
    throw new UsageError(`invalid ${name} '${String(value)}' (choose from ${allowed.join(', ')})`);
  return value;
}

export function resolveOptions(options: Readonly<CleanOptions> = {}): ResolvedOptions {
  let referenceDate: Date | undefined;
  if (options.referenceDate !== undefined) {
    referenceDate = new Date(options.referenceDate);
    if (Number.isNaN(referenceDate.getTime()))
      throw new UsageError(`invalid referenceDate '${String(options.referenceDate)}'`);
  }
  const share = options.maxRemovedShare ?? defaults.maxRemovedShare;
  if (!(share > 0 && share <= 1)) throw new UsageError('maxRemovedShare must be in (0, 1]');
  return {
    from: options.from ?? defaults.from,
    path: options.path ?? defaults.path,
    url: options.url,
    quotes: oneOf('quotes', options.quotes, QUOTES, defaults.quotes),
    dashes: oneOf('dashes', options.dashes, DASHES, defaults.dashes),
    byline: oneOf('byline', options.byline, BYLINES, defaults.byline),
    siteRules: options.siteRules ?? defaults.siteRules,
    referenceDate,
    maxRemovedShare: share,
    ...resolveRuleOptions(options),
    sites: options.sites ?? {},
    sitePacks: options.sitePacks ?? bundledSitePacks,
    siteRepeatCounts: options.siteRepeatCounts,
  };
}
