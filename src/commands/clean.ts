/**
 * `copydesk clean <files|dirs|globs|-> [--out DIR]`
 *
 * - Files, folders and globs: for each input `a/b/name.ext` writes
 *   `OUT/a/b/name.md` and `OUT/a/b/name.json` (see `src/batch/inputs.ts` for
 *   the mirroring rules and name collisions), atomically; `--out` defaults to
 *   `output`. `--json` additionally prints the run's summary as JSON on stdout.
 * - `-`: stdin → Markdown on stdout (`--json`: `{ markdown, metadata }`).
 * - `--ndjson`: records `{id, content, format?, url?}` on stdin → results
 *   `{id, markdown, metadata}` on stdout, one per line (`src/ndjson.ts`).
 *
 * Each input is cleaned, skipped (one warning line) or failed (one error
 * line); exit 0 when nothing failed, 1 when something failed, 2 bad usage.
 * Ctrl-C / SIGTERM: stop taking files, remove temp files, save the manifest,
 * exit 130.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { expandInputs } from '../batch/inputs.js';
import type { JobResult } from '../batch/job.js';
import { cleanAlone } from '../batch/pool.js';
import { createReporter, formatSummary } from '../batch/progress.js';
import { failLine, runBatch, skipLine } from '../batch/runner.js';
import { version } from '../batch/version.js';
import { type ConfigOnlyOptions, withConfigFile } from '../config/cli.js';
import { UsageError } from '../errors.js';
import { runNdjson } from '../ndjson.js';
import type { BylineMode, CleanOptions, DashStyle, QuoteStyle } from '../options.js';
import { resolveOptions } from '../options.js';
import { FROM_CHOICES, type FromOption } from '../readers/index.js';

/** Default `--max-bytes`: 20 MiB. Larger inputs fail without being read. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** Default `--timeout` in seconds. */
export const DEFAULT_TIMEOUT = 30;

export interface CleanArgs {
  inputs?: string[] | undefined;
  out: string;
  from: FromOption;
  quotes: QuoteStyle;
  dashes: DashStyle;
  byline: BylineMode;
  json: boolean;
  siteRules: boolean;
  concurrency: number;
  quiet: boolean;
  resume: boolean;
  maxBytes: number;
  timeout: number;
  ndjson: boolean;
  siteRepeats: boolean;
  url?: string | undefined;
  /** `--config FILE` (else copydesk.config.json|js found upwards from the first input). */
  config?: string | undefined;
  /** Options only the config file sets (rules, lexicon, per-site overrides…), see `withConfigFile`. */
  configOptions?: ConfigOnlyOptions | undefined;
}

export interface CleanIO {
  stdin: NodeJS.ReadableStream & AsyncIterable<Buffer | string>;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
}

const QUOTE_CHOICES: readonly QuoteStyle[] = ['curly', 'uk', 'straight', 'auto', 'none'];
const BYLINE_CHOICES: readonly BylineMode[] = ['keep', 'normalize', 'drop'];
const DASH_CHOICES: readonly DashStyle[] = ['em', 'en-spaced', 'none'];

/** The library options a `clean` invocation asks for. */
export function cleanOptionsFromArgs(args: CleanArgs): CleanOptions {
  return {
    ...(args.configOptions ?? {}),
    from: args.from,
    quotes: args.quotes,
    dashes: args.dashes,
    byline: args.byline,
    siteRules: args.siteRules,
    ...(args.url ? { url: args.url } : {}),
  };
}

