/**
 * Output names: every input gets its own output, whatever its name, and no
 * output ever overwrites another's. The rules, applied in order to the
 * inputs sorted by absolute path (so the result never depends on the order
 * the arguments were given in):
 *
 * 1. `a/b/name.ext` → `a/b/name` (then `.md` and `.json`).
 * 2. Inputs in one folder whose names differ only in the extension
 *    (`report.txt`, `report.html`, `report.md`) all keep their extension:
 *    `report.txt.md`, `report.html.md`, `report.md.md`. Names are compared as
 *    a case-insensitive file system (macOS, Windows) would: folded to lower
 *    case and Unicode NFC, so `Report.TXT` and `report.md` are one group.
 * 3. A file name longer than `MAX_NAME_BYTES` bytes of UTF-8 (file systems
 *    stop at 255, and `.json` plus a temporary-file suffix must still fit) is
 *    cut at a character boundary and gets `~` and 8 hex digits of the SHA-256
 *    of the input's path: `very-long…~1a2b3c4d`.
 * 4. Any name still taken by an earlier input (on a case-insensitive file
 *    system too) gets the same `~hash` suffix.
 *
 * Rules 2–4 are reported: `renamed` says why, and the run's summary lists it.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

/** Longest output name kept whole, in bytes, before `.md`/`.json` (default 200). */
export const MAX_NAME_BYTES = 200;

export interface NamedInput {
  /** Absolute path of the input. */
  abs: string;
  /** The input path shown to the user (hashed for the suffix). */
  display: string;
  /** Output path without extension, POSIX separators (rule 1). */
  outKey: string;
}

export interface Named {
  outKey: string;
  /** Why the output name is not the plain one, when it is not. */
  renamed?: string | undefined;
}

/** The key two names collide under on a case-insensitive, normalising file system. */
export function foldName(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/** `name` cut to at most `max` bytes of UTF-8, never inside a character. */
function cutBytes(name: string, max: number): string {
  let bytes = 0;
  let end = 0;
  for (const ch of name) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > max) break;
    bytes += n;
    end += ch.length;
  }
  return name.slice(0, end);
}

function split(key: string): { dir: string; base: string } {
  const i = key.lastIndexOf('/');
  return i === -1 ? { dir: '', base: key } : { dir: key.slice(0, i + 1), base: key.slice(i + 1) };
}

/** Output keys for `inputs` (already sorted), in the same order. */
export function assignOutputNames(inputs: readonly NamedInput[]): Named[] {
  // Rule 2: groups of one folder sharing a stem.
  const groups = new Map<string, number>();
  for (const f of inputs) groups.set(foldName(f.outKey), (groups.get(foldName(f.outKey)) ?? 0) + 1);
  const taken = new Set<string>();
  return inputs.map((f) => {
    let { dir, base } = split(f.outKey);
    const reasons: string[] = [];
    if ((groups.get(foldName(f.outKey)) ?? 0) > 1) {
      base = path.basename(f.abs);
      reasons.push('another input has the same name with another extension');
    }
    // Rule 3: too long for a file system.
    if (Buffer.byteLength(base) > MAX_NAME_BYTES) {
      base = `${cutBytes(base, MAX_NAME_BYTES - 9)}~${shortHash(f.display)}`;
      reasons.push('name too long for a file system');
    }
    // Rule 4: still taken (an input literally named like another's output).
    if (taken.has(foldName(dir + base))) {
      base = `${cutBytes(base, MAX_NAME_BYTES - 9)}~${shortHash(f.display)}`;
      reasons.push('its output name was taken by another input');
    }
    taken.add(foldName(dir + base));
    const outKey = dir + base;
    return reasons.length > 0 ? { outKey, renamed: reasons.join('; ') } : { outKey };
  });
}
