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
import type {
  BylineMode,
  CleanOptions,
  DashStyle,
  QuoteStyle,
  SiteOptions,
} from './option-types.js';
import type { FromOption } from './readers/index.js';

export type {
  BylineMode,
  CleanOptions,
  DashStyle,
  QuoteStyle,
  SiteOptions,
} from './option-types.js';

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
