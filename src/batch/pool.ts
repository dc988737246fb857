/**
 * The worker pool (piscina) for CPU-bound cleaning across cores.
 *
 * Run from source (this file ends in `.ts`, under tsx or vitest), workers load
 * `src/worker.ts` through `--import tsx`; built, they load `dist/src/worker.js`
 * (Node 20 workers cannot load TypeScript by themselves).
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { CleanOptions } from '../options.js';
import type { CleanJob, JobResult } from './job.js';

/** Thrown by `cleanInPool` when the run's own signal (Ctrl-C) stopped the file. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

export interface PoolOptions {
  threads: number;
  options: CleanOptions;
  /**
   * Heap limit per worker in MB (default: `384`): an out-of-memory file fails
   * alone, and a many-file batch stays within a few hundred MB (at 2048 a
   * 5,000-file batch peaked at 645 MB RSS; at 256, 354 MB).
   */
  maxOldGenerationSizeMb?: number;
  /**
   * Young generation per worker in MB (default: `48`, V8's own is 16 on
   * 64-bit): a clean allocates many short-lived strings and nodes, and a
   * larger nursery promotes fewer of them, so scavenges and GC helper
   * threads cost less CPU (see docs/benchmarks.md).
   */
  maxYoungGenerationSizeMb?: number;
}

export type CleanPool = Piscina<CleanJob, JobResult>;

/**
 * The default number of worker threads (`-j`) on a machine of `cores` cores:
 * one fewer than the cores, at least one. One clean keeps more than one core
 * busy (V8's GC and compiler threads run beside it, and the main thread reads
 * and writes the files), so a thread per core was slower than one thread on a
 * 2-core machine (docs/benchmarks.md, "Workers that help").
 */
export function defaultThreads(cores: number = availableParallelism()): number {
  return Math.max(1, Math.floor(cores) - 1);
}

function tsxLoader(): string {
  try {
    return import.meta.resolve('tsx');
  } catch {
    return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  }
}

export function createPool(pool: PoolOptions): CleanPool {
  const fromSource = fileURLToPath(import.meta.url).endsWith('.ts');
  const filename = fileURLToPath(
    new URL(fromSource ? '../worker.ts' : '../worker.js', import.meta.url),
  );
  const piscina = new Piscina<CleanJob, JobResult>({
    filename,
    minThreads: Math.min(pool.threads, 1),
    maxThreads: pool.threads,
    idleTimeout: 1000,
    workerData: { options: pool.options },
    // Resolved from here, not from the working directory (which may have no node_modules).
    execArgv: fromSource ? ['--import', tsxLoader()] : [],
    resourceLimits: {
      maxOldGenerationSizeMb: pool.maxOldGenerationSizeMb ?? 384,
      maxYoungGenerationSizeMb: pool.maxYoungGenerationSizeMb ?? 48,
      stackSizeMb: 8,
    },
  });
  // A worker that dies (start-up failure, out of memory) rejects its task; the pool's own 'error' event must not crash the run.
  piscina.on('error', () => undefined);
  return piscina;
}

/** The one-line reason for a worker that died under a file (piscina's rejection). */
export function deathReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory/i.test(message))
    return 'worker died: out of memory (the per-file memory ceiling)';
  if (/call stack/i.test(message)) return 'worker died: nesting too deep to process';
  return `worker died: ${message.split('\n')[0]}`;
}

export interface PoolRunOptions {
  /** Time limit in ms, counted from when a worker takes the file. */
  timeoutMs: number;
  /**
   * Time a worker may take to start and take the file, in ms (default 60 s;
   * not part of `timeoutMs`). Measured from when the pool has a thread for it.
   */
  startupMs?: number | undefined;
  /** The run's own stop signal (Ctrl-C / SIGTERM). */
  signal?: AbortSignal | undefined;
}

/**
 * Clean `job` in `pool`, never throwing for the file's sake: a worker that runs
 * out of time is stopped (the file fails "over the time limit"), a worker that
 * dies (out of memory, abort, crash) costs this file only (piscina replaces the
 * worker). Throws `Interrupted` when `signal` stopped it.
 *
 * The timer starts when a worker takes the file (the worker posts on
 * `job.started`), not when it is queued nor while a worker starts up, so files
 * waiting behind a slow one keep their whole time limit.
 */
export async function cleanInPool(
  pool: CleanPool,
  job: CleanJob,
  run: PoolRunOptions,
): Promise<JobResult> {
  if (run.signal?.aborted) throw new Interrupted();
  // The worker says when it takes the job: start-up (loading the pipeline) is not the file's time.
  const { port1, port2 } = new MessageChannel();
  const stop = new AbortController();
  const startupMs = run.startupMs ?? 60_000;
  let stopped: 'startup' | 'timeout' | undefined;
  let timer: NodeJS.Timeout | undefined = setTimeout(() => {
    stopped = 'startup';
    stop.abort();
  }, startupMs);
  port1.once('message', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stopped = 'timeout';
      stop.abort();
    }, run.timeoutMs);
  });
  const onStop = (): void => stop.abort();
  run.signal?.addEventListener('abort', onStop, { once: true });
  try {
    return await pool.run(
      { ...job, started: port2 },
      { signal: stop.signal, transferList: [port2] },
    );
  } catch (error) {
    if (run.signal?.aborted) throw new Interrupted();
    if (stopped === 'startup')
      return {
        kind: 'failed',
        problem: 'timeout',
        reason: `no worker started within ${startupMs / 1000} s`,
      };
    if (stopped === 'timeout')
      return {
        kind: 'failed',
        problem: 'timeout',
        reason: `over the time limit (${run.timeoutMs / 1000} s, see --timeout)`,
      };
    return { kind: 'failed', problem: 'crashed', reason: deathReason(error) };
  } finally {
    clearTimeout(timer);
    port1.close();
    run.signal?.removeEventListener('abort', onStop);
  }
}

/**
 * Clean one job in a worker of its own (stdin, one-off calls), with the same
 * time limit and memory ceiling as a batch; the worker is gone afterwards.
 */
export async function cleanAlone(
  job: CleanJob,
  options: CleanOptions,
  run: PoolRunOptions,
): Promise<JobResult> {
  const pool = createPool({ threads: 1, options });
  try {
    return await cleanInPool(pool, job, run);
  } finally {
    await pool.destroy();
  }
}
