/**
 * The cluster: `copydesk enqueue`, two `copydesk worker` processes and
 * `copydesk queue status` against a real redis-server. One worker is killed
 * with SIGKILL mid-batch; every document must still be cleaned exactly once,
 * with outputs identical to `copydesk clean`'s.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectionOf, DEFAULT_QUEUE } from '../../src/queue/jobs.js';
import { startWorker } from '../../src/queue/worker.js';
import { articleHtml, warcBytes } from '../warc/write-warc.js';
import { type RedisServer, startRedis } from './redis.js';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(ROOT, 'src/cli.ts');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

let redis: RedisServer;
let dir: string;
const children: ChildProcess[] = [];

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', TSX, CLI, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function worker(args: string[]): { proc: ChildProcess; log: () => string } {
  const proc = spawn(
    process.execPath,
    ['--import', TSX, CLI, 'worker', '--redis', redis.url, ...args],
    {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  children.push(proc);
  let log = '';
  proc.stderr?.on('data', (c: Buffer) => {
    log += c.toString();
  });
  return { proc, log: () => log };
}

async function until(
  what: string,
  test: () => boolean | Promise<boolean>,
  ms = 180_000,
): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function files(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...files(root, p));
    else out.push(p);
  }
  return out.sort();
}

beforeAll(async () => {
  redis = await startRedis();
  dir = mkdtempSync(path.join(tmpdir(), 'copydesk-queue-'));
  mkdirSync(path.join(dir, 'pages/nested'), { recursive: true });
  for (let i = 0; i < 8; i++) {
    const paragraphs = Array.from(
      { length: 40 + i * 10 },
      (_, k) =>
        `<p>Paragraph ${k} of story ${i}: the council heard from residents about the bridge, the park and the new bus routes.</p>`,
    ).join('\n');
    writeFileSync(
      path.join(dir, `pages/nested/story-${i}.html`),
      articleHtml(`Story number ${i} about the town`, `This is story ${i}.`).replace(
        '</article>',
        `${paragraphs}</article>`,
      ),
    );
  }
  writeFileSync(path.join(dir, 'pages/empty.txt'), '   \n');
  writeFileSync(
    path.join(dir, 'pages/image.html'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 1]),
  );
  writeFileSync(
    path.join(dir, 'crawl.warc.gz'),
    await warcBytes(
      [
        {
          url: 'https://news.example.com/a',
          body: articleHtml('Archived story', 'The archive kept this page.'),
        },
        { url: 'https://news.example.com/logo.png', contentType: 'image/png', body: 'png' },
      ],
      true,
    ),
  );
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await redis?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('copydesk enqueue / worker / queue status (BullMQ on redis-server)', () => {
  it('should clean every document exactly once across two workers, one killed mid-batch, as clean does', async () => {
    const ref = cli(['clean', 'pages', 'crawl.warc.gz', '--out', 'ref', '-j', '1', '-q']);
    expect(ref.status, ref.stderr).toBe(1); // the PNG fails
    const expected = files(path.join(dir, 'ref'));
    expect(expected.length).toBe(2 * (8 + 1));

    const first = cli(['enqueue', 'pages', 'crawl.warc.gz', '--redis', redis.url, '--json']);
    expect(first.stderr).toContain(
      '10 jobs added, 0 already queued, 0 refused, 1 WARC records not pages',
    );
    expect(first.status, first.stderr).toBe(0);
    const again = cli(['enqueue', 'pages', 'crawl.warc.gz', '--redis', redis.url]);
    expect(again.stderr).toContain('0 jobs added, 10 already queued');

    // A first, so that it has jobs to lose; then B.
    const a = worker(['--out', 'out', '-j', '1', '--lock-ms', '10000']);
    await until('worker A to start', () => /worker ready/.test(a.log()));
    const b = worker(['--out', 'out', '-j', '1', '--lock-ms', '10000']);
    // Kill A as soon as it has finished one job and is busy with the next.
    await until('worker A to clean a document', () => /copydesk: cleaned /.test(a.log()));
    a.proc.kill('SIGKILL');

    const queue = new Queue(DEFAULT_QUEUE, { connection: connectionOf(redis.url) });
    try {
      await until('all jobs to finish', async () => {
        const c = await queue.getJobCounts('completed', 'failed');
        return (c.completed ?? 0) + (c.failed ?? 0) === 10;
      });
      const counts = await queue.getJobCounts('waiting', 'active', 'completed', 'failed');
      expect(counts).toMatchObject({ waiting: 0, active: 0, completed: 9, failed: 1 });
      const [failed] = await queue.getFailed();
      expect(failed?.failedReason).toBe('binary, not text (PNG image)');
      expect(failed?.attemptsMade).toBe(1); // permanent: no retry
      const completed = await queue.getCompleted(0, 100);
      expect(new Set(completed.map((j) => j.id)).size).toBe(9);
      expect(completed.every((j) => j.returnvalue?.status === 'cleaned')).toBe(true);
    } finally {
      await queue.close();
    }

    const got = files(path.join(dir, 'out'));
    expect(got).toEqual(expected);
    for (const f of expected)
      expect(readFileSync(path.join(dir, 'out', f), 'utf8'), f).toBe(
        readFileSync(path.join(dir, 'ref', f), 'utf8'),
      );

    const status = cli(['queue', 'status', '--redis', redis.url]);
    expect(status.stdout).toContain(
      '0 waiting, 0 active, 0 delayed (retrying), 9 completed, 1 failed',
    );
    expect(status.stdout).toContain(
      'failed pages/image.html: binary, not text (PNG image) (1 attempt)',
    );

    const stopped = new Promise<number | null>((resolve) => b.proc.on('exit', resolve));
    b.proc.kill('SIGTERM');
    expect(await stopped).toBe(0);
    expect(b.log()).toContain('worker stopped');
  });

  it('should retry a transient failure with backoff, then fail it with the reason', async () => {
    const name = 'transient';
    writeFileSync(path.join(dir, 'not-a-folder'), 'a file where the output folder should be');
    const r = cli([
      'enqueue',
      'pages/nested/story-0.html',
      '--redis',
      redis.url,
      '--queue',
      name,
      '--attempts',
      '2',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const w = startWorker({
      redis: redis.url,
      queue: name,
      outDir: path.join(dir, 'not-a-folder'),
      results: 'files',
      threads: 1,
      timeoutMs: 60_000,
      lockMs: 5000,
    });
    const queue = new Queue(name, { connection: connectionOf(redis.url) });
    try {
      await until(
        'the job to fail',
        async () => ((await queue.getJobCounts('failed')).failed ?? 0) === 1,
      );
      const [job] = await queue.getFailed();
      expect(job?.attemptsMade).toBe(2);
      expect(job?.failedReason).toMatch(/ENOTDIR|EEXIST/);
    } finally {
      await queue.close();
      await w.close();
    }
  });

  it('should leave results in the queue with --results queue', async () => {
    const name = 'results';
    expect(
      cli(['enqueue', 'pages/nested/story-1.html', '--redis', redis.url, '--queue', name]).status,
    ).toBe(0);
    const w = startWorker({
      redis: redis.url,
      queue: name,
      outDir: path.join(dir, 'unused'),
      results: 'queue',
      threads: 1,
      timeoutMs: 60_000,
      lockMs: 5000,
    });
    const queue = new Queue(name, { connection: connectionOf(redis.url) });
    try {
      await until(
        'the job to complete',
        async () => ((await queue.getJobCounts('completed')).completed ?? 0) === 1,
      );
      const [job] = await queue.getCompleted();
      expect(job?.returnvalue.status).toBe('cleaned');
      expect(job?.returnvalue.markdown).toMatch(/^# Story number 1 about the town/);
      expect(job?.returnvalue.metadata.source.path).toBe('pages/nested/story-1.html');
    } finally {
      await queue.close();
      await w.close();
    }
    expect(() => readdirSync(path.join(dir, 'unused'))).toThrow();
  });

  it('should say in one line when Redis cannot be reached', () => {
    const r = cli(['queue', 'status', '--redis', 'redis://127.0.0.1:1']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^copydesk: failed: Redis at redis:\/\/127\.0\.0\.1:1: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
