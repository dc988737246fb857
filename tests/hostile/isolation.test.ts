/**
 * Per-file isolation in the batch runner: a worker that runs out of memory
 * costs only its file (and shows in the summary); a slow file's time limit
 * is not charged to the files waiting behind it.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { expandInputs } from '../../src/batch/inputs.js';
import { formatSummary } from '../../src/batch/progress.js';
import { type BatchConfig, runBatch } from '../../src/batch/runner.js';
import { CONTROLS, strays, writeCase } from './kit.js';

vi.setConfig({ testTimeout: 300_000 });

const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

async function batch(files: Record<string, string>, config: Partial<BatchConfig>) {
  const cwd = mkdtempSync(path.join(tmpdir(), 'copydesk-isolation-'));
  temps.push(cwd);
  writeCase(cwd, 'in', files);
  const inputs = await expandInputs(['in'], { cwd });
  const lines: string[] = [];
  const outDir = path.join(cwd, 'out');
  const summary = await runBatch(
    inputs,
    {
      outDir,
      options: {},
      concurrency: 1,
      maxBytes: 64 * 1024 * 1024,
      timeoutMs: 60_000,
      resume: false,
      version: 'test',
      ...config,
    },
    { warn: (l) => lines.push(l), error: (l) => lines.push(l) },
  );
  const written = readdirSync(path.join(outDir, 'in')).sort();
  return { summary, lines, written, cwd };
}

describe('worker isolation', () => {
  it('should fail only the file whose worker ran out of memory, and count the death', async () => {
    const { summary, lines, written, cwd } = await batch(
      { 'huge.txt': 'x\n'.repeat(2_000_000) },
      { workerMemoryMb: 64 },
    );
    expect(lines).toEqual([
      'failed in/huge.txt: worker died: out of memory (the per-file memory ceiling)',
    ]);
    expect(written).toEqual(
      CONTROLS.flatMap((c) => [c.replace('.txt', '.json'), c.replace('.txt', '.md')]).sort(),
    );
    expect(summary.workerDeaths).toBe(1);
    expect(formatSummary(summary).join('\n')).toMatch(/1 worker died under a file/);
    expect(strays(cwd)).toEqual([]);
  });

  it('should start a file’s time limit when a worker takes it, not when it is queued', async () => {
    const words = 'harbour ferry crossing pier weather season '.repeat(120_000); // 5 MB, one line
    const { summary, lines, written } = await batch(
      { '1-slow.txt': words },
      { timeoutMs: 8_000, concurrency: 1 },
    );
    // The slow file may finish on a fast machine; the controls behind it always must.
    for (const l of lines)
      expect(l).toMatch(/^failed in\/1-slow\.txt: over the time limit \(8 s, see --timeout\)$/);
    for (const c of CONTROLS) expect(written).toContain(c.replace('.txt', '.md'));
    expect(summary.cleaned).toBeGreaterThanOrEqual(2);
  });
});
