/**
 * Cleaning on the worker pool for long-running callers (`copydesk serve`, the
 * queue worker, WARC archives): one `CleanPool` (`./pool.ts`), a per-document
 * time limit, and a bound on how many documents may wait for a thread.
 *
 * Outcomes are the batch runner's: a `JobResult` (cleaned, empty, or failed
 * with the same one-line reason), never an exception for bad input. Only
 * `PoolBusyError` (the bound is reached) and `PoolClosedError` are thrown, so
 * a caller can answer "try again later" instead of growing memory.
 */
import type { CleanOptions } from '../options.js';
import type { CleanJob, JobResult } from './job.js';
import { type CleanPool, cleanInPool, createPool } from './pool.js';

export interface PooledOptions {
  /** Worker threads. */
  threads: number;
  options: CleanOptions;
  /** Per-document time limit in ms. */
  timeoutMs: number;
  /** Documents allowed to wait for a thread beyond those running (default: `threads × 16`). */
  maxQueue?: number | undefined;
}

/** The pool's queue is full: try again later. */
export class PoolBusyError extends Error {
  constructor() {
    super('busy: the cleaning queue is full');
    this.name = 'PoolBusyError';
  }
}

/** The pool is shutting down. */
export class PoolClosedError extends Error {
  constructor() {
    super('shutting down');
    this.name = 'PoolClosedError';
  }
}

export class PooledCleaner {
  readonly threads: number;
  readonly timeoutMs: number;
  readonly maxQueue: number;
  readonly #pool: CleanPool;
  #pending = 0;
  #closed = false;

  constructor(options: PooledOptions) {
    this.threads = Math.max(1, options.threads);
    this.timeoutMs = options.timeoutMs;
    this.maxQueue = options.maxQueue ?? this.threads * 16;
    this.#pool = createPool({ threads: this.threads, options: options.options });
  }

  /** Documents accepted and not finished (running + waiting). */
  get pending(): number {
    return this.#pending;
  }

  /** Share of the pool's capacity in use, 0–1 (piscina's measure). */
  get utilization(): number {
    return this.#pool.utilization;
  }

  /** Documents waiting for a thread. */
  get queued(): number {
    return this.#pool.queueSize;
  }

  /** True when one more document would be refused. */
  get full(): boolean {
    return this.#pending >= this.threads + this.maxQueue;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Clean one document; bad input is a `failed` result, never an exception. */
  async clean(job: CleanJob, signal?: AbortSignal): Promise<JobResult> {
    if (this.#closed) throw new PoolClosedError();
    if (this.full) throw new PoolBusyError();
    this.#pending++;
    try {
      // Time counts from when a worker takes the document; a dead worker costs it alone.
      return await cleanInPool(this.#pool, job, { timeoutMs: this.timeoutMs, signal });
    } finally {
      this.#pending--;
    }
  }

  /** Refuse new documents, let those in flight finish, stop the threads. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.close();
  }
}
