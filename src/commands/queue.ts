/**
 * The cluster commands (docs/cluster.md), on BullMQ/Redis:
 *
 * - `copydesk enqueue <files|dirs|globs|warc…> --redis URL [--queue NAME]`:
 *   one job per document; exit 1 when some input was refused.
 * - `copydesk worker --redis URL [--queue NAME] --out DIR [--results files|queue]`:
 *   cleans jobs until SIGTERM/SIGINT (finishes the active ones, then exits 0).
 * - `copydesk queue status --redis URL [--queue NAME] [--json]`.
 */
import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { defaultThreads } from '../batch/pool.js';
import { withConfigFile } from '../config/cli.js';
import { UsageError } from '../errors.js';
import { resolveOptions } from '../options.js';
import type { JobOptions } from '../queue/jobs.js';
import { DEFAULT_TIMEOUT } from './clean.js';
import { type CleaningArgs, cleaningOptions, cleanOptionsFromArgs } from './options.js';

interface RedisArgs {
  redis: string;
  queue: string;
}

const withRedis = (y: Argv): Argv =>
  y
    .option('redis', {
      type: 'string',
      default: process.env.COPYDESK_REDIS ?? 'redis://127.0.0.1:6379',
      describe: 'Redis URL (default: $COPYDESK_REDIS, else redis://127.0.0.1:6379)',
    })
    .option('queue', { type: 'string', default: 'copydesk', describe: 'queue name' });

/** Redis errors as one line (the handler's exit status is 1), never a stack trace. */
async function reportingRedis(url: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    process.stderr.write(`copydesk: failed: Redis at ${url}: ${message}\n`);
    process.exitCode = 1;
  }
}

