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
import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { expandInputs } from '../batch/inputs.js';
import type { JobResult } from '../batch/job.js';
import { overwrittenInputs, prepareOutDir } from '../batch/out-dir.js';
import { cleanAlone, defaultThreads } from '../batch/pool.js';
import { createReporter, formatSummary } from '../batch/progress.js';
import { type BatchSummary, failLine, runBatch, skipLine } from '../batch/runner.js';
import { version } from '../batch/version.js';
import { typedFlags, withConfigFile } from '../config/cli.js';
import { UsageError } from '../errors.js';
import { runNdjson } from '../ndjson.js';
import type { CleanOptions } from '../options.js';
import { resolveOptions } from '../options.js';
import type { Status } from '../types.js';
import { isWarcPath } from '../warc/path.js';
import { FORMAT_EXTENSION, FORMATS, type OutputFormat, renderDocument } from '../writers/format.js';
import { type CleaningArgs, cleaningOptions, cleanOptionsFromArgs } from './options.js';

export {
  BYLINE_CHOICES,
  cleanOptionsFromArgs,
  DASH_CHOICES,
  DEFAULT_MAX_BYTES,
  QUOTE_CHOICES,
} from './options.js';

/** Default `--timeout` in seconds. */
export const DEFAULT_TIMEOUT = 30;

/** Statuses `--fail-on` accepts. */
export const FAIL_ON_CHOICES: readonly Status[] = ['empty', 'not_article', 'low_confidence'];

export interface CleanArgs extends CleaningArgs {
  inputs?: string[] | undefined;
  out: string;
  json: boolean;
  concurrency: number;
  quiet: boolean;
  resume: boolean;
  timeout: number;
  ndjson: boolean;
  siteRepeats: boolean;
  /** `--format` (default: `md`: `.md` + `.json` per input). */
  format?: OutputFormat | undefined;
  /** `--verbose`: name every page whose status is not ok. */
  verbose?: boolean | undefined;
  /** `--fail-on empty,low_confidence`: exit 1 when a page has one of these statuses. */
  failOn?: Status[] | undefined;
  /** `--out` was given (flag or config), not the default: `--format jsonl` writes that file. */
  outGiven?: boolean | undefined;
}

export interface CleanIO {
  stdin: NodeJS.ReadableStream & AsyncIterable<Buffer | string>;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
}

/** `--fail-on a,b` (or repeated): statuses, checked. */
export function parseFailOn(value: unknown): Status[] {
  const items = (Array.isArray(value) ? value : [value])
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  for (const item of items)
    if (!(FAIL_ON_CHOICES as readonly string[]).includes(item))
      throw new UsageError(
        `--fail-on: unknown status '${item}' (choose from ${FAIL_ON_CHOICES.join(', ')})`,
      );
  return items as Status[];
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
  if (result.kind === 'empty' && result.metadata.counts.inputWords === 0)
    io.stderr.write(`copydesk: ${skipLine('-', 'empty or whitespace-only input')}\n`);
  const format: OutputFormat = args.json ? 'json' : (args.format ?? 'md');
  if (format === 'json' || format === 'jsonl' || result.markdown)
    io.stdout.write(renderDocument(format, result.markdown, result.metadata, '-'));
  return failOnHit(args, [result.metadata.status]) ? 1 : 0;
}

/** A path relative to `cwd` when inside it, else absolute. */
function shown(p: string, cwd: string): string {
  const rel = path.relative(cwd, p);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? p : rel;
}

/** Whether a status in `statuses` is one `--fail-on` names. */
function failOnHit(args: CleanArgs, statuses: readonly Status[]): boolean {
  return (args.failOn ?? []).some((s) => statuses.includes(s));
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
  if (args.out === '-')
    throw new UsageError(
      '--out - is not a folder: for one input on stdout use `clean - < page.html`; for a batch on stdout use --format jsonl',
    );
  const cwd = process.cwd();
  const format: OutputFormat = args.format ?? 'md';
  // --format jsonl: one stream of records, to stdout or to the file --out names
  const jsonlFile = format === 'jsonl' && args.outGiven ? path.resolve(cwd, args.out) : undefined;
  const outDir = format === 'jsonl' ? (jsonlFile ?? cwd) : path.resolve(cwd, args.out);
  const expanded = await expandInputs(inputs, {
    cwd,
    outDir: format === 'jsonl' ? undefined : outDir,
  });
  const extensions =
    format === 'md'
      ? ['.md', '.json']
      : format === 'jsonl'
        ? []
        : ['.json', FORMAT_EXTENSION[format]];
  const replaced = overwrittenInputs(expanded.files, outDir, [...new Set(extensions)]);
  if (jsonlFile) {
    const input = expanded.files.find((f) => path.resolve(f.abs) === jsonlFile);
    if (input) replaced.push([jsonlFile, input.display]);
  }
  if (replaced[0]) {
    const [out, input] = replaced[0];
    throw new UsageError(
      `refusing to write ${shown(out, cwd)} over the input ${input} (--out ${args.out}); choose another --out`,
    );
  }
  if (format !== 'jsonl' || jsonlFile) {
    const folder = jsonlFile ? path.dirname(jsonlFile) : outDir;
    const problem = await prepareOutDir(folder);
    if (problem)
      throw new UsageError(`cannot write to the output folder ${shown(folder, cwd)}: ${problem}`);
  }
  // Crawl archives (.warc, .warc.gz): one document per HTML record (src/warc/clean-warc.ts).
  const archives = expanded.files.filter((f) => isWarcPath(f.abs));
  if (archives.length > 0) expanded.files = expanded.files.filter((f) => !isWarcPath(f.abs));
  const jsonl = format === 'jsonl' ? jsonlSink(jsonlFile, io.stdout) : undefined;
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
        ...(format === 'md'
          ? {}
          : {
              outputs: (markdown, metadata) =>
                format === 'jsonl'
                  ? []
                  : format === 'json'
                    ? [['.json', renderDocument('json', markdown, metadata)]]
                    : [
                        [FORMAT_EXTENSION[format], renderDocument(format, markdown, metadata)],
                        ['.json', `${JSON.stringify(metadata, null, 2)}\n`],
                      ],
            }),
        ...(jsonl
          ? {
              onDocument: (
                display: string,
                markdown: string,
                metadata: import('../writers/metadata.js').Metadata,
              ) => jsonl.write(renderDocument('jsonl', markdown, metadata, display)),
            }
          : {}),
      },
      reporter,
      controller.signal,
    );
    if (archives.length > 0 && !summary.interrupted) {
      // Loaded on demand: warcio is not needed by other runs.
      const { mergeSummaries, runWarcBatch } = await import('../warc/clean-warc.js');
      const warc = await runWarcBatch(
        archives,
        {
          outDir,
          options,
          concurrency: args.concurrency,
          maxBytes: args.maxBytes,
          timeoutMs: args.timeout * 1000,
        },
        reporter,
        controller.signal,
      );
      summary = mergeSummaries(summary, warc);
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await jsonl?.close();
  }
  if (!args.quiet)
    for (const line of formatSummary(summary, { verbose: args.verbose === true }))
      io.stderr.write(`${line}\n`);
  const failedOn = (args.failOn ?? []).filter((s) => summary.statuses[s] > 0);
  if (failedOn.length > 0)
    io.stderr.write(
      `copydesk: exit 1: ${failedOn.map((s) => `${summary.statuses[s]} ${s}`).join(', ')} (--fail-on ${(args.failOn ?? []).join(',')})\n`,
    );
  if (args.json) io.stdout.write(`${JSON.stringify(jsonSummary(summary, cwd, outDir))}\n`);
  if (summary.interrupted) return 130;
  return summary.failed.length > 0 || failedOn.length > 0 ? 1 : 0;
}

