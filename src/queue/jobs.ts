/**
 * The queue's job format, shared by `enqueue`, `worker` and `queue status`
 * (BullMQ on Redis; docs/cluster.md).
 *
 * A job carries one document inline (base64), the output key `clean` would
 * give it, and the options that change its output. Its id is a hash of the
 * content, those options and the output key, so enqueueing the same page
 * again is a no-op while the job is kept (BullMQ refuses a second job with an
 * existing id).
 */
import { createHash } from 'node:crypto';
import type { JobsOptions } from 'bullmq';
import type { CleanOptions } from '../options.js';
import type { FromOption } from '../readers/index.js';

export const DEFAULT_QUEUE = 'copydesk';

/**
 * The options a job is cleaned with (everything else is the worker's default):
 * clean's options as plain JSON — the config file's rules and lexicon too —
 * but not the page's URL (per document) nor in-process objects.
 */
export type JobOptions = Omit<CleanOptions, 'url' | 'path' | 'sitePacks' | 'siteRepeatCounts'> & {
  from: FromOption;
};

export interface CleanJobData {
  /** The document's bytes, base64. */
  content: string;
  /** Display path (`a/b.html`, `crawl.warc.gz#https://…`): messages and `source.path`. */
  path: string;
  /** Output path without extension, relative to the worker's `--out`. */
  outKey: string;
  options: JobOptions;
  url?: string | undefined;
  /** WARC-Date of an archived record. */
  fetched?: string | undefined;
}

/** What a finished job leaves in the queue. */
export type CleanJobResult =
  | { status: 'cleaned'; outputs: string[] }
  | { status: 'empty' }
  | { status: 'cleaned'; markdown: string; metadata: unknown };

/** Job id: content hash + options + output key (hex, never a bare number: BullMQ ids). */
export function jobIdOf(bytes: Uint8Array, options: JobOptions, outKey: string): string {
  const content = createHash('sha256').update(bytes).digest('hex');
  return createHash('sha256')
    .update(JSON.stringify([content, optionsKey(options), outKey]))
    .digest('hex')
    .slice(0, 40);
}

/** Stable key of a job's options: one worker pool per distinct key. */
export function optionsKey(options: JobOptions): string {
  return canonical(options);
}

/** JSON with object keys sorted and undefined values left out: equal options, equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === 'object')
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

export function cleanOptionsOf(options: JobOptions): CleanOptions {
  return { ...options };
}

/** Retries for transient failures (a full disk, Redis hiccups): exponential backoff. */
export function jobsOptions(attempts: number): JobsOptions {
  return {
    attempts,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: false,
    removeOnFail: false,
  };
}

/**
 * Redis connection options for BullMQ from a `redis://` URL. A worker waits
 * for Redis forever (it reconnects); a one-shot command (`failFast`) gives up
 * after a few tries so that it can say Redis is unreachable.
 */
export function connectionOf(url: string, failFast = false): Record<string, unknown> {
  if (!failFast) return { url, maxRetriesPerRequest: null };
  return {
    url,
    maxRetriesPerRequest: 2,
    connectTimeout: 3000,
    retryStrategy: (times: number) => (times > 3 ? null : 300 * times),
  };
}
