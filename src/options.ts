/**
 * Options of `clean()` and the CLI, with their defaults. The config file
 * (`copydesk.config.json`) holds the same keys.
 */
import type { Matcher } from '../plugins/apply-user-rules/matchers.js';
import type { Phrases } from '../plugins/shared/lexicon.js';
import { sitePacks as bundledSitePacks } from '../plugins/sites/index.js';
import type { SitePack } from '../plugins/sites/types.js';
import type { SiteRepeats } from '../plugins/strip-site-repeats/index.js';
import { closest, resolveRuleOptions } from './config/validate.js';
import { UsageError } from './errors.js';
import { MAX_BLOCKS } from './limits.js';
import type {
  BylineMode,
  CleanOptions,
  DashStyle,
  Favor,
  QuoteStyle,
  SiteOptions,
} from './option-types.js';
import { FROM_CHOICES, type FromOption } from './readers/index.js';

export type {
  BylineMode,
  CleanOptions,
  DashStyle,
  Favor,
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
  favor: Favor;
  /** Labels below this confidence do not remove (from `favor`). */
  minConfidence: number;
  links: boolean;
  images: boolean;
  tables: boolean;
  withComments: boolean;
  targetLanguage: string | undefined;
  maxBlocks: number;
}

/** What `favor` sets: the prune/guard confidence floor and the guard's share. */
export const FAVOR_SETTINGS: Readonly<
  Record<Favor, { minConfidence: number; maxRemovedShare: number }>
> = {
  balanced: { minConfidence: 0.5, maxRemovedShare: 0.9 },
  precision: { minConfidence: 0.35, maxRemovedShare: 0.95 },
  recall: { minConfidence: 0.8, maxRemovedShare: 0.8 },
};

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
    | 'targetLanguage'
    | 'minConfidence'
  >
> = {
  from: 'auto',
  path: '-',
  quotes: 'curly',
  dashes: 'em',
  byline: 'normalize',
  siteRules: true,
  maxRemovedShare: 0.9,
  maxBlocks: MAX_BLOCKS,
  favor: 'balanced',
  links: true,
  images: true,
  tables: true,
  withComments: false,
};

/** Every option `clean()` takes (unknown keys are usage errors naming the nearest). */
export const OPTION_KEYS: readonly (keyof CleanOptions)[] = [
  'from',
  'path',
  'url',
  'quotes',
  'dashes',
  'byline',
  'siteRules',
  'referenceDate',
  'maxRemovedShare',
  'keep',
  'drop',
  'lexicon',
  'sites',
  'sitePacks',
  'siteRepeatCounts',
  'favor',
  'links',
  'images',
  'tables',
  'withComments',
  'targetLanguage',
  'maxBlocks',
];

const QUOTES: readonly QuoteStyle[] = ['curly', 'uk', 'straight', 'auto', 'none'];
const BYLINES: readonly BylineMode[] = ['keep', 'normalize', 'drop'];
const DASHES: readonly DashStyle[] = ['em', 'en-spaced', 'none'];
const FAVORS: readonly Favor[] = ['balanced', 'precision', 'recall'];

function boolOption(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean')
    throw new UsageError(`invalid ${name} '${String(value)}' (true or false)`);
  return value;
}

function oneOf<T extends string>(
  name: string,
  value: T | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value)) {
    const hint = typeof value === 'string' ? closest(value, allowed) : undefined;
    throw new UsageError(
      `invalid ${name} '${String(value)}' (${hint ? `did you mean '${hint}'? ` : ''}choose from ${allowed.join(', ')})`,
    );
  }
  return value;
}

export function resolveOptions(options: Readonly<CleanOptions> = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null)
    throw new UsageError('options must be an object');
  for (const key of Object.keys(options)) {
    if ((OPTION_KEYS as readonly string[]).includes(key)) continue;
    const hint = closest(key, OPTION_KEYS);
    throw new UsageError(`unknown option '${key}'${hint ? ` (did you mean '${hint}'?)` : ''}`);
  }
  const favor = oneOf('favor', options.favor, FAVORS, defaults.favor);
  const targetLanguage = options.targetLanguage?.trim().toLowerCase();
  if (targetLanguage !== undefined && !/^[a-z]{2,3}$/.test(targetLanguage))
    throw new UsageError(
      `invalid targetLanguage '${String(options.targetLanguage)}' (a language code such as en, de, fr)`,
    );
  let referenceDate: Date | undefined;
  if (options.referenceDate !== undefined) {
    referenceDate = new Date(options.referenceDate);
    if (Number.isNaN(referenceDate.getTime()))
      throw new UsageError(`invalid referenceDate '${String(options.referenceDate)}'`);
  }
  const maxBlocks = options.maxBlocks ?? defaults.maxBlocks;
  if (!(Number.isInteger(maxBlocks) && maxBlocks >= 1))
    throw new UsageError(
      `invalid maxBlocks '${String(options.maxBlocks)}' (a whole number of at least 1)`,
    );
  const share = options.maxRemovedShare ?? FAVOR_SETTINGS[favor].maxRemovedShare;
  if (!(share > 0 && share <= 1)) throw new UsageError('maxRemovedShare must be in (0, 1]');
  return {
    from: oneOf('from', options.from, FROM_CHOICES, defaults.from),
    path: options.path ?? defaults.path,
    url: options.url,
    quotes: oneOf('quotes', options.quotes, QUOTES, defaults.quotes),
    dashes: oneOf('dashes', options.dashes, DASHES, defaults.dashes),
    byline: oneOf('byline', options.byline, BYLINES, defaults.byline),
    siteRules: boolOption('siteRules', options.siteRules, defaults.siteRules),
    referenceDate,
    maxRemovedShare: share,
    ...resolveRuleOptions(options),
    sites: options.sites ?? {},
    sitePacks: options.sitePacks ?? bundledSitePacks,
    siteRepeatCounts: options.siteRepeatCounts,
    favor,
    minConfidence: FAVOR_SETTINGS[favor].minConfidence,
    links: boolOption('links', options.links, defaults.links),
    images: boolOption('images', options.images, defaults.images),
    tables: boolOption('tables', options.tables, defaults.tables),
    withComments: boolOption('withComments', options.withComments, defaults.withComments),
    targetLanguage,
    maxBlocks,
  };
}
