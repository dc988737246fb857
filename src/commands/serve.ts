/**
 * `copydesk serve [--host 127.0.0.1] [--port 8787] [--token T] …`: the HTTP
 * service (`src/serve/app.ts`, docs/service.md). Prints one line
 * `copydesk: listening on http://HOST:PORT` on stderr when ready. SIGTERM or
 * SIGINT: stop accepting, finish the requests in flight, stop the pool, exit 0.
 */
import type { Argv, CommandModule } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { defaultThreads } from '../batch/pool.js';
import { withConfigFile } from '../config/cli.js';
import { UsageError } from '../errors.js';
import { resolveOptions } from '../options.js';
import { DEFAULT_TIMEOUT } from './clean.js';
import { type CleaningArgs, cleaningOptions, cleanOptionsFromArgs } from './options.js';

/** `serve` takes clean's cleaning options and config file (not `--url`: that is per request). */
export interface ServeArgs extends Omit<CleaningArgs, 'url'> {
  host: string;
  port: number;
  token?: string | undefined;
  cors?: string[] | undefined;
  concurrency: number;
  maxQueue: number;
  timeout: number;
  maxEventLoopDelay: number;
}

/** Start the service; resolves once it is listening, with a function that shuts it down. */
export async function startServe(
  args: ServeArgs,
  stderr: NodeJS.WritableStream = process.stderr,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const options = cleanOptionsFromArgs(args);
  resolveOptions(options); // throws UsageError on bad values
  const token = args.token ?? process.env.COPYDESK_TOKEN ?? undefined;
  // Loaded on demand: Fastify and its plugins are not needed by other commands.
  const [{ PooledCleaner }, { buildServer }] = await Promise.all([
    import('../batch/pooled.js'),
    import('../serve/app.js'),
  ]);
  const pool = new PooledCleaner({
    threads: args.concurrency,
    options,
    timeoutMs: args.timeout * 1000,
    maxQueue: args.maxQueue,
  });
  const app = await buildServer({
    pool,
    options,
    maxBytes: args.maxBytes,
    token: token || undefined,
    corsOrigins: args.cors,
    maxEventLoopDelayMs: args.maxEventLoopDelay,
  });
  let address: string;
  try {
    address = await app.listen({ host: args.host, port: args.port });
  } catch (error) {
    await pool.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot listen on ${args.host}:${args.port}${code ? ` (${code})` : ''}`);
  }
  stderr.write(`copydesk: listening on ${address}${token ? ' (bearer token required)' : ''}\n`);
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await app.close(); // stops accepting; in-flight requests finish
      await pool.close();
    })();
    return stopping;
  };
  return { url: address, stop };
}

export const serveCommand: CommandModule<object, ServeArgs> = {
  command: 'serve',
  describe: 'Run the HTTP cleaning service (POST /v1/clean; see docs/service.md)',
  builder: (y: Argv) =>
    cleaningOptions(y, { url: false })
      .option('host', {
        type: 'string',
        default: '127.0.0.1',
        describe: 'address to bind (0.0.0.0 to serve other machines)',
      })
      .option('port', {
        alias: 'p',
        type: 'number',
        default: 8787,
        describe: 'TCP port (0: any free port)',
      })
      .option('token', {
        type: 'string',
        describe: 'require "Authorization: Bearer TOKEN" (default: $COPYDESK_TOKEN, else none)',
      })
      .option('cors', {
        type: 'string',
        array: true,
        describe: 'origins allowed to call from a browser (default: none, no CORS)',
      })
      .option('concurrency', {
        alias: 'j',
        type: 'number',
        default: defaultThreads(),
        describe: 'worker threads for cleaning (default: cores − 1, at least 1)',
      })
      .option('max-queue', {
        type: 'number',
        default: 64,
        describe: 'documents that may wait for a thread; beyond, 503 + Retry-After',
      })
      .option('timeout', {
        type: 'number',
        default: DEFAULT_TIMEOUT,
        describe: 'per-document time limit in seconds',
      })
      .option('max-event-loop-delay', {
        type: 'number',
        default: 1000,
        describe: 'ms of event-loop lag above which requests get 503 (0: no check)',
      })
      .check((argv) => {
        const a = argv as unknown as ServeArgs;
        if (!Number.isInteger(a.port) || a.port < 0 || a.port > 65535)
          throw new UsageError('--port must be a whole number from 0 to 65535');
        if (!Number.isInteger(a.concurrency) || a.concurrency < 1)
          throw new UsageError('--concurrency must be a whole number of at least 1');
        if (!Number.isInteger(a.maxQueue) || a.maxQueue < 0)
          throw new UsageError('--max-queue must be a whole number of at least 0');
        if (!Number.isFinite(a.timeout) || a.timeout <= 0)
          throw new UsageError('--timeout must be a positive number of seconds');
        return true;
      })
      .example('$0 serve --port 8787', 'serve on http://127.0.0.1:8787')
      .example(
        "curl -s --data-binary @page.html -H 'Content-Type: text/html' localhost:8787/v1/clean",
        'clean one page',
      ) as unknown as Argv<ServeArgs>,
  handler: async (argv) => {
    let server: Awaited<ReturnType<typeof startServe>>;
    try {
      // The config file (--config, else found upwards from here) applies as it does to clean.
      server = await startServe(await withConfigFile(argv, hideBin(process.argv)));
    } catch (error) {
      if (error instanceof UsageError) {
        process.stderr.write(`copydesk: ${error.message}\n`);
        process.exitCode = 2;
        return;
      }
      throw error;
    }
    await new Promise<void>((resolve) => {
      const onSignal = (signal: string): void => {
        process.stderr.write(`copydesk: ${signal}: finishing requests in flight\n`);
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
        server.stop().then(resolve, resolve);
      };
      process.on('SIGTERM', onSignal);
      process.on('SIGINT', onSignal);
    });
    process.stderr.write('copydesk: stopped\n');
  },
};
