/**
 * Atomic writes: the data goes to a temporary file in the destination folder,
 * then `rename` puts it in place, so a reader (or an interrupted run) never
 * sees half a file. Temporary files in flight are tracked by a `TempFiles`
 * registry so a signal handler can remove them.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The temporary files being written right now (one registry per run). */
export class TempFiles {
  readonly #paths = new Set<string>();
  add(p: string): void {
    this.#paths.add(p);
  }
  delete(p: string): void {
    this.#paths.delete(p);
  }
  /** Remove every temporary file still on disk (best effort). */
  async removeAll(): Promise<void> {
    await Promise.all([...this.#paths].map((p) => rm(p, { force: true }).catch(() => undefined)));
    this.#paths.clear();
  }
  /** The same, synchronously: for `process.on('exit')`, when a second Ctrl-C quits at once. */
  removeAllSync(): void {
    for (const p of this.#paths) {
      try {
        rmSync(p, { force: true });
      } catch {
        // best effort
      }
    }
    this.#paths.clear();
  }
}

/** Write `data` to `file` atomically (temp file + rename in the same folder). */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  temps?: TempFiles,
): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = path.join(
    dir,
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  temps?.add(tmp);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw error;
  } finally {
    temps?.delete(tmp);
  }
}
