/**
 * `npm run bench -- --serve [CORPUS_DIR] [--seconds=20] [--docs=200]`: the
 * service and the queue workers under load, from the build (`dist/`), as
 * users run them. Figures go to docs/benchmarks.md by hand; nothing here is
 * an assertion.
 *
 * - `copydesk serve` (its own process, threads = cores): autocannon at 1, 8
 *   and 64 concurrent clients posting the corpus's HTML pages in turn, each
 *   for `--seconds` (3 × 20 s = one 60-second run): requests/s, p50/p99
 *   latency, errors and status codes (below capacity: all 200; above it: 503
 *   only), and the server's peak RSS over the whole run (VmHWM).
 * - `copydesk worker` on a private redis-server: `--docs` pages enqueued, then
 *   the time until all are completed with 1 worker process and with 2 (one
 *   thread each): documents/s.
 *
 * Writes `bench/serve-results.json`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Queue } from 'bullmq';
import { startRedis } from '../tests/queue/redis.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/copydesk.js');

function arg(argv: string[], name: string, fallback: number): number {
  const hit = argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.slice(name.length + 3)) : fallback;
}

function pages(corpus: string, limit: number): { name: string; body: Buffer }[] {
  const out: { name: string; body: Buffer }[] = [];
  for (const id of readdirSync(corpus).sort()) {
    const p = join(corpus, id, 'page.html');
    if (existsSync(p)) out.push({ name: `${id}.html`, body: readFileSync(p) });
    if (out.length >= limit) break;
  }
  return out;
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

function startServe(): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--max-queue', '64'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((res, rej) => {
    let err = '';
    proc.stderr?.on('data', (c: Buffer) => {
      err += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m?.[1]) res({ proc, url: m[1] });
    });
    proc.on('exit', (code) => rej(new Error(`serve exited ${code}: ${err}`)));
  });
}

interface LoadFigures {
  clients: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  status: Record<string, number>;
}

async function load(
  url: string,
  clients: number,
  seconds: number,
  docs: { body: Buffer }[],
): Promise<LoadFigures> {
  const result = await autocannon({
    url: `${url}/v1/clean`,
    connections: clients,
    duration: seconds,
    timeout: 60,
    requests: docs.map((d) => ({
      method: 'POST' as const,
      path: '/v1/clean',
      headers: { 'content-type': 'text/html; charset=utf-8', accept: 'text/markdown' },
      body: d.body.toString('utf8'),
    })),
  });
  const status: Record<string, number> = {};
  for (const [code, v] of Object.entries(result.statusCodeStats ?? {})) status[code] = v.count ?? 0;
  return {
    clients,
    requestsPerSec: Math.round(result.requests.average * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    status,
  };
}

async function workers(
  redisUrl: string,
  processes: number,
  docs: { name: string; body: Buffer }[],
): Promise<{ processes: number; docs: number; seconds: number; docsPerSec: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-bench-queue-'));
  const name = `bench-${processes}`;
  for (const d of docs) writeFileSync(join(dir, d.name), d.body);
  const enqueue = spawn(
    process.execPath,
    [BIN, 'enqueue', '.', '--redis', redisUrl, '--queue', name],
    {
      cwd: dir,
      stdio: 'ignore',
    },
  );
  await new Promise((r) => enqueue.on('exit', r));
  const queue = new Queue(name, { connection: { url: redisUrl, maxRetriesPerRequest: null } });
  const started = Date.now();
  const procs = Array.from({ length: processes }, () =>
    spawn(
      process.execPath,
      [
        BIN,
        'worker',
        '--redis',
        redisUrl,
        '--queue',
        name,
        '--out',
        join(dir, 'out'),
        '-j',
        '1',
        '-q',
      ],
      {
        stdio: 'ignore',
      },
    ),
  );
  for (;;) {
    const c = await queue.getJobCounts('completed', 'failed');
    if ((c.completed ?? 0) + (c.failed ?? 0) >= docs.length) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (Date.now() - started) / 1000;
  for (const p of procs) p.kill('SIGTERM');
  await Promise.all(procs.map((p) => new Promise((r) => p.on('exit', r))));
  await queue.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    processes,
    docs: docs.length,
    seconds,
    docsPerSec: Math.round((docs.length / seconds) * 10) / 10,
  };
}

export async function main(argv: string[]): Promise<void> {
  const corpus = resolve(
    argv.find((a) => !a.startsWith('--')) ?? join(ROOT, '../shared/corpus/articles'),
  );
  const seconds = arg(argv, 'seconds', 20);
  const docs = pages(corpus, arg(argv, 'docs', 200));
  console.log(`serve: ${docs.length} HTML pages from ${corpus}, ${availableParallelism()} cores`);
  const server = await startServe();
  const runs: LoadFigures[] = [];
  let peakRss = 0;
  try {
    for (const clients of [1, 8, 64]) {
      const r = await load(server.url, clients, seconds, docs);
      runs.push(r);
      console.log(
        `  ${String(clients).padStart(2)} clients: ${r.requestsPerSec} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, ${r.requests} requests, ${r.errors} errors, status ${JSON.stringify(r.status)}`,
      );
    }
  } finally {
    peakRss = server.proc.pid ? peakRssMb(server.proc.pid) : 0;
    console.log(`  peak RSS of the server over the ${3 * seconds} s run: ${peakRss} MB`);
    server.proc.kill('SIGTERM');
    await new Promise((r) => server.proc.on('exit', r));
  }
  const redis = await startRedis();
  const queueRuns = [];
  try {
    for (const processes of [1, 2]) {
      const w = await workers(redis.url, processes, docs);
      queueRuns.push(w);
      console.log(
        `workers: ${processes} process(es): ${w.docs} docs in ${w.seconds.toFixed(1)} s = ${w.docsPerSec} docs/s`,
      );
    }
  } finally {
    await redis.stop();
  }
  writeFileSync(
    join(ROOT, 'bench', 'serve-results.json'),
    `${JSON.stringify({ date: new Date().toISOString(), corpus, serve: runs, servePeakRssMb: peakRss, workers: queueRuns }, null, 2)}\n`,
  );
  console.log('written: bench/serve-results.json');
}
