/**
 * `copydesk diff <file>`: the page before and after cleaning, in the terminal.
 *
 * Every input block in order: removed blocks struck through with `[rule-id]
 * reason`, kept blocks plain with normalisation edits inline, then a summary
 * line. `--unified` prints a unified diff (input as blocks → clean Markdown)
 * for tools. Colour follows `--color`/`--no-color`, NO_COLOR, FORCE_COLOR and
 * whether stdout is a terminal.
 */
import { readFile } from 'node:fs/promises';
import type { Argv, CommandModule } from 'yargs';
import { Cleaner } from '../clean.js';
import { InputError, UsageError } from '../errors.js';
import type { QuoteStyle } from '../options.js';
import { FROM_CHOICES, type FromOption } from '../readers/index.js';
import { renderTerminalDiff, renderUnifiedDiff, wantColor } from '../review/diff.js';
import { buildReport } from '../review/removals.js';

export interface DiffArgs {
  file: string;
  from?: FromOption | undefined;
  quotes?: QuoteStyle | undefined;
  color?: boolean | undefined;
  unified?: boolean | undefined;
}

export interface CommandIO {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown };
  stdin?: AsyncIterable<Buffer | string>;
  env?: NodeJS.ProcessEnv;
}

const QUOTE_CHOICES: readonly QuoteStyle[] = ['curly', 'uk', 'straight', 'auto', 'none'];

async function readAll(stream: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks);
}

function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EISDIR') return 'is a directory (diff takes one file)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ? `unreadable (${code})` : 'unreadable';
}

/**
 * The cleaner of the review commands (`diff`, `review`): `--from` and
 * `--quotes` only. Bad options print one line naming the command and give
 * undefined (the caller exits 2).
 */
export function reviewCleaner(
  command: string,
  args: { from?: FromOption | undefined; quotes?: QuoteStyle | undefined },
  io: CommandIO,
): Cleaner | undefined {
  try {
    return new Cleaner({
      ...(args.from ? { from: args.from } : {}),
      ...(args.quotes ? { quotes: args.quotes } : {}),
    });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`copydesk ${command}: ${error.message}\n`);
      return undefined;
    }
    throw error;
  }
}

/** Run `copydesk diff`; returns the exit status (0 ok, 1 input failed, 2 bad usage). */
export async function runDiff(args: DiffArgs, io: CommandIO = process): Promise<number> {
  const cleaner = reviewCleaner('diff', args, io);
  if (!cleaner) return 2;
  let bytes: Buffer;
  try {
    bytes =
      args.file === '-' ? await readAll(io.stdin ?? process.stdin) : await readFile(args.file);
  } catch (error) {
    io.stderr.write(`copydesk diff: ${args.file}: ${readProblem(error)}\n`);
    return 1;
  }
  let report: ReturnType<typeof buildReport>;
  try {
    report = buildReport(
      cleaner.clean(bytes, { path: args.file }),
      args.file === '-' ? 'stdin' : args.file,
    );
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(`copydesk diff: ${error.message}\n`);
      return error.isSkip ? 0 : 1;
    }
    throw error;
  }
  if (report.status === 'empty') {
    io.stderr.write(`copydesk diff: ${args.file}: skipped (empty or white space only)\n`);
    return 0;
  }
  if (args.unified) {
    io.stdout.write(renderUnifiedDiff(report));
    return 0;
  }
  const color = wantColor(args.color, io.stdout, io.env ?? process.env);
  io.stdout.write(renderTerminalDiff(report, { color }));
  return 0;
}

export const diffCommand: CommandModule<object, DiffArgs> = {
  command: 'diff <file>',
  describe:
    'Show a page before and after cleaning: removals with rule ids and reasons, edits inline',
  builder: (y: Argv) =>
    y
      .positional('file', {
        type: 'string',
        describe: 'input file, or - for stdin',
        demandOption: true,
      })
      .option('from', { choices: FROM_CHOICES, describe: 'input format (default: auto)' })
      .option('quotes', {
        choices: QUOTE_CHOICES,
        describe: 'quotation mark style (default: curly)',
      })
      .option('color', {
        type: 'boolean',
        describe: 'colour the output (default: when stdout is a terminal; --no-color to disable)',
      })
      .option('unified', {
        type: 'boolean',
        default: false,
        describe: 'print a unified diff for tools',
      })
      .example('$0 diff seeds/article.txt', 'removed blocks struck through, with reasons')
      .example(
        '$0 diff page.html --unified > page.patch',
        'input blocks → clean Markdown as a patch',
      ) as Argv<DiffArgs>,
  handler: async (argv) => {
    process.exitCode = await runDiff(argv);
  },
};
