/**
 * The cleaning options `clean`, `diff` and `review` share: one definition of
 * each flag, one mapping to library options, and the same config file (see
 * `src/config/cli.ts`), so what an editor sees in `diff` and `review` is what
 * `clean` writes.
 */
import type { Argv } from 'yargs';
import { type ConfigOnlyOptions, withConfigFile } from '../config/cli.js';
import { parseSize } from '../config/validate.js';
import { UsageError } from '../errors.js';
import type { BylineMode, CleanOptions, DashStyle, Favor, QuoteStyle } from '../options.js';
import { FROM_CHOICES, type FromOption } from '../readers/index.js';

/** Default `--max-bytes`: 20 MiB. Larger inputs fail without being read. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export const QUOTE_CHOICES: readonly QuoteStyle[] = ['curly', 'uk', 'straight', 'auto', 'none'];
export const BYLINE_CHOICES: readonly BylineMode[] = ['keep', 'normalize', 'drop'];
export const DASH_CHOICES: readonly DashStyle[] = ['em', 'en-spaced', 'none'];

/** Arguments of the shared cleaning options (after the config file is applied). */
export interface CleaningArgs {
  from: FromOption;
  quotes: QuoteStyle;
  dashes: DashStyle;
  byline: BylineMode;
  siteRules: boolean;
  maxBytes: number;
  url?: string | undefined;
  /** `--config FILE` (else copydesk.config.json|js|mjs found upwards from the first input). */
  config?: string | undefined;
  /** `--precision` / `--recall`: which error to prefer. */
  precision?: boolean | undefined;
  recall?: boolean | undefined;
  /** `--no-links`, `--no-images`, `--no-tables`. */
  links?: boolean | undefined;
  images?: boolean | undefined;
  tables?: boolean | undefined;
  withComments?: boolean | undefined;
  targetLanguage?: string | undefined;
  maxBlocks?: number | undefined;
  /** Options only the config file sets (rules, lexicon, per-site overrides…), see `withConfigFile`. */
  configOptions?: ConfigOnlyOptions | undefined;
}

/** `--max-bytes 20MB` as the config file accepts it: a number of bytes or a size. */
export function maxBytesArg(value: unknown): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1)
      throw new UsageError('--max-bytes must be a positive number of bytes or a size such as 20MB');
    return value;
  }
  try {
    const n = parseSize(String(value));
    if (n < 1) throw new Error('zero');
    return n;
  } catch {
    throw new UsageError(
      `--max-bytes: '${String(value)}' is not a number of bytes or a size such as 20MB`,
    );
  }
}

/** Add the shared cleaning options to a command. */
export function cleaningOptions<T>(y: Argv<T>, what: { url?: boolean } = {}): Argv<T> {
  const options = y
    .option('from', {
      choices: FROM_CHOICES,
      default: 'auto' as FromOption,
      describe: 'input format',
    })
    .option('quotes', {
      choices: QUOTE_CHOICES,
      default: 'curly' as QuoteStyle,
      describe: 'quotation mark style',
    })
    .option('dashes', {
      choices: DASH_CHOICES,
      default: 'em' as DashStyle,
      describe: 'dash between words: em (—, spacing as written), en-spaced ( – ), none',
    })
    .option('byline', {
      choices: BYLINE_CHOICES,
      default: 'normalize' as BylineMode,
      describe: 'what the byline line becomes',
    })
    .option('site-rules', {
      type: 'boolean',
      default: true,
      describe: 'apply site rule packs (--no-site-rules to switch them off)',
    })
    .option('config', {
      type: 'string',
      describe:
        'config file (default: copydesk.config.json|js|mjs found upwards from the first input)',
    })
    .option('max-bytes', {
      type: 'string',
      default: String(DEFAULT_MAX_BYTES),
      describe: 'inputs larger than this fail without being read (bytes, or a size: 20MB, 512kB)',
      coerce: maxBytesArg,
    })
    .option('precision', {
      type: 'boolean',
      describe: 'prefer removing doubtful blocks (less boilerplate, may lose some text)',
      conflicts: 'recall',
    })
    .option('recall', {
      type: 'boolean',
      describe: 'prefer keeping doubtful blocks (no text lost, more boilerplate)',
    })
    .option('links', {
      type: 'boolean',
      default: true,
      describe: 'keep links (--no-links: link text only)',
    })
    .option('images', {
      type: 'boolean',
      default: true,
      describe: 'keep images (--no-images drops them)',
    })
    .option('tables', {
      type: 'boolean',
      default: true,
      describe: 'keep tables (--no-tables drops them)',
    })
    .option('with-comments', {
      type: 'boolean',
      default: false,
      describe: 'keep reader comment threads (rule strip-comments)',
    })
    .option('max-blocks', {
      type: 'number',
      describe:
        'pages with more blocks (lines, paragraphs, list items) fail at once (default 20,000)',
    })
    .option('target-language', {
      type: 'string',
      describe: 'only pages in this language (ISO 639-1, e.g. en); others get status not_article',
    });
  // `serve` and `enqueue` take the URL per document (request, WARC record), not as a flag.
  return (
    (what.url ?? true)
      ? options.option('url', { type: 'string', describe: 'URL of the page (one input or stdin)' })
      : options
  ) as Argv<T>;
}

/** The library options the shared arguments ask for. */
export function cleanOptionsFromArgs(args: Partial<CleaningArgs>): CleanOptions {
  const favor: Favor | undefined = args.precision
    ? 'precision'
    : args.recall
      ? 'recall'
      : undefined;
  return {
    ...(args.configOptions ?? {}),
    ...(args.from ? { from: args.from } : {}),
    ...(args.quotes ? { quotes: args.quotes } : {}),
    ...(args.dashes ? { dashes: args.dashes } : {}),
    ...(args.byline ? { byline: args.byline } : {}),
    ...(args.siteRules !== undefined ? { siteRules: args.siteRules } : {}),
    ...(args.url ? { url: args.url } : {}),
    ...(favor ? { favor } : {}),
    ...(args.links === false ? { links: false } : {}),
    ...(args.images === false ? { images: false } : {}),
    ...(args.tables === false ? { tables: false } : {}),
    ...(args.withComments ? { withComments: true } : {}),
    ...(args.targetLanguage ? { targetLanguage: args.targetLanguage } : {}),
    ...(args.maxBlocks !== undefined ? { maxBlocks: args.maxBlocks } : {}),
  };
}

/** Apply the config file (see `withConfigFile`) to a command's arguments. */
export function withConfig<
  T extends { config?: string | undefined; inputs?: string[] | undefined },
>(args: T, raw: readonly string[]): ReturnType<typeof withConfigFile<T>> {
  return withConfigFile(args, raw);
}
