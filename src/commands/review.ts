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
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { expandInputs } from '../batch/inputs.js';
import type { Cleaner } from '../clean.js';
import { withConfigFile } from '../config/cli.js';
import { InputError } from '../errors.js';
import { renderReviewPage } from '../review/page.js';
import { buildReport, type DocumentReport, failedReport } from '../review/removals.js';
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
  /** Path of the written page (when written). */
  page?: string;
  reports: DocumentReport[];
}

/** Clean each input and build its review model (never throws for bad input). */
export async function reviewReports(
  inputs: readonly string[],
  cleaner: Cleaner,
  cwd = process.cwd(),
  outDir?: string,
): Promise<DocumentReport[]> {
  const expanded = await expandInputs(inputs, { cwd, outDir });
  const reports: DocumentReport[] = [];
  for (const f of expanded.files) {
    // Inputs outside the working directory read as their mirrored path (`inputs/a.txt`), not /tmp/…
    const name = path.isAbsolute(f.display) ? f.outKey + path.extname(f.abs) : f.display;
    try {
      const bytes = await readFile(f.abs);
      reports.push(buildReport(cleaner.clean(bytes, { path: name }), name));
    } catch (error) {
      if (error instanceof InputError) {
        reports.push(failedReport(name, error.message, error.isSkip ? 'skipped' : 'failed'));
      } else if ((error as NodeJS.ErrnoException).code) {
        reports.push(failedReport(name, `unreadable (${(error as NodeJS.ErrnoException).code})`));
      } else {
        reports.push(failedReport(name, `crashed: ${(error as Error).message ?? String(error)}`));
      }
    }
  }
  for (const s of expanded.skipped) reports.push(failedReport(s.display, s.reason, 'skipped'));
  for (const f of expanded.failed) reports.push(failedReport(f.display, f.reason));
  return reports;
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
  if (!cleaner) return { code: 2, reports: [] };
  if (args.out === '-') {
    io.stderr.write('copydesk review: --out - is not a folder (the report is DIR/index.html)\n');
    return { code: 2, reports: [] };
  }
  const outDir = path.resolve(args.out);
  const reports = args.inputs.includes('-')
    ? await stdinReport(args, cleaner, io)
    : await reviewReports(args.inputs, cleaner, process.cwd(), outDir);
  for (const r of reports) {
    if (r.status === 'failed') io.stderr.write(`copydesk review: ${r.name}: ${r.error}\n`);
    else if (r.status === 'skipped')
      io.stderr.write(`copydesk review: ${r.name}: skipped (${r.error})\n`);
    else if (r.status === 'empty')
      io.stderr.write(`copydesk review: ${r.name}: skipped (empty or white space only)\n`);
  }
  const html = renderReviewPage(reports, args.title ? { title: args.title } : {});
  const page = path.join(outDir, 'index.html');
  await mkdir(outDir, { recursive: true });
  const tmp = `${page}.${process.pid}.tmp`;
  await writeFile(tmp, html);
  await rename(tmp, page);
  const failed = reports.filter((r) => r.status === 'failed').length;
  io.stderr.write(
    `copydesk review: wrote ${displayPath(page)} (${reports.length} document${
      reports.length === 1 ? '' : 's'
    }${failed > 0 ? `, ${failed} failed` : ''})\n`,
  );
  return { code: failed > 0 ? 1 : 0, page, reports };
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
