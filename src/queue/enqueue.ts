/**
 * `copydesk enqueue`: files, folders, globs and WARC archives → one BullMQ
 * job per document, content inline (`./jobs.ts`). Inputs are expanded exactly
 * as `clean` expands them, so a worker writes the outputs `clean` would.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Queue } from 'bullmq';
import { expandInputs } from '../batch/inputs.js';
import { archiveKey } from '../warc/clean-warc.js';
import { RecordNames } from '../warc/names.js';
import { isWarcPath, readWarc } from '../warc/read.js';
import {
  type CleanJobData,
  type CleanJobResult,
  connectionOf,
  type JobOptions,
  jobIdOf,
  jobsOptions,
} from './jobs.js';

export interface EnqueueConfig {
  redis: string;
  queue: string;
  options: JobOptions;
  maxBytes: number;
  attempts: number;
  cwd: string;
}

export interface EnqueueSummary {
  added: number;
  /** Already in the queue (same content, options and output name). */
  existing: number;
  /** Inputs refused or failed before reaching the queue (too large, unreadable, damaged archive). */
  refused: { display: string; reason: string }[];
  /** Inputs skipped (empty files; broken links met while walking). */
  skipped: { display: string; reason: string }[];
  /** WARC records that are not documents (not HTML, HTTP errors…). */
  recordsSkipped: number;
}

const BATCH = 100;

export async function enqueue(
  inputs: readonly string[],
  config: EnqueueConfig,
): Promise<EnqueueSummary> {
  const summary: EnqueueSummary = {
    added: 0,
    existing: 0,
    refused: [],
    skipped: [],
    recordsSkipped: 0,
  };
  const expanded = await expandInputs(inputs, { cwd: config.cwd });
  summary.refused.push(...expanded.failed);
  summary.skipped.push(...expanded.skipped);
  const queue = new Queue<CleanJobData, CleanJobResult>(config.queue, {
    connection: connectionOf(config.redis, true),
  });
  queue.on('error', () => undefined); // reported by the failing command instead
  let pending: { id: string; data: CleanJobData }[] = [];
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const found = await Promise.all(batch.map((j) => queue.getJob(j.id)));
    const fresh = batch.filter((_, i) => !found[i]);
    summary.existing += batch.length - fresh.length;
    if (fresh.length > 0)
      await queue.addBulk(
        fresh.map((j) => ({
          name: 'clean',
          data: j.data,
          opts: { ...jobsOptions(config.attempts), jobId: j.id },
        })),
      );
    summary.added += fresh.length;
  };
  const add = async (
    bytes: Uint8Array,
    data: Omit<CleanJobData, 'content' | 'options'>,
  ): Promise<void> => {
    const full: CleanJobData = {
      ...data,
      content: Buffer.from(bytes).toString('base64'),
      options: config.options,
    };
    pending.push({ id: jobIdOf(bytes, config.options, data.outKey), data: full });
    if (pending.length >= BATCH) await flush();
  };
  const tooLarge = (n: number): string =>
    `too large (${n} bytes; limit ${config.maxBytes}, see --max-bytes)`;
  try {
    for (const file of expanded.files) {
      if (isWarcPath(file.abs)) {
        const names = new RecordNames();
        try {
          for await (const item of readWarc(file.abs, { maxBytes: config.maxBytes })) {
            if (item.kind === 'skipped') {
              summary.recordsSkipped++;
              continue;
            }
            const display = `${file.display}#${item.url || `record-${item.record}`}`;
            await add(item.bytes, {
              path: display,
              outKey: `${archiveKey(file.outKey)}/${names.next(item.url || `record-${item.record}`)}`,
              url: item.url || undefined,
              fetched: item.date,
            });
          }
        } catch (error) {
          summary.refused.push({
            display: file.display,
            reason: error instanceof Error ? error.message : String(error),
          });
        }
        continue;
      }
      let bytes: Buffer;
      try {
        const info = await stat(file.abs);
        if (info.size > config.maxBytes) {
          summary.refused.push({ display: file.display, reason: tooLarge(info.size) });
          continue;
        }
        bytes = await readFile(file.abs);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        summary.refused.push({ display: file.display, reason: `unreadable (${code})` });
        continue;
      }
      if (bytes.toString('utf8').trim() === '') {
        summary.skipped.push({ display: file.display, reason: 'empty or whitespace-only input' });
        continue;
      }
      await add(bytes, { path: file.display, outKey: file.outKey.split(path.sep).join('/') });
    }
    await flush();
  } finally {
    await queue.close();
  }
  return summary;
}
