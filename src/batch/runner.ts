/**
 * The batch runner: every input file goes read → clean → write, with at most
 * `2 × concurrency` files in flight (p-queue) and the cleaning itself on a
 * piscina worker pool of `concurrency` threads. Every file is cleaned in a
 * worker, a lone file too: cleaning is synchronous, so only a worker can be
 * stopped at `--timeout`, held to a memory ceiling, or die without taking the
 * run with it (`cleanInPool`). `--site-repeats` cleans in-process.
 *
 * Each input has one outcome: cleaned (`OUT/<key>.md` + `OUT/<key>.json`,
 * written atomically), unchanged (`--resume`: same bytes and options as a
 * finished earlier run), skipped (empty input; a broken link met while
 * walking), or failed (too large, unreadable, binary, timeout, crash). A
 * failure never stops the rest. Aborting `signal` stops taking new files;
 * files in flight are abandoned (their temp files are removed) or finished.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import PQueue from 'p-queue';
import { Cleaner } from '../clean.js';
import type { CleanOptions } from '../options.js';
import { resolveOptions } from '../options.js';
import { outputWords } from '../review/words.js';
import type { Status } from '../types.js';
import { type Metadata, SCHEMA_VERSION } from '../writers/metadata.js';
import { TempFiles, writeFileAtomic } from './atomic.js';
import type { ExpandedInputs, InputFile } from './inputs.js';
import { type CleanJob, type JobResult, runJob } from './job.js';
import { Manifest } from './manifest.js';
import { type CleanPool, cleanInPool, createPool, Interrupted } from './pool.js';
import { countSiteRepeats } from './site-repeats.js';

export interface BatchConfig {
  /** Absolute output folder. */
  outDir: string;
  options: CleanOptions;
  /** Worker threads (default: the number of cores). */
  concurrency: number;
  /** Inputs larger than this fail without being read. */
  maxBytes: number;
  /** Per-file time limit in ms (worker pool only). */
  timeoutMs: number;
  resume: boolean;
  /** copydesk's version, part of the options hash of `--resume`. */
  version: string;
  /** Per-worker heap ceiling in MB: a file that needs more fails alone (default: the pool's). */
  workerMemoryMb?: number | undefined;
  /** Two passes: count blocks per site first, then remove those on many pages (in-process). */
  siteRepeats?: boolean | undefined;
  /**
   * The files written per cleaned input, as `[extension, content]` (default:
   * `.md` + `.json`; `--format`). An empty list writes nothing (`--format jsonl`).
   */
  outputs?: ((markdown: string, metadata: Metadata) => [string, string][]) | undefined;
  /** Called with every cleaned document, in completion order (`--format jsonl`). */
  onDocument?: ((display: string, markdown: string, metadata: Metadata) => void) | undefined;
  /** Time a worker may take to start before its file fails, in ms (default 60 s; not part of `timeoutMs`). */
  startupMs?: number | undefined;
}

/** The default outputs: `<key>.md` and `<key>.json`. */
export function markdownAndMetadata(markdown: string, metadata: Metadata): [string, string][] {
  return [
    ['.md', markdown.endsWith('\n') ? markdown : `${markdown}\n`],
    ['.json', `${JSON.stringify(metadata, null, 2)}\n`],
  ];
}

export type Outcome = 'cleaned' | 'unchanged' | 'skipped' | 'failed';

export interface FileReport {
  display: string;
  outcome: Outcome;
  reason?: string | undefined;
  wordsIn: number;
  wordsOut: number;
  /** The page's status (cleaned pages; `empty` for an empty input). */
  status?: Status | undefined;
  /** Why the status is not `ok`. */
  statusReasons?: string[] | undefined;
}

export interface BatchReporter {
  /** Called once the number of files is known. */
  start?(total: number): void;
  /** Called when a file is done (any outcome). */
  done?(report: FileReport): void;
  /** One-line warning (skips). */
  warn(line: string): void;
  /** One-line error (failures). */
  error(line: string): void;
  stop?(): void;
}

export interface BatchSummary {
  seen: number;
  cleaned: number;
  unchanged: number;
  skipped: FileReport[];
  failed: FileReport[];
  wordsIn: number;
  wordsOut: number;
  ms: number;
  interrupted: boolean;
  /** Pages by status: cleaned pages, plus empty inputs as `empty`. */
  statuses: Record<Status, number>;
  /** Pages whose status is not `ok`, in completion order. */
  flagged: FileReport[];
  /** Inputs whose outputs got another name than the plain one (collisions, long names). */
  renamed: { display: string; output: string; reason: string }[];
  /** Files whose worker died under them (out of memory, crash); each is also in `failed`. */
  workerDeaths: number;
}

