/**
 * The batch layer without a process: input expansion and output mirroring,
 * atomic writes, the resume manifest, and the runner's outcomes.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TempFiles, writeFileAtomic } from '../src/batch/atomic.js';
import { expandInputs } from '../src/batch/inputs.js';
import { MANIFEST_NAME, Manifest } from '../src/batch/manifest.js';
import { formatSummary } from '../src/batch/progress.js';
import {
  type BatchConfig,
  type BatchReporter,
  optionsHash,
  runBatch,
} from '../src/batch/runner.js';
import { tallyOf } from '../src/review/words.js';

const temps: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'copydesk-batch-'));
  temps.push(d);
  return d;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

function write(dir: string, rel: string, data: string | Buffer = 'x'): string {
  const p = path.join(dir, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, data);
  return p;
}

/** A one-thread batch into `outDir` (1 MB limit, 30 s per file, no resume), with `over` on top. */
function batchConfig(outDir: string, over: Partial<BatchConfig> = {}): BatchConfig {
  return {
    outDir,
    options: {},
    concurrency: 1,
    maxBytes: 1e6,
    timeoutMs: 30_000,
    resume: false,
    version: 'test',
    ...over,
  };
}

const ARTICLE =
  'A headline for the batch test\nThe standfirst says what happened and why it matters to readers.\n' +
  'The first paragraph of the story has enough ordinary words to be read as article prose by any detector.\n' +
  'A second paragraph continues the story with more detail, quotes and context for the reader to follow.\n';

describe('expandInputs', () => {
  it('should mirror paths relative to the working directory', async () => {
    const cwd = tempDir();
    write(cwd, 'seeds/a/one.txt');
    write(cwd, 'seeds/two.html');
    write(cwd, 'seeds/notes.json');
    write(cwd, 'seeds/.hidden.txt');
    write(cwd, 'seeds/node_modules/x.txt');
    const r = await expandInputs(['seeds'], { cwd });
    expect(r.files.map((f) => [f.display, f.outKey])).toEqual([
      ['seeds/a/one.txt', 'seeds/a/one'],
      ['seeds/two.html', 'seeds/two'],
    ]);
    expect(r.skipped).toEqual([]);
    expect(r.failed).toEqual([]);
  });

  it('should place inputs outside the working directory relative to the named argument', async () => {
    const cwd = tempDir();
    const elsewhere = tempDir();
    write(elsewhere, 'pages/x/deep.md');
    const single = write(elsewhere, 'lone.txt');
    const r = await expandInputs([path.join(elsewhere, 'pages'), single], { cwd });
    expect(r.files.map((f) => f.outKey).sort()).toEqual(['lone', 'pages/x/deep']);
    expect(r.files.every((f) => path.isAbsolute(f.display))).toBe(true);
  });

  it('should expand globs, dedupe repeats and never walk into the output folder', async () => {
    const cwd = tempDir();
    write(cwd, 'in/a.txt');
    write(cwd, 'in/b.txt');
    write(cwd, 'out/in/a.md');
    const r = await expandInputs(['in/*.txt', 'in/a.txt', '.'], {
      cwd,
      outDir: path.join(cwd, 'out'),
    });
    expect(r.files.map((f) => f.display)).toEqual(['in/a.txt', 'in/b.txt']);
    const none = await expandInputs(['in/*.pdf'], { cwd });
    expect(none.failed).toEqual([{ display: 'in/*.pdf', reason: 'no file matches this pattern' }]);
  });

  it('should give inputs that differ only in the extension (any case) each their own output', async () => {
    const cwd = tempDir();
    write(cwd, 'd/page.html');
    write(cwd, 'd/page.txt');
    write(cwd, 'd/Page.md');
    write(cwd, 'd/other.txt');
    const r = await expandInputs(['d'], { cwd });
    expect(r.failed).toEqual([]);
    expect(r.files.map((f) => [f.display, f.outKey])).toEqual([
      ['d/Page.md', 'd/Page.md'],
      ['d/other.txt', 'd/other'],
      ['d/page.html', 'd/page.html'],
      ['d/page.txt', 'd/page.txt'],
    ]);
    expect(r.files.map((f) => f.renamed !== undefined)).toEqual([true, false, true, true]);
  });

  it('should skip broken links and link loops while walking', async () => {
    const cwd = tempDir();
    write(cwd, 'w/real.txt');
    symlinkSync(path.join(cwd, 'w/missing.txt'), path.join(cwd, 'w/dangling.txt'));
    symlinkSync(path.join(cwd, 'w'), path.join(cwd, 'w/again'));
    const r = await expandInputs(['w'], { cwd });
    expect(r.files.map((f) => f.display)).toEqual(['w/real.txt']);
    expect(r.skipped).toEqual([
      { display: 'w/again', reason: 'symbolic link loop (folder already visited)' },
      { display: 'w/dangling.txt', reason: 'broken symbolic link' },
    ]);
  });
});

