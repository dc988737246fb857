/**
 * Shared by the end-to-end CLI tests: run copydesk as a real process from
 * source (`node --import tsx src/cli.ts`), temporary folders removed after the
 * file's tests, and a small article of our own.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = path.join(ROOT, 'src/cli.ts');
export const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

export const ARTICLE = [
  'Town council approves the new riverside park after a long debate',
  'The plan adds two hectares of green space and a footbridge across the river.',
  'The council voted seven to two on Tuesday evening to approve the riverside park, ending a debate that lasted nearly three years.',
  'Residents who spoke at the meeting mostly supported the plan, though several raised concerns about parking near the new footbridge.',
  'Construction is expected to begin next spring and to take about eighteen months, according to the planning office.',
].join('\n');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `copydesk ARGS` in `cwd` with `input` on stdin; waits up to `timeoutMs`. */
export function run(
  args: string[],
  cwd: string,
  input: string | Buffer = '',
  timeoutMs = 120_000,
): Run {
  const r = spawnSync(process.execPath, ['--import', TSX, CLI, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: timeoutMs,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A maker of temporary folders, all removed after the calling test file. */
export function useTempDirs(prefix: string): () => string {
  const temps: string[] = [];
  afterAll(() => {
    for (const d of temps) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(path.join(tmpdir(), prefix));
    temps.push(d);
    return d;
  };
}

/** Write `data` to `dir/rel`, creating folders. */
export function write(dir: string, rel: string, data: string | Buffer): void {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), data);
}