/** A summary with nothing counted yet. */
export function emptySummary(seen = 0): BatchSummary {
  return {
    seen,
    cleaned: 0,
    unchanged: 0,
    skipped: [],
    failed: [],
    wordsIn: 0,
    wordsOut: 0,
    ms: 0,
    interrupted: false,
    statuses: { ok: 0, empty: 0, not_article: 0, low_confidence: 0 },
    flagged: [],
    renamed: [],
    workerDeaths: 0,
  };
}

/** Counts one file's outcome into `summary` and tells `reporter` (warnings, errors, progress). */
export function recorder(summary: BatchSummary, reporter: BatchReporter): (r: FileReport) => void {
  return (r) => {
    if (r.outcome === 'cleaned') summary.cleaned++;
    else if (r.outcome === 'unchanged') summary.unchanged++;
    else if (r.outcome === 'skipped') {
      summary.skipped.push(r);
      reporter.warn(skipLine(r.display, r.reason ?? ''));
    } else {
      summary.failed.push(r);
      reporter.error(failLine(r.display, r.reason ?? ''));
    }
    if (r.status) {
      summary.statuses[r.status]++;
      if (r.status !== 'ok') summary.flagged.push(r);
    }
    summary.wordsIn += r.wordsIn;
    summary.wordsOut += r.wordsOut;
    reporter.done?.(r);
  };
}

/** The report of a cleaned page: words in and out as review/diff count them, and its status. */
export function cleanedReport(display: string, metadata: Metadata): FileReport {
  return {
    display,
    outcome: 'cleaned',
    // One definition of words out and "% removed" (src/review/words.ts): head lines + body.
    wordsIn: metadata.counts.inputWords,
    wordsOut: outputWords(metadata),
    status: metadata.status,
    statusReasons: metadata.statusReasons,
  };
}

export function skipLine(display: string, reason: string): string {
  return `skipped ${display}: ${reason}`;
}

export function failLine(display: string, reason: string): string {
  return `failed ${display}: ${reason}`;
}

