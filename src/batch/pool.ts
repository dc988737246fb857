/**
 * The worker pool (piscina) for CPU-bound cleaning across cores.
 *
 * Run from source (this file ends in `.ts`, under tsx or vitest), workers load
 * `src/worker.ts` through `--import tsx`; built, they load `dist/src/worker.js`
 * (Node 20 workers cannot load TypeScript by themselves).
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { CleanOptions } from '../options.js';
import type { CleanJob, JobResult } from './job.js';

export interface PoolOptions {
  threads: number;
  options: CleanOptions;
  /**
   * Heap limit per worker in MB (default: `384`): an out-of-memory file fails
   * alone, and a many-file batch stays within a few hundred MB (at 2048 a
   * 5,000-file batch peaked at 645 MB RSS; at 256, 354 MB).
   */
  maxOldGenerationSizeMb?: number;
  /**
   * Young generation per worker in MB (default: `48`, V8's own is 16 on
   * 64-bit): a clean allocates many short-lived strings and nodes, and a
   * larger nursery promotes fewer of them, so scavenges and GC helper
   * threads cost less CPU (see docs/benchmarks.md).
   */
  maxYoungGenerationSizeMb?: number;
}

export type CleanPool = Piscina<CleanJob, JobResult>;

function tsxLoader(): string {
  try {
    return import.meta.resolve('tsx');
  } catch {
    return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  }
}

export function createPool(pool: PoolOptions): CleanPool {
  const fromSource = fileURLToPath(import.meta.url).endsWith('.ts');
  const filename = fileURLToPath(
    new URL(fromSource ? '../worker.ts' : '../worker.js', import.meta.url),
  );
  const piscina = new Piscina<CleanJob, JobResult>({
    filename,
    minThreads: Math.min(pool.threads, 1),
    maxThreads: pool.threads,
    idleTimeout: 1000,
    workerData: { options: pool.options },
    // Resolved from here, not from the working directory (which may have no node_modules).
    execArgv: fromSource ? ['--import', tsxLoader()] : [],
    resourceLimits: {
      maxOldGenerationSizeMb: pool.maxOldGenerationSizeMb ?? 384,
      maxYoungGenerationSizeMb: pool.maxYoungGenerationSizeMb ?? 48,
      stackSizeMb: 8,
    },
  });
  // A worker that dies (start-up failure, out of memory) rejects its task; the pool's own 'error' event must not crash the run.
  piscina.on('error', () => undefined);
  return piscina;
}
