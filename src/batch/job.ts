/**
 * One file's cleaning, the same in-process and in a worker: bytes in, a plain
 * (structured-cloneable) result out. Errors never cross as exceptions: bad
 * input becomes `{ kind: 'failed', problem, reason }` with a one-line reason.
 */
import type { MessagePort } from 'node:worker_threads';
import type { Cleaner } from '../clean.js';
import { InputError, type InputProblem } from '../errors.js';
import type { FromOption } from '../readers/index.js';
import type { Metadata } from '../writers/metadata.js';

export interface CleanJob {
  bytes: Uint8Array;
  /** Display path (or record id): the extension picks the format under `--from auto`. */
  path: string;
  from?: FromOption | undefined;
  url?: string | undefined;
  /** In a worker: posted to once the worker takes the job (starts the time limit, `pool.ts`). */
  started?: MessagePort | undefined;
}

export type JobResult =
  | { kind: 'cleaned'; markdown: string; metadata: Metadata }
  | { kind: 'empty'; markdown: string; metadata: Metadata }
  | { kind: 'failed'; problem: InputProblem; reason: string };

/** First line of an error message, without the path prefix decode adds. */
function oneLine(message: string, path: string): string {
  const first = (message.split('\n')[0] ?? '').trim();
  return first.startsWith(`${path}: `) ? first.slice(path.length + 2) : first;
}

export function runJob(cleaner: Cleaner, job: CleanJob): JobResult {
  try {
    const doc = {
      path: job.path,
      ...(job.from ? { from: job.from } : {}),
      ...(job.url ? { url: job.url } : {}),
    };
    const result = cleaner.clean(job.bytes, doc);
    if (result.metadata.status === 'empty' && result.markdown.trim() === '')
      return { kind: 'empty', markdown: '', metadata: result.metadata };
    return { kind: 'cleaned', markdown: result.markdown, metadata: result.metadata };
  } catch (error) {
    if (error instanceof InputError)
      return { kind: 'failed', problem: error.problem, reason: oneLine(error.message, job.path) };
    if (error instanceof RangeError && /call stack/i.test(error.message))
      return { kind: 'failed', problem: 'crashed', reason: 'nesting too deep to process' };
    const message = error instanceof Error ? error.message : String(error);
    return {
      kind: 'failed',
      problem: 'crashed',
      reason: `internal error: ${oneLine(message, job.path)}`,
    };
  }
}