/** Hash of everything that changes the output for the same input bytes. */
export function optionsHash(options: CleanOptions, version: string, siteRepeats?: boolean): string {
  const r = resolveOptions(options);
  const relevant = {
    version,
    schema: SCHEMA_VERSION,
    from: r.from,
    quotes: r.quotes,
    dashes: r.dashes,
    byline: r.byline,
    siteRules: r.siteRules,
    referenceDate: r.referenceDate?.toISOString() ?? null,
    maxRemovedShare: r.maxRemovedShare,
    url: r.url ?? null,
    siteRepeats: siteRepeats === true,
    // config-file rules change the output too
    rules: { keep: r.keep, drop: r.drop, lexicon: r.lexicon ?? null, sites: r.sites },
  };
  return createHash('sha256').update(JSON.stringify(relevant)).digest('hex').slice(0, 16);
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${n} bytes`;
}

function errnoReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'unreadable (no such file)';
  if (code === 'EACCES' || code === 'EPERM') return 'unreadable (permission denied)';
  if (code === 'EISDIR') return 'unreadable (is a folder)';
  return `unreadable (${code ?? (error instanceof Error ? error.message : String(error))})`;
}

export async function runBatch(
  inputs: ExpandedInputs,
  config: BatchConfig,
  reporter: BatchReporter,
  signal?: AbortSignal,
): Promise<BatchSummary> {
  const started = Date.now();
  const summary = emptySummary(inputs.files.length + inputs.skipped.length + inputs.failed.length);
  reporter.start?.(summary.seen);
  const finish = recorder(summary, reporter);
  for (const s of inputs.skipped)
    finish({ display: s.display, outcome: 'skipped', reason: s.reason, wordsIn: 0, wordsOut: 0 });
  for (const f of inputs.failed)
    finish({ display: f.display, outcome: 'failed', reason: f.reason, wordsIn: 0, wordsOut: 0 });

  const threads = Math.max(1, Math.min(config.concurrency, inputs.files.length));
  // --site-repeats cleans in-process: each site gets its own cleaner with its counts.
  const sites = config.siteRepeats
    ? await countSiteRepeats(inputs.files, config.options, config.maxBytes)
    : undefined;
  const usePool = !sites && inputs.files.length > 0;
  const pool: CleanPool | undefined = usePool
    ? createPool({
        threads,
        options: config.options,
        ...(config.workerMemoryMb ? { maxOldGenerationSizeMb: config.workerMemoryMb } : {}),
      })
    : undefined;
  const cleaner = usePool ? undefined : new Cleaner(config.options);
  const siteCleaners = new Map<string, Cleaner>();
  const cleanerFor = (display: string): Cleaner => {
    const site = sites?.siteOf.get(display);
    const repeats = site === undefined ? undefined : sites?.repeats.get(site);
    if (site === undefined || !repeats) return cleaner!;
    let c = siteCleaners.get(site);
    if (!c) {
      c = new Cleaner({ ...config.options, siteRepeatCounts: repeats });
      siteCleaners.set(site, c);
    }
    return c;
  };
  const manifest = config.resume ? await Manifest.load(config.outDir) : undefined;
  const hash = optionsHash(config.options, config.version, config.siteRepeats);
  const temps = new TempFiles();
  const queue = new PQueue({ concurrency: usePool ? threads * 2 : 1 });
  // Files handed to the pool: no more than it has threads (the rest wait here, read but not queued in piscina).
  const cpu = new PQueue({ concurrency: threads });

  const onAbort = (): void => {
    summary.interrupted = true;
    queue.clear(); // files already waiting for a worker stop in cleanInPool
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  // Quitting at once (a second Ctrl-C calls process.exit) still leaves no temp file.
  const onExit = (): void => temps.removeAllSync();
  process.on('exit', onExit);

  const clean = async (job: CleanJob): Promise<JobResult> => {
    if (!pool) return runJob(cleanerFor(job.path), job);
    const result = await cpu.add(() =>
      cleanInPool(pool, job, {
        timeoutMs: config.timeoutMs,
        startupMs: config.startupMs,
        signal,
      }),
    );
    if (result === undefined) throw new Interrupted();
    return result;
  };

  const one = async (file: InputFile): Promise<void> => {
    if (signal?.aborted) return;
    const base = { display: file.display, wordsIn: 0, wordsOut: 0 };
    let bytes: Buffer;
    try {
      const info = await stat(file.abs);
      if (info.size > config.maxBytes) {
        finish({
          ...base,
          outcome: 'failed',
          reason: `too large (${formatBytes(info.size)}; limit ${formatBytes(config.maxBytes)}, see --max-bytes)`,
        });
        return;
      }
      bytes = await readFile(file.abs);
    } catch (error) {
      finish({ ...base, outcome: 'failed', reason: errnoReason(error) });
      return;
    }
    const sha256 = manifest ? createHash('sha256').update(bytes).digest('hex') : '';
    if (manifest && (await manifest.isFresh(file.display, sha256, hash))) {
      finish({ ...base, outcome: 'unchanged' });
      return;
    }
    let result: JobResult;
    try {
      result = await clean({ bytes, path: file.display, from: config.options.from });
    } catch {
      return; // interrupted
    }
    if (result.kind === 'failed') {
      if (result.problem === 'crashed' && result.reason.startsWith('worker died'))
        summary.workerDeaths++;
      manifest?.forget(file.display);
      finish({ ...base, outcome: 'failed', reason: result.reason });
      return;
    }
    // An input with words that cleaned down to nothing is a page (status empty), written with its record.
    if (result.kind === 'empty' && result.metadata.counts.inputWords === 0) {
      manifest?.record(file.display, { sha256, options: hash, status: 'skipped', outputs: [] });
      finish({
        ...base,
        outcome: 'skipped',
        reason: 'empty or whitespace-only input',
        status: 'empty',
        statusReasons: result.metadata.statusReasons,
      });
      return;
    }
    const files = (config.outputs ?? markdownAndMetadata)(result.markdown, result.metadata);
    const written = files.map(([ext]) => `${file.outKey}${ext}`);
    try {
      for (const [i, [, content]] of files.entries())
        await writeFileAtomic(path.join(config.outDir, written[i] as string), content, temps);
      config.onDocument?.(file.display, result.markdown, result.metadata);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      finish({ ...base, outcome: 'failed', reason: `could not write output (${code})` });
      return;
    }
    if (file.renamed)
      summary.renamed.push({
        display: file.display,
        output: written[0] ?? file.outKey,
        reason: file.renamed,
      });
    manifest?.record(file.display, {
      sha256,
      options: hash,
      status: 'cleaned',
      outputs: written,
    });
    await manifest?.maybeFlush();
    finish(cleanedReport(file.display, result.metadata));
  };

  try {
    for (const file of inputs.files)
      queue
        .add(() => one(file))
        .catch((error: unknown) => {
          finish({
            display: file.display,
            outcome: 'failed',
            reason: `internal error: ${error instanceof Error ? error.message : String(error)}`,
            wordsIn: 0,
            wordsOut: 0,
          });
        });
    await queue.onIdle();
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await temps.removeAll();
    process.off('exit', onExit);
    await manifest?.flush();
    await pool?.destroy();
    reporter.stop?.();
  }
  summary.ms = Date.now() - started;
  return summary;
}
