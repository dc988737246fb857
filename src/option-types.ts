/**
 * The option types of `clean()` and the CLI (the config file holds the same
 * keys). Kept apart from `options.ts` so that the config validator and the
 * option resolver can both use them without importing each other.
 */
import type { Matcher } from '../plugins/apply-user-rules/matchers.js';
import type { Phrases } from '../plugins/shared/lexicon.js';
import type { SitePack } from '../plugins/sites/types.js';
import type { SiteRepeats } from '../plugins/strip-site-repeats/index.js';
import type { FromOption } from './readers/index.js';

export type QuoteStyle = 'curly' | 'uk' | 'straight' | 'auto' | 'none';
export type BylineMode = 'keep' | 'normalize' | 'drop';
/** Dash between words: `—` as the author spaced it, ` – `, or untouched. */
export type DashStyle = 'em' | 'en-spaced' | 'none';
/** Which error to prefer on doubtful blocks: remove them (`precision`) or keep them (`recall`). */
export type Favor = 'balanced' | 'precision' | 'recall';

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
  /**
   * Which error to prefer on doubtful blocks (default: `'balanced'`):
   * `'precision'` removes labels down to confidence 0.35 and lets them remove
   * up to 95% of a page; `'recall'` needs confidence 0.8 and stops at 80%.
   */
  favor?: Favor;
  /** Keep links; `false` leaves their text only (default: `true`). */
  links?: boolean;
  /** Keep images; `false` drops them (default: `true`). */
  images?: boolean;
  /** Keep tables; `false` drops them (default: `true`). */
  tables?: boolean;
  /** Keep reader comment threads: labels of rule `strip-comments` do not remove (default: `false`). */
  withComments?: boolean;
  /**
   * Only pages in this language (ISO 639-1, e.g. `'en'`): a page detected in
   * another language gets status `not_article` with the reason (default: any).
   */
  targetLanguage?: string;
  /**
   * A page with more blocks than this (paragraphs, headings, list items, table
   * rows, lines of a text dump) is not an article: it fails at once with the
   * reason instead of taking minutes (default 20,000; `--max-blocks`).
   */
  maxBlocks?: number;
}

/** Options that may differ per site (`sites` in options and config). */
export type SiteOptions = Pick<
  CleanOptions,
  'quotes' | 'dashes' | 'byline' | 'siteRules' | 'maxRemovedShare' | 'keep' | 'drop' | 'lexicon'
>;
