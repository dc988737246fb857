/**
 * Checks made before a batch starts, so that a bad output folder gives one
 * error up front instead of one per file after all the work:
 *
 * - `prepareOutDir`: the output folder exists (created level by level, never
 *   with a recursive `mkdir`, which spins forever under `/proc` on Node 20) and
 *   a file can be written in it.
 * - `overwrittenInputs`: outputs that would replace an input (`clean post.md
 *   -o .` would write `post.md` over itself).
 */
import { constants } from 'node:fs';
import { access, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { InputFile } from './inputs.js';

/** A problem with the output folder, as one line (`undefined` when the folder is usable). */
export async function prepareOutDir(outDir: string): Promise<string | undefined> {
  const missing: string[] = [];
  let dir = path.resolve(outDir);
  for (;;) {
    try {
      const info = await stat(dir);
      if (!info.isDirectory())
        return dir === path.resolve(outDir) ? 'not a folder' : `${dir} is not a folder`;
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') return reasonOf(error);
      const parent = path.dirname(dir);
      if (parent === dir) return 'no such folder';
      missing.unshift(dir);
      dir = parent;
    }
  }
  try {
    await access(dir, constants.W_OK);
    for (const m of missing) await mkdir(m);
    const probe = path.join(path.resolve(outDir), `.copydesk-probe-${process.pid}.tmp`);
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (error) {
    return reasonOf(error);
  }
  return undefined;
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on device';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ENOENT':
      return 'cannot be created here';
    default:
      return code ? `not writable (${code})` : 'not writable';
  }
}

/**
 * Inputs an output would replace: `[output path, input display]` pairs for
 * outputs `OUT/<key><ext>` (one per extension) that are input files.
 */
export function overwrittenInputs(
  files: readonly InputFile[],
  outDir: string,
  extensions: readonly string[],
): [string, string][] {
  const inputs = new Map(files.map((f) => [path.resolve(f.abs), f.display]));
  const hits: [string, string][] = [];
  for (const f of files)
    for (const ext of extensions) {
      const out = path.resolve(outDir, `${f.outKey}${ext}`);
      const input = inputs.get(out);
      if (input !== undefined) hits.push([out, input]);
    }
  return hits;
}
