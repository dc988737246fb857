/**
 * The `copydesk` command line: the only module that imports yargs.
 *
 * Each command is a yargs `CommandModule` in `src/commands/<name>.ts`,
 * registered here with one `.command(…)` line. Handlers set
 * `process.exitCode`: 0 ok, 1 some input failed, 2 bad usage. Usage errors
 * (unknown options, invalid choices, missing inputs) print one line and a hint
 * on stderr, never a stack trace.
 */
import yargs, { type CommandModule } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { version } from './batch/version.js';
import { cleanCommand } from './commands/clean.js';
import { diffCommand } from './commands/diff.js';
import { enqueueCommand, queueCommand, workerCommand } from './commands/queue.js';
import { reviewCommand } from './commands/review.js';
import { serveCommand } from './commands/serve.js';
import { closest } from './config/validate.js';
import { UsageError } from './errors.js';

/** yargs drops a bare `-`; it travels as this token and is restored before handlers run. */
const STDIN_TOKEN = '\u0000copydesk-stdin';

function restoreStdin(argv: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(argv)) {
    if (value === STDIN_TOKEN) argv[key] = '-';
    else if (Array.isArray(value)) argv[key] = value.map((v) => (v === STDIN_TOKEN ? '-' : v));
  }
}

const COMMANDS = [
  cleanCommand,
  diffCommand,
  reviewCommand,
  serveCommand,
  enqueueCommand,
  workerCommand,
  queueCommand,
] as CommandModule[];

/** Long option names of the command named in `args` (`quotes`, `site-rules`, …), for suggestions. */
function knownOptions(args: readonly string[]): string[] {
  const name = args.find((a) => !a.startsWith('-'));
  const command = COMMANDS.find((c) => String(c.command).split(' ')[0] === name);
  if (!command || typeof command.builder !== 'function') return [];
  const y = yargs([]);
  command.builder(y);
  const keys = (y as unknown as { getOptions(): { key: Record<string, unknown> } }).getOptions()
    .key;
  return Object.keys(keys).filter((k) => k.length > 1 && !/[A-Z]/.test(k));
}

/** "Unknown argument: quote" → "unknown option --quote (did you mean --quotes?)". */
function withSuggestions(message: string, args: readonly string[]): string {
  const m = /^Unknown arguments?: (.+)$/s.exec(message.trim());
  if (!m?.[1]) return message;
  const known = knownOptions(args);
  const parts = m[1].split(', ').map((name) => {
    const bare = name.replace(/^-+/, '');
    const shown = bare.length === 1 ? `-${bare}` : `--${bare}`;
    const hint = closest(bare, known);
    return `${shown}${hint ? ` (did you mean --${hint}?)` : ''}`;
  });
  return `unknown option${parts.length > 1 ? 's' : ''} ${parts.join(', ')}`;
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
    .command(serveCommand)
    .command(enqueueCommand)
    .command(workerCommand)
    .command(queueCommand)
    .demandCommand(1, 'name a command: clean, diff, review, serve, enqueue, worker or queue')
    .strict()
    .recommendCommands()
    .version(version())
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .fail((message, error) => {
      if (error && !(error instanceof UsageError)) throw error;
      const text = withSuggestions(message ?? error?.message ?? 'bad usage', argv)
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