function checkRedis(url: string): void {
  if (!/^rediss?:\/\//.test(url))
    throw new UsageError('--redis must be a redis:// or rediss:// URL');
}

/** `enqueue` takes clean's cleaning options and config file (not `--url`: that is per document). */
interface EnqueueArgs extends RedisArgs, Omit<CleaningArgs, 'url'> {
  inputs: string[];
  attempts: number;
  json: boolean;
}

export const enqueueCommand: CommandModule<object, EnqueueArgs> = {
  command: 'enqueue <inputs..>',
  describe: 'Add one queue job per document (files, folders, globs, WARC archives)',
  builder: (y: Argv) =>
    cleaningOptions(withRedis(y), { url: false })
      .positional('inputs', {
        type: 'string',
        array: true,
        describe: 'files, folders, globs, .warc(.gz)',
      })
      .option('attempts', {
        type: 'number',
        default: 3,
        describe: 'tries for transient failures (backoff 1 s, 2 s, 4 s…)',
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'print the summary as JSON on stdout',
      })
      .check((argv) => {
        const a = argv as unknown as EnqueueArgs;
        checkRedis(a.redis);
        if (!Number.isInteger(a.attempts) || a.attempts < 1)
          throw new UsageError('--attempts must be a whole number of at least 1');
        return true;
      })
      .example(
        '$0 enqueue crawl/*.warc.gz --redis redis://queue-host:6379',
        'one job per HTML record',
      ) as unknown as Argv<EnqueueArgs>,
  handler: async (argv) => {
    // The config file (--config, else found upwards from the first input) applies as it does to clean.
    const args = await withConfigFile(argv, hideBin(process.argv));
    const options: JobOptions = { ...cleanOptionsFromArgs(args), from: args.from };
    resolveOptions(options);
    await reportingRedis(argv.redis, async () => {
      const { enqueue } = await import('../queue/enqueue.js');
      const s = await enqueue(argv.inputs, {
        redis: argv.redis,
        queue: argv.queue,
        options,
        maxBytes: args.maxBytes,
        attempts: argv.attempts,
        cwd: process.cwd(),
      });
      for (const x of s.skipped)
        process.stderr.write(`copydesk: skipped ${x.display}: ${x.reason}\n`);
      for (const x of s.refused)
        process.stderr.write(`copydesk: failed ${x.display}: ${x.reason}\n`);
      process.stderr.write(
        `copydesk: queue ${argv.queue}: ${s.added} job${s.added === 1 ? '' : 's'} added, ${s.existing} already queued, ${s.refused.length} refused${s.recordsSkipped ? `, ${s.recordsSkipped} WARC records not pages` : ''}\n`,
      );
      if (argv.json) process.stdout.write(`${JSON.stringify(s)}\n`);
      process.exitCode = s.refused.length > 0 ? 1 : 0;
    });
  },
};

interface WorkerArgs extends RedisArgs {
  out: string;
  results: 'files' | 'queue';
  concurrency: number;
  timeout: number;
  lockMs: number;
  quiet: boolean;
}

export const workerCommand: CommandModule<object, WorkerArgs> = {
  command: 'worker',
  describe: 'Clean queue jobs on this machine until stopped (SIGTERM finishes active jobs)',
  builder: (y: Argv) =>
    withRedis(y)
      .option('out', {
        alias: 'o',
        type: 'string',
        default: 'output',
        describe: 'output folder (as clean --out)',
      })
      .option('results', {
        choices: ['files', 'queue'] as const,
        default: 'files' as const,
        describe: 'write name.md + name.json, or leave {markdown, metadata} in the queue',
      })
      .option('concurrency', {
        alias: 'j',
        type: 'number',
        default: defaultThreads(),
        describe: 'worker threads (default: cores − 1, at least 1)',
      })
      .option('timeout', {
        type: 'number',
        default: DEFAULT_TIMEOUT,
        describe: 'per-document time limit in seconds',
      })
      .option('lock-ms', {
        type: 'number',
        default: 30_000,
        describe: 'a job whose worker is silent this long goes to another worker',
      })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'no line per job' })
      .check((argv) => {
        const a = argv as unknown as WorkerArgs;
        checkRedis(a.redis);
        if (!Number.isInteger(a.concurrency) || a.concurrency < 1)
          throw new UsageError('--concurrency must be a whole number of at least 1');
        if (!Number.isFinite(a.timeout) || a.timeout <= 0)
          throw new UsageError('--timeout must be a positive number of seconds');
        if (!Number.isInteger(a.lockMs) || a.lockMs < 1000)
          throw new UsageError('--lock-ms must be a whole number of at least 1000');
        return true;
      }) as unknown as Argv<WorkerArgs>,
  handler: async (argv) => {
    const { startWorker } = await import('../queue/worker.js');
    const worker = startWorker({
      redis: argv.redis,
      queue: argv.queue,
      outDir: path.resolve(argv.out),
      results: argv.results,
      threads: argv.concurrency,
      timeoutMs: argv.timeout * 1000,
      lockMs: argv.lockMs,
      log: argv.quiet ? undefined : (line) => process.stderr.write(`copydesk: ${line}\n`),
    });
    await worker.ready();
    process.stderr.write(`copydesk: worker ready on queue ${argv.queue} (pid ${process.pid})\n`);
    await new Promise<void>((resolve) => {
      const onSignal = (signal: string): void => {
        process.stderr.write(`copydesk: ${signal}: finishing active jobs\n`);
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
        worker.close().then(resolve, resolve);
      };
      process.on('SIGTERM', onSignal);
      process.on('SIGINT', onSignal);
    });
    process.stderr.write('copydesk: worker stopped\n');
  },
};

interface StatusArgs extends RedisArgs {
  json: boolean;
  failed: number;
}

export const queueCommand: CommandModule<object, StatusArgs> = {
  command: 'queue <action>',
  describe: 'Inspect the queue: `queue status` (counts, failed jobs and reasons)',
  builder: (y: Argv) =>
    withRedis(y)
      .positional('action', { choices: ['status'] as const, describe: 'what to do' })
      .option('json', { type: 'boolean', default: false, describe: 'print JSON' })
      .option('failed', { type: 'number', default: 20, describe: 'failed jobs to list' })
      .check((argv) => {
        checkRedis((argv as unknown as StatusArgs).redis);
        return true;
      }) as unknown as Argv<StatusArgs>,
  handler: async (argv) => {
    await reportingRedis(argv.redis, async () => {
      const { formatStatus, queueStatus } = await import('../queue/status.js');
      const s = await queueStatus(argv.redis, argv.queue, argv.failed);
      if (argv.json) process.stdout.write(`${JSON.stringify(s)}\n`);
      else for (const line of formatStatus(s)) process.stdout.write(`${line}\n`);
    });
  },
};
