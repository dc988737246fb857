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
import { hideBin } from 'yargs/helpers';
import { Cleaner } from '../clean.js';
import { withConfigFile } from '../config/cli.js';
import { InputError, UsageError } from '../errors.js';
import { renderTerminalDiff, renderUnifiedDiff, wantColor } from '../review/diff.js';
import { buildReport } from '../review/removals.js';
import { type CleaningArgs, cleaningOptions, cleanOptionsFromArgs } from './options.js';

export interface DiffArgs extends Partial<CleaningArgs> {
  file: string;
  /** Anything after the one file: an error (`diff a b`). */
  extra?: string[] | undefined;
  color?: boolean | undefined;
  unified?: boolean | undefined;
}

export interface CommandIO {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown };
  stdin?: AsyncIterable<Buffer | string>;
  env?: NodeJS.ProcessEnv;
}

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
 * The cleaner of the review commands (`diff`, `review`): the same options and
 * config file as `clean` (`src/commands/options.ts`). Bad options print one
 * line naming the command and give undefined (the caller exits 2).
 */
export function reviewCleaner(
  command: string,
  args: Partial<CleaningArgs>,
  io: CommandIO,
): Cleaner | undefined {
  try {
    return new Cleaner(cleanOptionsFromArgs(args));
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
  if (args.extra && args.extra.length > 0) {
    io.stderr.write(
      `copydesk diff: takes one file (got ${args.extra.length + 1}: ${[args.file, ...args.extra].join(', ')}); for several pages use copydesk review\n`,
    );
    return 2;
  }
  const cleaner = reviewCleaner('diff', args, io);
  if (!cleaner) return 2;
  let bytes: Buffer;
  try {
    bytes =
      args.file === '-' ? await readAll(io.stdin ?? process.stdin) : await readFile(args.file);
    if (args.maxBytes !== undefined && bytes.length > args.maxBytes) {
      io.stderr.write(
        `copydesk diff: ${args.file}: too large (over ${args.maxBytes} bytes, see --max-bytes)\n`,
      );
      return 1;
    }
  } catch (error) {
    io.stderr.write(`copydesk diff: ${args.file}: ${readProblem(error)}\n`);
    return 1;
  }
  let report: ReturnType<typeof buildReport>;
  try {
    report = buildReport(
      cleaner.clean(bytes, { path: args.file, ...(args.url ? { url: args.url } : {}) }),
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
  command: 'diff <file> [extra..]',
  describe:
    'Show a page before and after cleaning: removals with rule ids and reasons, edits inline',
  builder: (y: Argv) =>
    cleaningOptions(y)
      .positional('file', {
        type: 'string',
        describe: 'input file, or - for stdin',
        demandOption: true,
      })
      .positional('extra', { type: 'string', array: true, hidden: true })
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
    process.exitCode = await runDiff(
      await withConfigFile({ ...argv, inputs: [argv.file] }, hideBin(process.argv)),
    );
  },
};
