/**
 * `copydesk clean crawl.warc.gz`: every HTML record of an archive cleaned on
 * the worker pool and written like a file's outputs, under the archive's
 * name: `crawl/www.example.com/news/park.md` + `.json` (names: `./names.ts`).
 *
 * Each document has the batch outcomes (cleaned, skipped as empty, failed
 * with the CLI's reason); the record's URL is the page's URL and its
 * WARC-Date goes into `metadata.source.fetched`. Records that are not pages
 * (not HTML, HTTP errors, over `--max-bytes`) are counted and reported in one
 * line per archive. A damaged archive fails with the reason after the records
 * before the damage have been cleaned and written.
 */
import path from 'node:path';
import PQueue from 'p-queue';
import { TempFiles, writeFileAtomic } from '../batch/atomic.js';
import type { InputFile } from '../batch/inputs.js';
import type { JobResult } from '../batch/job.js';
import { PooledCleaner } from '../batch/pooled.js';
import type { BatchReporter, BatchSummary } from '../batch/runner.js';
import { cleanedReport, emptySummary, recorder } from '../batch/runner.js';
import type { CleanOptions } from '../options.js';
import type { Metadata } from '../writers/metadata.js';
import { RecordNames } from './names.js';
import { readWarc, type WarcDocument, type WarcSkip } from './read.js';

export interface WarcBatchConfig {
  outDir: string;
  options: CleanOptions;
  concurrency: number;
  maxBytes: number;
  timeoutMs: number;
}

/** `crawl/2024.warc.gz` → `crawl/2024`: the folder an archive's outputs go under. */
export function archiveKey(outKey: string): string {
  return outKey.replace(/\.warc$/i, '');
}

/** A record's display name in messages: `crawl.warc.gz#https://…` (the URL, else the record number). */
export function recordDisplay(archive: string, doc: { url: string; record: number }): string {
  return `${archive}#${doc.url || `record-${doc.record}`}`;
}

/** The metadata of a cleaned record: the WARC-Date as the fetch date. */
export function withFetchDate(metadata: Metadata, date: string | undefined): Metadata {
  return date ? { ...metadata, source: { ...metadata.source, fetched: date } } : metadata;
}

/** Write a document's two outputs atomically (Markdown first, then the record). */
export async function writeOutputs(
  outDir: string,
  key: string,
  markdown: string,
  metadata: Metadata,
  temps?: TempFiles,
): Promise<void> {
  const md = markdown.endsWith('\n') ? markdown : `${markdown}\n`;
  await writeFileAtomic(path.join(outDir, `${key}.md`), md, temps);
  await writeFileAtomic(
    path.join(outDir, `${key}.json`),
    `${JSON.stringify(metadata, null, 2)}\n`,
    temps,
  );
}

function skipSummary(counts: Map<WarcSkip['reason'], number>): string {
  const words: Record<WarcSkip['reason'], string> = {
    'not-html': 'not HTML',
    'http-error': 'HTTP error or redirect',
    'too-large': 'over --max-bytes',
    undecodable: 'unknown charset',
  };
  return [...counts].map(([reason, n]) => `${n} ${words[reason]}`).join(', ');
}

/** Clean the archives in order; documents of one archive run on the pool in parallel. */
export async function runWarcBatch(
  archives: readonly InputFile[],
  config: WarcBatchConfig,
  reporter: BatchReporter,
  signal?: AbortSignal,
): Promise<BatchSummary> {
  const started = Date.now();
  const summary = emptySummary();
  const finish = recorder(summary, reporter);
  const pool = new PooledCleaner({
    threads: config.concurrency,
    options: config.options,
    timeoutMs: config.timeoutMs,
    maxQueue: config.concurrency * 2,
  });
  const temps = new TempFiles();
  try {
    for (const archive of archives) {
      if (signal?.aborted) {
        summary.interrupted = true;
        break;
      }
      const names = new RecordNames();
      const skips = new Map<WarcSkip['reason'], number>();
      const queue = new PQueue({ concurrency: config.concurrency * 2 });
      const one = async (doc: WarcDocument, key: string): Promise<void> => {
        const display = recordDisplay(archive.display, doc);
        const base = { display, wordsIn: 0, wordsOut: 0 };
        let result: JobResult;
        try {
          result = await pool.clean(
            { bytes: doc.bytes, path: display, from: 'html', url: doc.url || undefined },
            signal,
          );
        } catch {
          return; // interrupted
        }
        if (result.kind === 'failed')
          return finish({ ...base, outcome: 'failed', reason: result.reason });
        if (result.kind === 'empty')
          return finish({ ...base, outcome: 'skipped', reason: 'empty or whitespace-only page' });
        try {
          await writeOutputs(
            config.outDir,
            key,
            result.markdown,
            withFetchDate(result.metadata, doc.date),
            temps,
          );
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? 'error';
          return finish({ ...base, outcome: 'failed', reason: `could not write output (${code})` });
        }
        finish(cleanedReport(display, result.metadata));
      };
      let damage: string | undefined;
      try {
        for await (const item of readWarc(archive.abs, { maxBytes: config.maxBytes })) {
          if (signal?.aborted) {
            summary.interrupted = true;
            break;
          }
          if (item.kind === 'skipped') {
            skips.set(item.reason, (skips.get(item.reason) ?? 0) + 1);
            continue;
          }
          summary.seen++;
          const key = `${archiveKey(archive.outKey)}/${names.next(item.url || `record-${item.record}`)}`;
          queue.add(() => one(item, key)).catch(() => undefined);
          await queue.onSizeLessThan(config.concurrency * 2);
        }
      } catch (error) {
        damage = error instanceof Error ? error.message : String(error);
      }
      await queue.onIdle();
      const skipped = [...skips.values()].reduce((a, b) => a + b, 0);
      if (skipped > 0)
        reporter.warn(
          `${archive.display}: ${skipped} record${skipped === 1 ? '' : 's'} not cleaned (${skipSummary(skips)})`,
        );
      if (damage !== undefined) {
        summary.seen++;
        finish({
          display: archive.display,
          outcome: 'failed',
          reason: damage,
          wordsIn: 0,
          wordsOut: 0,
        });
      }
    }
  } finally {
    await temps.removeAll();
    await pool.close();
  }
  summary.ms = Date.now() - started;
  return summary;
}

/** One summary of a run over files and archives. */
export function mergeSummaries(a: BatchSummary, b: BatchSummary): BatchSummary {
  return {
    seen: a.seen + b.seen,
    cleaned: a.cleaned + b.cleaned,
    unchanged: a.unchanged + b.unchanged,
    skipped: [...a.skipped, ...b.skipped],
    failed: [...a.failed, ...b.failed],
    wordsIn: a.wordsIn + b.wordsIn,
    wordsOut: a.wordsOut + b.wordsOut,
    ms: a.ms + b.ms,
    interrupted: a.interrupted || b.interrupted,
    statuses: {
      ok: a.statuses.ok + b.statuses.ok,
      empty: a.statuses.empty + b.statuses.empty,
      not_article: a.statuses.not_article + b.statuses.not_article,
      low_confidence: a.statuses.low_confidence + b.statuses.low_confidence,
    },
    flagged: [...a.flagged, ...b.flagged],
    renamed: [...a.renamed, ...b.renamed],
    workerDeaths: a.workerDeaths + b.workerDeaths,
  };
}