async function readStdin(
  stdin: AsyncIterable<Buffer | string>,
  maxBytes: number,
): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const c of stdin) {
    const b = typeof c === 'string' ? Buffer.from(c) : c;
    total += b.length;
    if (total > maxBytes) return undefined;
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

async function runStdin(args: CleanArgs, options: CleanOptions, io: CleanIO): Promise<number> {
  const bytes = await readStdin(io.stdin, args.maxBytes);
  if (!bytes) {
    io.stderr.write(
      `copydesk: ${failLine('-', `too large (over ${args.maxBytes} bytes, see --max-bytes)`)}\n`,
    );
    return 1;
  }
  // In a worker, like every file of a batch: --timeout and the memory ceiling hold for stdin too.
  const result: JobResult = await cleanAlone({ bytes, path: '-', from: args.from }, options, {
    timeoutMs: args.timeout * 1000,
  });
  if (result.kind === 'failed') {
    io.stderr.write(`copydesk: ${failLine('-', result.reason)}\n`);
    return 1;
  }
  if (result.kind === 'empty')
    io.stderr.write(`copydesk: ${skipLine('-', 'empty or whitespace-only input')}\n`);
  if (args.json)
    io.stdout.write(
      `${JSON.stringify({ markdown: result.markdown, metadata: result.metadata })}\n`,
    );
  else if (result.markdown)
    io.stdout.write(result.markdown.endsWith('\n') ? result.markdown : `${result.markdown}\n`);
  return 0;
}

/** Run `copydesk clean`; returns the exit status. */
export async function runClean(args: CleanArgs, io: CleanIO = process): Promise<number> {
  const options = cleanOptionsFromArgs(args);
  resolveOptions(options); // throws UsageError on bad values
  const inputs = args.inputs ?? [];
  if (args.ndjson) {
    if (inputs.length > 0 && !(inputs.length === 1 && inputs[0] === '-'))
      throw new UsageError('--ndjson reads records from stdin; give no inputs (or -)');
    const r = await runNdjson(io.stdin, io.stdout, options, { maxBytes: args.maxBytes });
    if (!args.quiet)
      io.stderr.write(
        `copydesk: ${r.records} records: ${r.ok} cleaned, ${r.empty} empty, ${r.failed} failed\n`,
      );
    return r.failed > 0 ? 1 : 0;
  }
  if (inputs.length === 0)
    throw new UsageError('no inputs: name files, folders, globs, or - for stdin');
  if (inputs.includes('-')) {
    if (inputs.length > 1) throw new UsageError('- (stdin) cannot be combined with other inputs');
    return runStdin(args, options, io);
  }
  const cwd = process.cwd();
  const outDir = path.resolve(cwd, args.out);
  const expanded = await expandInputs(inputs, { cwd, outDir });
  const reporter = createReporter({ quiet: args.quiet, stream: io.stderr });
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (): void => {
    signals++;
    if (signals > 1) process.exit(130);
    io.stderr.write(
      '\ncopydesk: interrupted; finishing files in flight (Ctrl-C again to quit now)\n',
    );
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let summary: Awaited<ReturnType<typeof runBatch>>;
  try {
    summary = await runBatch(
      expanded,
      {
        outDir,
        options,
        concurrency: args.concurrency,
        maxBytes: args.maxBytes,
        timeoutMs: args.timeout * 1000,
        resume: args.resume,
        version: version(),
        siteRepeats: args.siteRepeats,
      },
      reporter,
      controller.signal,
    );
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (!args.quiet) for (const line of formatSummary(summary)) io.stderr.write(`${line}\n`);
  if (args.json) {
    const { skipped, failed, ...counts } = summary;
    const list = (xs: typeof skipped) => xs.map((x) => ({ input: x.display, reason: x.reason }));
    io.stdout.write(
      `${JSON.stringify({ ...counts, out: path.relative(cwd, outDir) || '.', skipped: list(skipped), failed: list(failed) })}\n`,
    );
  }
  if (summary.interrupted) return 130;
  return summary.failed.length > 0 ? 1 : 0;
}

export const cleanCommand: CommandModule<object, CleanArgs> = {
  command: 'clean [inputs..]',
  describe: 'Clean scraped pages into article Markdown + metadata JSON',
  builder: (y: Argv) =>
    y
      .positional('inputs', {
        type: 'string',
        array: true,
        describe: 'files, folders, globs, or - for stdin',
      })
      .option('out', {
        alias: 'o',
        type: 'string',
        default: 'output',
        describe: 'output folder (the input tree is mirrored in it)',
      })
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
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'stdin: print {markdown, metadata}; files: print the run summary as JSON',
      })
      .option('site-rules', {
        type: 'boolean',
        default: true,
        describe: 'apply site rule packs (--no-site-rules to switch them off)',
      })
      .option('url', { type: 'string', describe: 'URL of the page (stdin input)' })
      .option('config', {
        type: 'string',
        describe:
          'config file (default: copydesk.config.json|js found upwards from the first input)',
      })
      .option('concurrency', {
        alias: 'j',
        type: 'number',
        default: availableParallelism(),
        describe: 'worker threads for cleaning (default: number of cores)',
      })
      .option('quiet', {
        alias: 'q',
        type: 'boolean',
        default: false,
        describe: 'no progress bar and no summary (skip/fail lines still print)',
      })
      .option('resume', {
        type: 'boolean',
        default: false,
        describe: 'skip inputs unchanged since a finished run (OUT/.copydesk-manifest.json)',
      })
      .option('max-bytes', {
        type: 'number',
        default: DEFAULT_MAX_BYTES,
        describe: 'inputs larger than this fail without being read',
      })
      .option('timeout', {
        type: 'number',
        default: DEFAULT_TIMEOUT,
        describe: 'per-file time limit in seconds (worker pool)',
      })
      .option('ndjson', {
        type: 'boolean',
        default: false,
        describe: 'stdin records {id, content, format?, url?} → stdout {id, markdown, metadata}',
      })
      .option('site-repeats', {
        type: 'boolean',
        default: false,
        describe: 'also remove blocks repeated across many pages of one site (two passes)',
      })
      .check((argv) => {
        const a = argv as unknown as CleanArgs;
        if (!Number.isInteger(a.concurrency) || a.concurrency < 1)
          throw new UsageError('--concurrency must be a whole number of at least 1');
        if (!Number.isFinite(a.maxBytes) || a.maxBytes < 1)
          throw new UsageError('--max-bytes must be a positive number of bytes');
        if (!Number.isFinite(a.timeout) || a.timeout <= 0)
          throw new UsageError('--timeout must be a positive number of seconds');
        return true;
      })
      .example('$0 clean seeds --out output', 'clean every page under seeds/ into output/seeds/')
      .example('$0 clean - < page.html > page.md', 'stdin to stdout')
      .example(
        '$0 clean --ndjson < records.ndjson > results.ndjson',
        'as a pipeline step',
      ) as unknown as Argv<CleanArgs>,
  handler: async (argv) => {
    process.exitCode = await runClean(await withConfigFile(argv, hideBin(process.argv)));
  },
};
