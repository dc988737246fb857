/**
 * The config file's keys, their types and one-line error messages. A config
 * file holds every CLI option plus `keep`/`drop` rules, extra `lexicon`
 * phrases and per-site overrides (`sites`). Unknown keys are errors that name
 * the key and the file.
 */
import { selectorProblem } from '../../plugins/apply-user-rules/hast.js';
import { type Matcher, matcherProblem } from '../../plugins/apply-user-rules/matchers.js';
import { CONCEPTS, type Phrases } from '../../plugins/shared/lexicon.js';
import { UsageError } from '../errors.js';
import type { CleanOptions, SiteOptions } from '../option-types.js';
import { FROM_CHOICES } from '../readers/index.js';

/** A bad config file or bad options: a usage error (exit 2) with a one-line message. */
export class ConfigError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Everything a config file may hold (JSON-able: site packs go to the library as `sitePacks`). */
export interface CopydeskConfig
  extends Omit<CleanOptions, 'path' | 'url' | 'referenceDate' | 'sitePacks' | 'siteRepeatCounts'> {
  /** JSON editors only; ignored. */
  $schema?: string;
  /** Reference date for relative dates, ISO 8601. */
  referenceDate?: string;
  /** Output folder of `copydesk clean` (default: `output`). */
  out?: string;
  /** Worker threads (default: cores − 1, at least 1). */
  concurrency?: number;
  /** Largest input in bytes; a number or a size such as `"20MB"`. */
  maxBytes?: number | string;
  /** Per-file time limit in seconds. */
  timeout?: number;
  /** Skip inputs whose content and options are unchanged since the last run. */
  resume?: boolean;
  /** No progress bar or summary. */
  quiet?: boolean;
  /** Batch only: also remove blocks repeated across many pages of one site. */
  siteRepeats?: boolean;
}

type Check = (value: unknown) => string | undefined;

const QUOTES = ['curly', 'uk', 'straight', 'auto', 'none'];
const BYLINES = ['keep', 'normalize', 'drop'];
const DASHES = ['em', 'en-spaced', 'none'];

