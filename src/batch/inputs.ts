/**
 * Command-line inputs → the list of files to clean, each with the relative
 * path its outputs mirror.
 *
 * - A file argument is taken whatever its extension.
 * - A folder is walked recursively for `.txt .text .md .markdown .html .htm
 *   .xhtml` files; dot-files, dot-folders, `node_modules` and the output folder
 *   are not entered. Symbolic links are followed; a broken link or a link loop
 *   met while walking is a *skip* (one warning line), never a failure.
 * - Anything else containing glob syntax is a glob (tinyglobby), matched from
 *   the working directory.
 * - A missing path is a *failure* ("no such file or directory").
 *
 * Output paths ("mirror"): an input inside the working directory keeps its
 * path relative to it (`a/b/name.ext` → `OUT/a/b/name.md`). An input outside
 * it is placed relative to the parent of the argument that named it (folder
 * `/data/seeds` → `OUT/seeds/…`; file `/tmp/x.txt` → `OUT/x.md`; glob
 * `/data/*.txt` → relative to `/data`).
 *
 * Output names never collide: inputs whose names differ only in the
 * extension keep it (`a.txt` and `a.md` → `a.txt.md`, `a.md.md`), names too
 * long for a file system are shortened with a short hash, on
 * case-insensitive file systems too (`./naming.ts`, README "Output names").
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { assignOutputNames } from './naming.js';

export const INPUT_EXTENSIONS = new Set([
  '.txt',
  '.text',
  '.md',
  '.markdown',
  '.html',
  '.htm',
  '.xhtml',
]);

export interface InputFile {
  /** Absolute path. */
  abs: string;
  /** Path shown in messages and used as the manifest key (relative to cwd when inside it). */
  display: string;
  /** Output path without extension, relative to the output folder (POSIX separators). */
  outKey: string;
  /** Why `outKey` is not the input's plain name, when it is not (`./naming.ts`). */
  renamed?: string | undefined;
}

export interface InputProblemLine {
  display: string;
  reason: string;
}

export interface ExpandedInputs {
  files: InputFile[];
  /** Skips met while walking (broken links, loops). */
  skipped: InputProblemLine[];
  /** Arguments that could not be read. */
  failed: InputProblemLine[];
}

export interface ExpandOptions {
  cwd: string;
  /** Absolute output folder, never walked into. */
  outDir?: string | undefined;
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function displayOf(abs: string, cwd: string): string {
  return isInside(abs, cwd) ? path.relative(cwd, abs) || path.basename(abs) : abs;
}

function outKeyOf(abs: string, cwd: string, base: string): string {
  const from = isInside(abs, cwd) ? cwd : base;
  const rel = path.relative(from, abs);
  const parsed = path.parse(rel);
  return path.join(parsed.dir, parsed.name).split(path.sep).join('/');
}

function errnoReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'ENOTDIR':
      return 'not a directory';
    default:
      return code ? `unreadable (${code})` : 'unreadable';
  }
}

interface Found {
  abs: string;
  base: string;
}

/** Expand file, folder and glob arguments (not `-`) into input files. */
export async function expandInputs(
  args: readonly string[],
  options: ExpandOptions,
): Promise<ExpandedInputs> {
  const { cwd } = options;
  const found: Found[] = [];
  const skipped: InputProblemLine[] = [];
  const failed: InputProblemLine[] = [];

  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let info: Awaited<ReturnType<typeof stat>> | undefined;
    try {
      info = await stat(abs);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && isDynamicPattern(arg)) {
        const before = found.length;
        await expandGlob(arg, cwd, found);
        if (found.length === before)
          failed.push({ display: arg, reason: 'no file matches this pattern' });
        continue;
      }
      failed.push({ display: arg, reason: errnoReason(error) });
      continue;
    }
    const base = path.dirname(abs);
    if (info.isDirectory()) {
      // Everything under the output folder is left out of a walk: say so when that is the whole argument.
      if (options.outDir && isInside(abs, options.outDir)) {
        failed.push({
          display: arg,
          reason: `inside the output folder ${path.relative(cwd, options.outDir) || '.'} (its files are outputs, not inputs; choose another --out)`,
        });
        continue;
      }
      const before = found.length;
      await walk(abs, base, options, found, skipped, new Set([await realpath(abs)]));
      if (found.length === before)
        failed.push({
          display: arg,
          reason: `no cleanable files in this folder (it reads ${[...INPUT_EXTENSIONS].join(' ')}; name other files directly)`,
        });
    } else if (info.isFile()) {
      found.push({ abs, base });
    } else {
      failed.push({ display: arg, reason: 'not a regular file' });
    }
  }
  return { ...assign(found, cwd, failed), skipped };
}

async function expandGlob(pattern: string, cwd: string, found: Found[]): Promise<void> {
  const matches = await glob(pattern, { cwd, absolute: true, onlyFiles: true, dot: false });
  const staticPart = pattern.split(/[*?[{(!]/)[0] ?? '';
  const base = path.resolve(cwd, staticPart.endsWith('/') ? staticPart : path.dirname(staticPart));
  for (const m of matches.sort()) found.push({ abs: path.resolve(m), base });
}

async function walk(
  dir: string,
  base: string,
  options: ExpandOptions,
  found: Found[],
  skipped: InputProblemLine[],
  seen: Set<string>,
): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    skipped.push({ display: displayOf(dir, options.cwd), reason: errnoReason(error) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const abs = path.join(dir, entry.name);
    if (options.outDir && isInside(abs, options.outDir)) continue;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(abs);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason =
          code === 'ELOOP'
            ? 'symbolic link loop'
            : code === 'ENOENT'
              ? 'broken symbolic link'
              : errnoReason(error);
        skipped.push({ display: displayOf(abs, options.cwd), reason });
        continue;
      }
    }
    if (isDir) {
      let real: string;
      try {
        real = await realpath(abs);
      } catch (error) {
        skipped.push({ display: displayOf(abs, options.cwd), reason: errnoReason(error) });
        continue;
      }
      if (seen.has(real)) {
        skipped.push({
          display: displayOf(abs, options.cwd),
          reason: 'symbolic link loop (folder already visited)',
        });
        continue;
      }
      seen.add(real);
      await walk(abs, base, options, found, skipped, seen);
      seen.delete(real);
    } else if (isFile && INPUT_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      found.push({ abs, base });
    }
  }
}

/** Dedupe, sort and map to output keys that never collide (`./naming.ts`). */
function assign(
  found: Found[],
  cwd: string,
  failed: InputProblemLine[],
): Omit<ExpandedInputs, 'skipped'> {
  const byAbs = new Map<string, Found>();
  for (const f of found) if (!byAbs.has(f.abs)) byAbs.set(f.abs, f);
  const sorted = [...byAbs.values()]
    .sort((a, b) => (a.abs < b.abs ? -1 : a.abs > b.abs ? 1 : 0))
    .map((f) => ({
      abs: f.abs,
      display: displayOf(f.abs, cwd),
      outKey: outKeyOf(f.abs, cwd, f.base),
    }));
  const named = assignOutputNames(sorted);
  const files = sorted.map((f, i): InputFile => {
    const n = named[i]!;
    return n.renamed ? { ...f, outKey: n.outKey, renamed: n.renamed } : { ...f, outKey: n.outKey };
  });
  return { files, failed };
}