describe('writeFileAtomic', () => {
  it('should create folders, replace the file whole and leave no temp file', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'a/b/c.md');
    const registry = new TempFiles();
    await writeFileAtomic(target, 'one', registry);
    await writeFileAtomic(target, 'two', registry);
    expect(readFileSync(target, 'utf8')).toBe('two');
    expect(readdirSync(path.dirname(target))).toEqual(['c.md']);
  });

  it('should clean up its temp file when the rename fails', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'taken.md'));
    await expect(writeFileAtomic(path.join(dir, 'taken.md'), 'x')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['taken.md']);
  });
});

describe('Manifest', () => {
  it('should remember finished inputs and forget them when outputs disappear', async () => {
    const out = tempDir();
    write(out, 'a.md');
    const m = await Manifest.load(out, 0);
    m.record('in/a.txt', { sha256: 'h1', options: 'o1', status: 'cleaned', outputs: ['a.md'] });
    m.record('in/b.txt', { sha256: 'h2', options: 'o1', status: 'cleaned', outputs: ['b.md'] });
    await m.flush();
    const again = await Manifest.load(out);
    expect(again.size).toBe(2);
    expect(await again.isFresh('in/a.txt', 'h1', 'o1')).toBeTruthy();
    expect(await again.isFresh('in/a.txt', 'h1', 'o2')).toBeUndefined();
    expect(await again.isFresh('in/a.txt', 'changed', 'o1')).toBeUndefined();
    expect(await again.isFresh('in/b.txt', 'h2', 'o1')).toBeUndefined(); // b.md is missing
  });

  it('should start afresh from a corrupt manifest', async () => {
    const out = tempDir();
    write(out, MANIFEST_NAME, '{ not json');
    expect((await Manifest.load(out)).size).toBe(0);
  });

  it('should hash options that change the output, and nothing else', () => {
    expect(optionsHash({ quotes: 'curly' }, '1.0.0')).toBe(optionsHash({}, '1.0.0'));
    expect(optionsHash({ quotes: 'straight' }, '1.0.0')).not.toBe(optionsHash({}, '1.0.0'));
    expect(optionsHash({}, '1.0.1')).not.toBe(optionsHash({}, '1.0.0'));
  });
});

