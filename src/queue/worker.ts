/**
 * The queue worker: takes jobs from BullMQ, cleans them on the worker pool
 * (one `PooledCleaner` per distinct job options), and writes the same
 * `name.md` + `name.json` as `copydesk clean` (atomically), or leaves the
 * result in the queue (`results: 'queue'`).
 *
 * - Bad input (binary, undecodable, too large, over the time limit, a crash
 *   while cleaning) fails the job at once with the CLI's reason
 *   (`UnrecoverableError`: no retry).
 * - Anything else that throws (a write error, Redis trouble) is transient:
 *   BullMQ retries with backoff up to the job's attempts.
 * - A worker killed mid-job loses nothing: its lock expires and BullMQ's
 *   stalled-job check gives the job to another worker. Outputs are written
 *   with temp file + rename, so a retried job never leaves two versions.
 */
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { PoolBusyError, PooledCleaner } from '../batch/pooled.js';
import { withFetchDate, writeOutputs } from '../warc/clean-warc.js';
import {
  type CleanJobData,
  type CleanJobResult,
  cleanOptionsOf,
  connectionOf,
  optionsKey,
} from './jobs.js';

export interface WorkerConfig {
  redis: string;
  queue: string;
  outDir: string;
  results: 'files' | 'queue';
  threads: number;
  timeoutMs: number;
  /** How long a job stays locked without a heartbeat before another worker may take it (ms). */
  lockMs: number;
  /** One line per finished or failed job (default: nothing). */
  log?: ((line: string) => void) | undefined;
}

export interface QueueWorker {
  /** Stop taking jobs, finish the active ones, stop the pool. */
  close(): Promise<void>;
  /** Resolves once the worker is connected and waiting for jobs. */
  ready(): Promise<void>;
}

export function startWorker(config: WorkerConfig): QueueWorker {
  const pools = new Map<string, PooledCleaner>();
  const poolFor = (data: CleanJobData): PooledCleaner => {
    const key = optionsKey(data.options);
    let pool = pools.get(key);
    if (!pool) {
      pool = new PooledCleaner({
        threads: config.threads,
        options: cleanOptionsOf(data.options),
        timeoutMs: config.timeoutMs,
        maxQueue: config.threads * 2,
      });
      pools.set(key, pool);
    }
    return pool;
  };

  const handle = async (job: Job<CleanJobData, CleanJobResult>): Promise<CleanJobResult> => {
    const data = job.data;
    const bytes = Buffer.from(data.content, 'base64');
    let result: Awaited<ReturnType<PooledCleaner['clean']>>;
    try {
      result = await poolFor(data).clean({
        bytes,
        path: data.path,
        from: data.options.from,
        url: data.url,
      });
    } catch (error) {
      if (error instanceof PoolBusyError) throw new Error('worker pool busy; retrying');
      throw error;
    }
    if (result.kind === 'failed') {
      config.log?.(`failed ${data.path}: ${result.reason}`);
      throw new UnrecoverableError(result.reason);
    }
    if (result.kind === 'empty') {
      config.log?.(`skipped ${data.path}: empty or whitespace-only input`);
      return { status: 'empty' };
    }
    const metadata = withFetchDate(result.metadata, data.fetched);
    if (config.results === 'queue') {
      config.log?.(`cleaned ${data.path}`);
      return { status: 'cleaned', markdown: result.markdown, metadata };
    }
    await writeOutputs(config.outDir, data.outKey, result.markdown, metadata);
    config.log?.(`cleaned ${data.path} -> ${data.outKey}.md`);
    return { status: 'cleaned', outputs: [`${data.outKey}.md`, `${data.outKey}.json`] };
  };

  const worker = new Worker<CleanJobData, CleanJobResult>(config.queue, handle, {
    connection: connectionOf(config.redis),
    concurrency: config.threads * 2,
    lockDuration: config.lockMs,
    stalledInterval: Math.max(1000, Math.floor(config.lockMs / 2)),
    maxStalledCount: 3,
    autorun: true,
  });
  // Connection errors are retried by ioredis; they must not crash the process.
  worker.on('error', (error) => config.log?.(`queue error: ${error.message}`));

  return {
    ready: () => worker.waitUntilReady().then(() => undefined),
    close: async () => {
      await worker.close();
      await Promise.all([...pools.values()].map((p) => p.close()));
    },
  };
}
