/**
 * The `--resume` manifest: `OUT/.copydesk-manifest.json`, keyed by input path.
 * Each entry holds the sha256 of the input bytes, a hash of the options (and
 * copydesk's version) and the outputs written. A re-run skips an input whose
 * bytes and options are unchanged and whose outputs still exist. Failed inputs
 * are not recorded, so a re-run retries them.
 *
 * The file is rewritten atomically, at most every `flushMs` while the batch
 * runs and once at the end (or on Ctrl-C), so an interrupted run resumes where
 * it stopped.
 */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic.js';

export const MANIFEST_NAME = '.copydesk-manifest.json';
const MANIFEST_VERSION = 1;

export interface ManifestEntry {
  sha256: string;
  options: string;
  status: 'cleaned' | 'skipped';
  /** Output paths relative to the output folder. */
  outputs: string[];
  finishedAt: string;
}

interface ManifestFile {
  version: number;
  entries: Record<string, ManifestEntry>;
}

export class Manifest {
  readonly file: string;
  readonly #outDir: string;
  readonly #entries: Map<string, ManifestEntry>;
  readonly #flushMs: number;
  #dirty = false;
  #lastFlush = 0;
  #flushing: Promise<void> = Promise.resolve();

  private constructor(outDir: string, entries: Map<string, ManifestEntry>, flushMs: number) {
    this.#outDir = outDir;
    this.file = path.join(outDir, MANIFEST_NAME);
    this.#entries = entries;
    this.#flushMs = flushMs;
  }

  /** Load the manifest of `outDir` (an unreadable or foreign file starts empty). */
  static async load(outDir: string, flushMs = 1000): Promise<Manifest> {
    const entries = new Map<string, ManifestEntry>();
    try {
      const parsed = JSON.parse(
        await readFile(path.join(outDir, MANIFEST_NAME), 'utf8'),
      ) as ManifestFile;
      if (
        parsed?.version === MANIFEST_VERSION &&
        parsed.entries &&
        typeof parsed.entries === 'object'
      )
        for (const [k, v] of Object.entries(parsed.entries)) entries.set(k, v);
    } catch {
      // no manifest yet, or a corrupt one: start afresh
    }
    return new Manifest(outDir, entries, flushMs);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Whether `key` was finished with the same bytes and options, and its outputs exist. */
  async isFresh(key: string, sha256: string, options: string): Promise<ManifestEntry | undefined> {
    const e = this.#entries.get(key);
    if (!e || e.sha256 !== sha256 || e.options !== options) return undefined;
    try {
      await Promise.all(e.outputs.map((o) => access(path.join(this.#outDir, o))));
    } catch {
      return undefined;
    }
    return e;
  }

  record(key: string, entry: Omit<ManifestEntry, 'finishedAt'>): void {
    this.#entries.set(key, { ...entry, finishedAt: new Date().toISOString() });
    this.#dirty = true;
  }

  forget(key: string): void {
    if (this.#entries.delete(key)) this.#dirty = true;
  }

  /** Save if something changed and the last save is older than `flushMs`. */
  maybeFlush(): Promise<void> {
    if (this.#dirty && Date.now() - this.#lastFlush >= this.#flushMs) return this.flush();
    return this.#flushing;
  }

  /** Save now (serialised: saves never overlap). */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(async () => {
      if (!this.#dirty) return;
      this.#dirty = false;
      this.#lastFlush = Date.now();
      const data: ManifestFile = {
        version: MANIFEST_VERSION,
        entries: Object.fromEntries([...this.#entries].sort(([a], [b]) => (a < b ? -1 : 1))),
      };
      await writeFileAtomic(this.file, `${JSON.stringify(data, null, 1)}\n`);
    });
    return this.#flushing;
  }
}
