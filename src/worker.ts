/**
 * The piscina worker: builds one `Cleaner` from `workerData.options` when the
 * worker starts and cleans every job sent to it (see `src/batch/pool.ts`).
 */
import { workerData } from 'node:worker_threads';
import { type CleanJob, type JobResult, runJob } from './batch/job.js';
import { Cleaner } from './clean.js';
import type { CleanOptions } from './options.js';

const cleaner = new Cleaner((workerData as { options?: CleanOptions } | undefined)?.options ?? {});

export default function cleanInWorker(job: CleanJob): JobResult {
  // The module (and its Cleaner) is loaded: the file's --timeout starts now.
  job.started?.postMessage('started');
  job.started?.close();
  return runJob(cleaner, { ...job, started: undefined });
}