const oneOf =
  (allowed: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && allowed.includes(v)
      ? undefined
      : `must be one of ${allowed.join(', ')}`;
const bool: Check = (v) => (typeof v === 'boolean' ? undefined : 'must be true or false');
const str: Check = (v) =>
  typeof v === 'string' && v.trim() !== '' ? undefined : 'must be a non-empty string';
const posInt: Check = (v) =>
  typeof v === 'number' && Number.isInteger(v) && v > 0
    ? undefined
    : 'must be a positive whole number';
const positive: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 ? undefined : 'must be a positive number';
const share: Check = (v) =>
  typeof v === 'number' && v > 0 && v <= 1 ? undefined : 'must be a number in (0, 1]';
const date: Check = (v) =>
  (typeof v === 'string' || v instanceof Date) && !Number.isNaN(new Date(v).getTime())
    ? undefined
    : 'must be a date (ISO 8601)';
const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i;
const size: Check = (v) =>
  posInt(v) === undefined || (typeof v === 'string' && SIZE.test(v.trim()))
    ? undefined
    : 'must be a number of bytes or a size such as "20MB"';

/** Bytes of a size option (`20MB`, `512kb`, `1000`). */
export function parseSize(value: number | string): number {
  if (typeof value === 'number') return value;
  const m = SIZE.exec(value.trim());
  if (!m) throw new ConfigError(`invalid size '${value}'`);
  const unit = (m[2] ?? 'b').toLowerCase()[0] as string;
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.round(Number(m[1]) * factor);
}

const matchers: Check = (v) => {
  if (!Array.isArray(v)) return 'must be an array of rules';
  for (const [i, m] of v.entries()) {
    const problem =
      matcherProblem(m) ??
      (typeof m === 'object' && m !== null && 'selector' in m
        ? selectorProblem(String(m.selector))
        : undefined);
    if (problem) return `[${i}]: ${problem}`;
  }
  return undefined;
};

const lexicon: Check = (v) => {
  if (!isPlainObject(v)) return `must be an object of phrase lists (keys: ${CONCEPTS.join(', ')})`;
  for (const [k, list] of Object.entries(v)) {
    if (!(CONCEPTS as readonly string[]).includes(k))
      return `unknown lexicon concept '${k}' (choose from ${CONCEPTS.join(', ')})`;
    if (!Array.isArray(list) || !list.every((p) => typeof p === 'string' && p.trim() !== ''))
      return `.${k}: must be an array of non-empty strings`;
  }
  return undefined;
};

/** Keys allowed per site (`sites["example.com"]`). */
export const SITE_KEYS: Readonly<Record<keyof SiteOptions, Check>> = {
  quotes: oneOf(QUOTES),
  dashes: oneOf(DASHES),
  byline: oneOf(BYLINES),
  siteRules: bool,
  maxRemovedShare: share,
  keep: matchers,
  drop: matchers,
  lexicon,
};

const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/i;

const sites: Check = (v) => {
  if (!isPlainObject(v)) return 'must be an object keyed by host';
  for (const [host, entry] of Object.entries(v)) {
    if (!HOST.test(host)) return `'${host}' is not a host name (e.g. "example.com")`;
    if (!isPlainObject(entry)) return `.${host}: must be an object`;
    const global = Object.keys(entry).find((k) => !(k in SITE_KEYS) && k in CONFIG_KEYS);
    if (global) return `!sites.${host}.${global}: '${global}' cannot be set per site`;
    const problem = checkKeys(entry, SITE_KEYS, `sites.${host}.`);
    if (problem) return `!${problem}`;
  }
  return undefined;
};

/** Every key a config file may hold. */
export const CONFIG_KEYS: Readonly<Record<keyof CopydeskConfig, Check>> = {
  $schema: str,
  from: oneOf(FROM_CHOICES),
  quotes: oneOf(QUOTES),
  dashes: oneOf(DASHES),
  byline: oneOf(BYLINES),
  siteRules: bool,
  referenceDate: date,
  maxRemovedShare: share,
  keep: matchers,
  drop: matchers,
  lexicon,
  sites,
  out: str,
  concurrency: posInt,
  maxBytes: size,
  timeout: positive,
  resume: bool,
  quiet: bool,
  siteRepeats: bool,
  favor: oneOf(['balanced', 'precision', 'recall']),
  links: bool,
  images: bool,
  tables: bool,
  withComments: bool,
  maxBlocks: (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= 1
      ? undefined
      : 'must be a whole number of at least 1',
  targetLanguage: (v) =>
    typeof v === 'string' && /^[a-z]{2,3}$/i.test(v.trim())
      ? undefined
      : 'must be a language code such as en, de, fr',
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = row;
  }
  return prev[b.length] as number;
}

/** The known key a misspelt one most likely meant (case, plural, or up to 2 edits). */
export function closest(key: string, keys: readonly string[]): string | undefined {
  const k = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of keys) {
    const l = c.toLowerCase();
    const d = l === k || l.replace(/s$/, '') === k.replace(/s$/, '') ? 0 : distance(k, l);
    if (d < bestDistance && d <= Math.max(1, Math.floor(l.length / 3))) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * First problem of `obj` against `schema`, as `key: message` (or undefined).
 * A check's message that starts with `[` or `.` continues the key's path;
 * one that starts with `!` is complete.
 */
function checkKeys(
  obj: Record<string, unknown>,
  schema: Readonly<Record<string, Check>>,
  prefix = '',
): string | undefined {
  const keys = Object.keys(schema);
  for (const [key, value] of Object.entries(obj)) {
    const check = schema[key];
    if (!check) {
      const hint = closest(key, keys);
      return `unknown key '${prefix}${key}'${hint ? ` (did you mean '${hint}'?)` : ''}`;
    }
    if (value === undefined) continue;
    const problem = check(value);
    if (!problem) continue;
    // `!` marks a complete message from a nested object (sites).
    if (problem.startsWith('!')) return problem.slice(1);
    return /^[[.]/.test(problem) ? `${prefix}${key}${problem}` : `${prefix}${key}: ${problem}`;
  }
  return undefined;
}

/** Validate a config object; throws a `ConfigError` naming the file and the key. */
export function validateConfig(value: unknown, file: string): CopydeskConfig {
  if (!isPlainObject(value)) throw new ConfigError(`${file}: the config must be an object`);
  const problem = checkKeys(value, CONFIG_KEYS);
  if (problem) throw new ConfigError(`${file}: ${problem}`);
  return value as CopydeskConfig;
}

/**
 * Validate the rule options of `clean()` (`keep`, `drop`, `lexicon`, `sites`)
 * and return the resolved ones.
 */
export function resolveRuleOptions(options: Readonly<CleanOptions>): {
  keep: readonly Matcher[];
  drop: readonly Matcher[];
  lexicon: Phrases | undefined;
} {
  const subset: Record<string, unknown> = {};
  for (const key of ['keep', 'drop', 'lexicon', 'sites'] as const)
    if (options[key] !== undefined) subset[key] = options[key];
  const problem = checkKeys(subset, CONFIG_KEYS);
  if (problem) throw new ConfigError(`invalid option ${problem}`);
  return { keep: options.keep ?? [], drop: options.drop ?? [], lexicon: options.lexicon };
}
