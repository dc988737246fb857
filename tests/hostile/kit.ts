/**
 * The hostile-input kit: each case is a folder holding the bad file between
 * two ordinary control files, generated at test time (never committed), and
 * helpers to run `copydesk clean` as a real process over it in batch,
 * single-file and stdin modes.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(ROOT, 'src/cli.ts');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

export const CONTROL = [
  'Harbour ferry service resumes after the winter storms',
  'The first crossing left at seven on Monday morning with forty passengers on board.',
  'The operator said repairs to the pier took three weeks longer than planned because of the weather.',
  'Timetables for the summer season will be published at the end of the month.',
].join('\n');

/** The control files' names: sorted before and after any bad file. */
export const CONTROLS = ['0-control.txt', '~control.txt'] as const;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string, input?: string | Buffer): Run {
  const r = spawnSync(process.execPath, ['--import', TSX, CLI, ...args], {
    cwd,
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 900_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Write a case folder `dir/name/` with the controls and the bad file(s). */
export function writeCase(
  dir: string,
  name: string,
  files: Record<string, string | Buffer>,
): string {
  const folder = path.join(dir, name);
  mkdirSync(folder, { recursive: true });
  for (const c of CONTROLS) writeFileSync(path.join(folder, c), CONTROL);
  for (const [f, data] of Object.entries(files)) writeFileSync(path.join(folder, f), data);
  return folder;
}

/** Every regular file under `dir` (relative, POSIX), links not followed; none when `dir` is missing. */
export function listTree(dir: string): string[] {
  const out: string[] = [];
  if (!existsSync(dir)) return out;
  const walk = (d: string, rel: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r);
      else out.push(r);
    }
  };
  walk(dir, '');
  return out.sort();
}

/** sha256 of every regular file under `dir` (symbolic links by their target name). */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of listTree(dir)) {
    const abs = path.join(dir, f);
    const st = lstatSync(abs);
    if (!st.isFile()) out[f] = `link:${st.mode}`;
    else if ((st.mode & 0o444) === 0) out[f] = `unreadable:${st.size}:${st.mtimeMs}`;
    else out[f] = createHash('sha256').update(readFileSync(abs)).digest('hex');
  }
  return out;
}

/** The files left in `dir` that are temporary or half-written. */
export function strays(dir: string): string[] {
  return listTree(dir).filter((f) => /\.tmp$|\.partial$|~$/.test(f));
}
