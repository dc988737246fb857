/**
 * The `copydesk` command line: the only module that imports yargs.
 *
 * Each command is a yargs `CommandModule` in `src/commands/<name>.ts`,
 * registered here with one `.command(…)` line. Handlers set
 * `process.exitCode`: 0 ok, 1 some input failed, 2 bad usage. Usage errors
 * (unknown options, invalid choices, missing inputs) print one line and a hint
 * on stderr, never a stack trace.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { version } from './batch/version.js';
import { cleanCommand } from './commands/clean.js';
import { diffCommand } from './commands/diff.js';
import { reviewCommand } from './commands/review.js';
import { UsageError } from './errors.js';

/** yargs drops a bare `-`; it travels as this token and is restored before handlers run. */
const STDIN_TOKEN = '\u0000copydesk-stdin';

function restoreStdin(argv: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(argv)) {
    if (value === STDIN_TOKEN) argv[key] = '-';
    else if (Array.isArray(value)) argv[key] = value.map((v) => (v === STDIN_TOKEN ? '-' : v));
  }
}

/**
 * `--` ends the options, as in every POSIX tool: what follows are inputs even
 * when they start with a dash. yargs leaves them in `_`; they join `inputs`.
 */
function endOfOptions(tail: readonly string[]): (argv: Record<string, unknown>) => void {
  return (argv) => {
    if (tail.length === 0 || !Array.isArray(argv.inputs)) return;
    argv.inputs = [...(argv.inputs as string[]), ...tail];
    if (Array.isArray(argv._)) argv._ = argv._.slice(0, argv._.length - tail.length);
  };
}

export async function main(argv: readonly string[]): Promise<void> {
  const end = argv.indexOf('--');
  const args = argv.map((a, i) => (a === '-' && (end === -1 || i < end) ? STDIN_TOKEN : a));
  const cli = yargs(args)
    .middleware(restoreStdin, true)
    .middleware(endOfOptions(end === -1 ? [] : argv.slice(end + 1)), true)
    .scriptName('copydesk')
    .usage('$0 <command> [options]')
    .command(cleanCommand)
    .command(diffCommand)
    .command(reviewCommand)
    .demandCommand(1, 'name a command: clean, diff or review')
    .strict()
    .recommendCommands()
    .version(version())
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .fail((message, error) => {
      if (error && !(error instanceof UsageError)) throw error;
      const text = (message ?? error?.message ?? 'bad usage')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join(' ');
      process.stderr.write(`copydesk: ${text}\n`);
      process.stderr.write("Run 'copydesk --help' for usage.\n");
      process.exit(2);
    });
  await cli.parseAsync();
}

main(hideBin(process.argv)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`copydesk: internal error: ${message}\n`);
  if (process.env.COPYDESK_DEBUG && error instanceof Error)
    process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
