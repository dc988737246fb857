/**
 * `copydesk serve` as a real process: binds 127.0.0.1 by default, prints where
 * it listens, and on SIGTERM finishes the request in flight before exiting 0.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 180_000 });

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(ROOT, 'src/cli.ts');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

function serve(args: string[]): Promise<{ proc: ChildProcess; url: string; stderr: () => string }> {
  const proc = spawn(process.execPath, ['--import', TSX, CLI, 'serve', '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, COPYDESK_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let err = '';
  return new Promise((resolve, reject) => {
    proc.stderr?.setEncoding('utf8');
    proc.stderr?.on('data', (chunk: string) => {
      err += chunk;
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m?.[1]) resolve({ proc, url: m[1], stderr: () => err });
    });
    proc.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

describe('copydesk serve (process)', () => {
  it('should bind 127.0.0.1 by default and finish in-flight work on SIGTERM', async () => {
    const { proc, url, stderr } = await serve(['-j', '1', '--max-event-loop-delay', '0']);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const big = `<html><body><article><h1>Park approved</h1>${'<p>The council met again on Tuesday to talk about the park, the bridge and the parking.</p>'.repeat(300)}</article></body></html>`;
    const inFlight = fetch(`${url}/v1/clean`, {
      method: 'POST',
      headers: { 'content-type': 'text/html', accept: 'text/markdown' },
      body: big,
    });
    await new Promise((r) => setTimeout(r, 300));
    const exited = new Promise<number | null>((resolve) =>
      proc.on('exit', (code) => resolve(code)),
    );
    proc.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^# Park approved/);
    expect(await exited).toBe(0);
    expect(stderr()).toMatch(/SIGTERM: finishing requests in flight/);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it('should refuse a bad port with a one-line usage error', async () => {
    const proc = spawn(process.execPath, ['--import', TSX, CLI, 'serve', '--port', '99999'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let err = '';
    proc.stderr?.on('data', (c: Buffer) => {
      err += c.toString();
    });
    const code = await new Promise<number | null>((resolve) => proc.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toMatch(/--port must be a whole number/);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('should list the service and cluster commands in --help', () => {
    const r = spawnSync(process.execPath, ['--import', TSX, CLI, '--help'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    for (const command of ['serve', 'enqueue <inputs..>', 'worker', 'queue <action>'])
      expect(r.stdout).toContain(`copydesk ${command}`);
  });

  it('should take the options and config file of clean: quotes from the config, --max-bytes as a size', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'copydesk-serve-'));
    const config = path.join(dir, 'copydesk.config.json');
    writeFileSync(config, JSON.stringify({ quotes: 'straight' }));
    const { url } = await serve([
      '-j',
      '1',
      '--max-event-loop-delay',
      '0',
      '--config',
      config,
      '--max-bytes',
      '2kB',
    ]);
    const page = `<html><body><article><h1>Park approved</h1><p>\u201cWe waited three years for this,\u201d said the chair of the residents' group on Tuesday evening.</p><p>The work starts in the spring and takes eighteen months, the planning office said.</p></article></body></html>`;
    const ok = await fetch(`${url}/v1/clean`, {
      method: 'POST',
      headers: { 'content-type': 'text/html', accept: 'text/markdown' },
      body: page,
    });
    expect(ok.status).toBe(200);
    const md = await ok.text();
    expect(md).toContain('"We waited three years for this," said');
    expect(md).not.toMatch(/[\u201c\u201d]/);
    const big = await fetch(`${url}/v1/clean`, {
      method: 'POST',
      headers: { 'content-type': 'text/html' },
      body: `<p>${'word '.repeat(1000)}</p>`,
    });
    expect(big.status).toBe(413);
  });
});
