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
import type { BylineMode, CleanOptions, DashStyle, QuoteStyle } from '../options.js';
import type { FromOption } from '../readers/index.js';

export const DEFAULT_QUEUE = 'copydesk';

/** The options a job is cleaned with (everything else is the worker's default). */
export interface JobOptions {
  from: FromOption;
  quotes: QuoteStyle;
  dashes: DashStyle;
  byline: BylineMode;
  siteRules: boolean;
}

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
    .update(JSON.stringify([content, options, outKey]))
    .digest('hex')
    .slice(0, 40);
}

/** Stable key of a job's options: one worker pool per distinct key. */
export function optionsKey(options: JobOptions): string {
  return JSON.stringify([
    options.from,
    options.quotes,
    options.dashes,
    options.byline,
    options.siteRules,
  ]);
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
