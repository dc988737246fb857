/**
 * Scoring the wide corpus in several processes: pages dealt round-robin to
 * `jobs` child processes (each with its own Cleaner), results put back in
 * page order, so the figures are the same as in one process.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WebPage } from './web.js';
import { evaluateWebPages, type WebDocResult, type WebRunOptions } from './web-run.js';

type Message = { type: 'page' } | { type: 'done'; docs: WebDocResult[] };

export async function evaluateWebParallel(
  pages: readonly WebPage[],
  jobs: number,
  options: WebRunOptions,
): Promise<WebDocResult[]> {
  const n = Math.max(1, Math.min(jobs, pages.length));
  if (n === 1) return evaluateWebPages(pages, options);
  const shares: WebPage[][] = Array.from({ length: n }, () => []);
  for (const [i, p] of pages.entries()) shares[i % n]!.push(p);
  let done = 0;
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<WebDocResult[]>((resolve, reject) => {
          // The child is TypeScript: run it through tsx, as `npm run eval` itself is.
          const child = fork(fileURLToPath(new URL('./web-worker.ts', import.meta.url)), [], {
            execArgv: ['--import', import.meta.resolve('tsx')],
            serialization: 'advanced',
          });
          let result: WebDocResult[] | undefined;
          child.on('message', (m: Message) => {
            if (m.type === 'page') options.progress?.(++done, pages.length, share[0]!);
            else result = m.docs;
          });
          child.on('error', reject);
          child.on('exit', (code) => {
            if (result) resolve(result);
            else reject(new Error(`eval process exited with code ${code} before its results`));
          });
          child.send({ pages: share, metadata: options.metadata });
        }),
    ),
  );
  const byId = new Map(results.flat().map((d) => [d.id, d]));
  return pages.map((p) => byId.get(p.id)!);
}