/** The `--json` run summary: counts, pages by status, and the pages not ok / skipped / failed by name. */
export function jsonSummary(summary: BatchSummary, cwd: string, outDir: string): object {
  const { skipped, failed, flagged, ...counts } = summary;
  const list = (xs: typeof skipped) => xs.map((x) => ({ input: x.display, reason: x.reason }));
  return {
    ...counts,
    out: path.relative(cwd, outDir) || '.',
    skipped: list(skipped),
    failed: list(failed),
    flagged: flagged.map((x) => ({
      input: x.display,
      status: x.status,
      reasons: x.statusReasons ?? [],
    })),
  };
}

/** Where `--format jsonl` records go: a file (written atomically at the end) or stdout. */
function jsonlSink(
  file: string | undefined,
  stdout: NodeJS.WritableStream,
): { write(line: string): void; close(): Promise<void> } {
  if (!file) return { write: (line) => void stdout.write(line), close: async () => undefined };
  const lines: string[] = [];
  return {
    write: (line) => void lines.push(line),
    close: async () => {
      const { writeFileAtomic } = await import('../batch/atomic.js');
      await writeFileAtomic(file, lines.join(''));
    },
  };
}

export const cleanCommand: CommandModule<object, CleanArgs> = {
  command: 'clean [inputs..]',
  describe: 'Clean scraped pages into article Markdown + metadata JSON',
  builder: (y: Argv) =>
    cleaningOptions(y)
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
      .option('format', {
        alias: 'f',
        choices: FORMATS,
        default: 'md' as OutputFormat,
        describe:
          'output: md (+ .json metadata), txt, html (fragment), json ({markdown, metadata}), jsonl (one line per document: stdout, or the file --out names)',
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'stdin: print {markdown, metadata}; files: print the run summary as JSON',
      })
      .option('concurrency', {
        alias: 'j',
        type: 'number',
        default: defaultThreads(),
        describe: 'worker threads for cleaning (default: cores − 1, at least 1)',
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
      .option('verbose', {
        alias: 'v',
        type: 'boolean',
        default: false,
        describe: 'name every page whose status is not ok in the summary',
      })
      .option('fail-on', {
        type: 'string',
        array: true,
        describe: `exit 1 when a page has one of these statuses (${FAIL_ON_CHOICES.join(', ')}; comma-separated)`,
        coerce: parseFailOn,
      })
      .check((argv) => {
        const a = argv as unknown as CleanArgs;
        if (!Number.isInteger(a.concurrency) || a.concurrency < 1)
          throw new UsageError('--concurrency must be a whole number of at least 1');
        if (!Number.isFinite(a.timeout) || a.timeout <= 0)
          throw new UsageError('--timeout must be a positive number of seconds');
        return true;
      })
      .example('$0 clean seeds --out output', 'clean every page under seeds/ into output/seeds/')
      .example('$0 clean - < page.html > page.md', 'stdin to stdout')
      .example('$0 clean seeds -f jsonl > seeds.jsonl', 'one JSON line per document, for tools')
      .example('$0 clean seeds --fail-on empty', 'exit 1 if a page came out empty')
      .example(
        '$0 clean --ndjson < in.ndjson > out.ndjson',
        'as a pipeline step',
      ) as unknown as Argv<CleanArgs>,
  handler: async (argv) => {
    const raw = hideBin(process.argv);
    const args = await withConfigFile(argv, raw);
    process.exitCode = await runClean({
      ...args,
      outGiven: typedFlags(raw).has('out') || args.out !== 'output',
    });
  },
};
