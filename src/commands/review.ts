/**
 * `copydesk review <inputs…> --out DIR`: one static HTML report
 * (`DIR/index.html`, self-contained, opens from disk) with a sortable table of
 * documents and, per document, the before/after side by side with every
 * removal highlighted and explained.
 *
 * Inputs are files, folders and globs, expanded like `copydesk clean` does
 * (`src/batch/inputs.ts`). An input that cannot be cleaned is listed as
 * failed with its reason; the report is still written. Exit status: 0, or 1
 * when some input failed, 2 on bad usage.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { expandInputs } from '../batch/inputs.js';
import type { Cleaner } from '../clean.js';
import { withConfigFile } from '../config/cli.js';
import { InputError } from '../errors.js';
import type { ReviewRow } from '../review/index-page.js';
import { buildReport, type DocumentReport, failedReport } from '../review/removals.js';
import { ReviewSite } from '../review/site.js';
import { type CommandIO, reviewCleaner } from './diff.js';
import { type CleaningArgs, cleaningOptions } from './options.js';

export interface ReviewArgs extends Partial<CleaningArgs> {
  inputs: string[];
  out: string;
  title?: string | undefined;
}

export interface ReviewResult {
  /** Exit status. */
  code: number;
  /** Path of the written list page (when written); documents are `docs/<n>.html` beside it. */
  page?: string;
  /** One row per document, in input order. */
  rows: ReviewRow[];
}

/** Clean each input and build its review model (never throws for bad input). */
export async function reviewReports(
  inputs: readonly string[],
  cleaner: Cleaner,
  cwd = process.cwd(),
  outDir?: string,
): Promise<DocumentReport[]> {
  const reports: DocumentReport[] = [];
  await reviewEach(inputs, cleaner, (r) => void reports.push(r), cwd, outDir);
  return reports;
}

/**
 * Clean each input and hand its review model to `onReport` one at a time, so
 * a caller that writes as it goes holds one document, not all of them.
 */
export async function reviewEach(
  inputs: readonly string[],
  cleaner: Cleaner,
  onReport: (report: DocumentReport) => void | Promise<void>,
  cwd = process.cwd(),
  outDir?: string,
): Promise<void> {
  const expanded = await expandInputs(inputs, { cwd, outDir });
  const reports = { push: onReport };
  for (const f of expanded.files) {
    // Inputs outside the working directory read as their mirrored path (`inputs/a.txt`), not /tmp/…
    const name = path.isAbsolute(f.display) ? f.outKey + path.extname(f.abs) : f.display;
    try {
      const bytes = await readFile(f.abs);
      const report = buildReport(cleaner.clean(bytes, { path: name }), name);
      await reports.push(report);
    } catch (error) {
      if (error instanceof InputError) {
        await reports.push(failedReport(name, error.message, error.isSkip ? 'skipped' : 'failed'));
      } else if ((error as NodeJS.ErrnoException).code) {
        await reports.push(
          failedReport(name, `unreadable (${(error as NodeJS.ErrnoException).code})`),
        );
      } else {
        await reports.push(
          failedReport(name, `crashed: ${(error as Error).message ?? String(error)}`),
        );
      }
    }
  }
  for (const s of expanded.skipped)
    await reports.push(failedReport(s.display, s.reason, 'skipped'));
  for (const f of expanded.failed) await reports.push(failedReport(f.display, f.reason));
}

/** `review -`: the page on stdin as one document named `stdin`. */
async function stdinReport(
  args: ReviewArgs,
  cleaner: Cleaner,
  io: CommandIO,
): Promise<DocumentReport[]> {
  const chunks: Buffer[] = [];
  for await (const c of io.stdin ?? process.stdin)
    chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  const bytes = Buffer.concat(chunks);
  if (args.maxBytes !== undefined && bytes.length > args.maxBytes)
    return [failedReport('stdin', `too large (over ${args.maxBytes} bytes, see --max-bytes)`)];
  try {
    return [
      buildReport(
        cleaner.clean(bytes, { path: '-', ...(args.url ? { url: args.url } : {}) }),
        'stdin',
      ),
    ];
  } catch (error) {
    if (error instanceof InputError)
      return [failedReport('stdin', error.message, error.isSkip ? 'skipped' : 'failed')];
    throw error;
  }
}

/** Run `copydesk review`: write `out/index.html`. */
export async function runReview(args: ReviewArgs, io: CommandIO = process): Promise<ReviewResult> {
  const cleaner = reviewCleaner('review', args, io);
  if (!cleaner) return { code: 2, rows: [] };
  if (args.out === '-') {
    io.stderr.write('copydesk review: --out - is not a folder (the report is DIR/index.html)\n');
    return { code: 2, rows: [] };
  }
  const outDir = path.resolve(args.out);
  const site = new ReviewSite(outDir, args.title ? { title: args.title } : {});
  await site.start();
  const onReport = async (r: DocumentReport): Promise<void> => {
    if (r.status === 'failed') io.stderr.write(`copydesk review: ${r.name}: ${r.error}\n`);
    else if (r.status === 'skipped')
      io.stderr.write(`copydesk review: ${r.name}: skipped (${r.error})\n`);
    else if (r.status === 'empty')
      io.stderr.write(`copydesk review: ${r.name}: skipped (empty or white space only)\n`);
    await site.add(r);
  };
  if (args.inputs.includes('-'))
    for (const r of await stdinReport(args, cleaner, io)) await onReport(r);
  else await reviewEach(args.inputs, cleaner, onReport, process.cwd(), outDir);
  const page = await site.finish();
  const rows = site.rows;
  const failed = rows.filter((r) => r.status === 'failed').length;
  io.stderr.write(
    `copydesk review: wrote ${displayPath(page)} and ${rows.length} document page${
      rows.length === 1 ? '' : 's'
    } (${rows.length} document${rows.length === 1 ? '' : 's'}${failed > 0 ? `, ${failed} failed` : ''})\n`,
  );
  return { code: failed > 0 ? 1 : 0, page, rows };
}

/** A path relative to the working directory when inside it, else absolute. */
function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

export const reviewCommand: CommandModule<object, ReviewArgs> = {
  command: 'review <inputs..>',
  describe: 'Write a static HTML report of what cleaning removed and changed (DIR/index.html)',
  builder: (y: Argv) =>
    cleaningOptions(y)
      .positional('inputs', {
        type: 'string',
        array: true,
        describe: 'files, folders or globs, or - for stdin',
        demandOption: true,
      })
      .option('out', {
        alias: 'o',
        type: 'string',
        demandOption: true,
        describe: 'folder for index.html',
      })
      .option('title', { type: 'string', describe: 'page title (default: copydesk review)' })
      .example(
        '$0 review seeds --out review',
        'then open review/index.html in a browser',
      ) as Argv<ReviewArgs>,
  handler: async (argv) => {
    process.exitCode = (await runReview(await withConfigFile(argv, hideBin(process.argv)))).code;
  },
};