describe('runBatch', () => {
  it('should report each outcome once and go on after failures', async () => {
    const cwd = tempDir();
    write(cwd, 'in/good.txt', ARTICLE);
    write(cwd, 'in/empty.txt', '\n  \n');
    write(cwd, 'in/binary.txt', Buffer.alloc(100));
    write(cwd, 'in/huge.txt', ARTICLE.repeat(100));
    const inputs = await expandInputs(['in'], { cwd });
    const lines: string[] = [];
    const done: string[] = [];
    const reporter: BatchReporter = {
      warn: (l) => lines.push(l),
      error: (l) => lines.push(l),
      done: (r) => done.push(`${r.display}:${r.outcome}`),
    };
    const summary = await runBatch(
      inputs,
      batchConfig(path.join(cwd, 'out'), { maxBytes: 10_000 }),
      reporter,
    );
    expect(summary).toMatchObject({ seen: 4, cleaned: 1, unchanged: 0, interrupted: false });
    expect(lines.sort()).toEqual([
      'failed in/binary.txt: binary, not text (NUL bytes)',
      'failed in/huge.txt: too large (29.4 kB; limit 9.8 kB, see --max-bytes)',
      'skipped in/empty.txt: empty or whitespace-only input',
    ]);
    expect(done.sort()).toEqual([
      'in/binary.txt:failed',
      'in/empty.txt:skipped',
      'in/good.txt:cleaned',
      'in/huge.txt:failed',
    ]);
    expect(readdirSync(path.join(cwd, 'out/in')).sort()).toEqual(['good.json', 'good.md']);
    const text = formatSummary(summary).join('\n');
    expect(text).toMatch(/^copydesk: 4 files seen: 1 cleaned, 1 skipped, 2 failed in \d+\.\d s/);
    expect(text).toMatch(/words \d+ in, \d+ out \(\d+\.\d% removed\)/);
    expect(text).toContain('copydesk:   failed in/binary.txt: binary, not text (NUL bytes)');
  });

  it('should count words out as the review and diff do (head lines and body)', async () => {
    const cwd = tempDir();
    write(cwd, 'in/good.txt', ARTICLE);
    const inputs = await expandInputs(['in'], { cwd });
    const quiet: BatchReporter = { warn: () => undefined, error: () => undefined };
    const summary = await runBatch(
      inputs,
      batchConfig(path.join(cwd, 'out'), { maxBytes: 10_000 }),
      quiet,
    );
    const meta = JSON.parse(readFileSync(path.join(cwd, 'out/in/good.json'), 'utf8'));
    expect(meta.headline).toBeTruthy();
    const tally = tallyOf(meta);
    expect(summary.wordsOut).toBe(tally.out);
    expect(summary.wordsOut).toBeGreaterThan(meta.counts.words); // the headline counts
    expect(formatSummary(summary).join('\n')).toContain(
      `(${(tally.share * 100).toFixed(1)}% removed)`,
    );
  });

  it('should stop taking files once aborted', async () => {
    const cwd = tempDir();
    for (let i = 0; i < 5; i++) write(cwd, `in/f${i}.txt`, ARTICLE);
    const inputs = await expandInputs(['in'], { cwd });
    const controller = new AbortController();
    const summary = await runBatch(
      inputs,
      batchConfig(path.join(cwd, 'out'), { resume: true }),
      {
        warn: () => undefined,
        error: () => undefined,
        done: () => controller.abort(),
      },
      controller.signal,
    );
    expect(summary.interrupted).toBe(true);
    expect(summary.cleaned).toBe(1);
    const manifest = JSON.parse(readFileSync(path.join(cwd, 'out', MANIFEST_NAME), 'utf8'));
    // Two files are read ahead for the one thread; whichever finished first is the one recorded.
    const recorded = Object.keys(manifest.entries);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatch(/^in\/f[01]\.txt$/);
  });

  it('should remove blocks repeated on most pages of a site with siteRepeats, and only then', async () => {
    const cwd = tempDir();
    const stories = ['harbour', 'bridge', 'school', 'market'];
    for (const topic of stories)
      write(
        cwd,
        `site/${topic}.txt`,
        `Valley towns plan a new ${topic}\nThe ${topic} plan goes to a public vote next month.\n` +
          `Officials said the ${topic} would be paid for by a regional fund set up after last year's floods, and that work could start in spring.\n` +
          'Tip line: 555 0100, open weekdays\n' +
          `Residents asked whether the ${topic} would change traffic through the old centre, and the council promised a study.\n`,
      );
    const inputs = await expandInputs(['site'], { cwd });
    const quiet: BatchReporter = { warn: () => undefined, error: () => undefined };
    await runBatch(inputs, batchConfig(path.join(cwd, 'plain')), quiet);
    await runBatch(inputs, batchConfig(path.join(cwd, 'rep'), { siteRepeats: true }), quiet);
    for (const topic of stories) {
      const plain = JSON.parse(readFileSync(path.join(cwd, `plain/site/${topic}.json`), 'utf8'));
      const rep = JSON.parse(readFileSync(path.join(cwd, `rep/site/${topic}.json`), 'utf8'));
      expect(plain.removed.some((r: { ruleId: string }) => /site-repeats$/.test(r.ruleId))).toBe(
        false,
      );
      expect(rep.removed).toContainEqual(
        expect.objectContaining({
          ruleId: expect.stringMatching(/site-repeats$/),
          text: 'Tip line: 555 0100, open weekdays',
        }),
      );
      expect(readFileSync(path.join(cwd, `rep/site/${topic}.md`), 'utf8')).toContain(
        `Residents asked whether the ${topic}`,
      );
    }
  });
});
