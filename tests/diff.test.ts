import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cleaner } from '../src/clean.js';
import { runDiff } from '../src/commands/diff.js';
import { runReview } from '../src/commands/review.js';
import {
  inlineDiff,
  renderTerminalDiff,
  renderUnifiedDiff,
  wantColor,
  wordChanges,
} from '../src/review/diff.js';
import { buildReport, type DocumentReport } from '../src/review/removals.js';

const SEED = path.resolve(import.meta.dirname, '../seeds/theweek--putin-meets-kim-jong-un.txt');
const ARTICLE_LINES = [3, 4, 5, ...Array.from({ length: 13 }, (_, i) => 11 + i)];
const NEWSLETTER_LINES = [6, 7, 8, 9, 10, 24, 25];

let seedText: string;
let report: DocumentReport;

function sink() {
  const chunks: string[] = [];
  return { chunks, write: (c: string) => chunks.push(c), text: () => chunks.join('') };
}

beforeAll(async () => {
  seedText = await readFile(SEED, 'utf8');
  report = buildReport(new Cleaner().clean(seedText, { path: 'seed.txt' }), 'seed.txt');
});

describe('diff of the seed', () => {
  it('should show every input line once, in order', () => {
    const lines = seedText.split('\n').filter((l) => l.trim());
    expect(report.blocks.flatMap((b) => b.text.split('\n'))).toEqual(lines.map((l) => l.trim()));
    const starts = report.blocks.map((b) => b.line!);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('should show the newsletter lines removed with their rule ids', () => {
    for (const n of NEWSLETTER_LINES) {
      const b = report.blocks[n - 1]!;
      expect(b.kind, `line ${n}`).toBe('removed');
      expect(['strip-newsletter', 'dedupe-blocks']).toContain(b.removal!.ruleId);
      expect(b.removal!.reason.length).toBeGreaterThan(5);
    }
    const out = renderTerminalDiff(report, { color: false });
    expect(out).toMatch(/^- Subscribe to The Week\n {4}\[(strip-newsletter|dedupe-blocks)\] \S/m);
    expect(out).toMatch(/^- Sign up for Today's Best Articles in your inbox\n/m);
  });

  it('should keep the article paragraphs plain and remove the related list', () => {
    for (const n of ARTICLE_LINES) expect(report.blocks[n - 1]!.kind, `line ${n}`).toBe('kept');
    // Everything after line 25 (the recommended list) is removed by strip-related,
    // however the detector groups it into removals.
    const tail = report.blocks.filter((b) => b.line! > 25);
    expect(tail.every((b) => b.kind === 'removed' && b.removal!.ruleId === 'strip-related')).toBe(
      true,
    );
    const removedText = tail.map((b) => b.text).join('\n');
    for (const line of seedText.split('\n').slice(25)) expect(removedText).toContain(line.trim());
    const out = renderTerminalDiff(report, { color: false });
    expect(out).toContain('\n  The North Korean leader travelled by armoured train');
    expect(out).not.toContain('- The North Korean leader');
  });

  it('should end with a summary of removals by rule and edits', () => {
    const out = renderTerminalDiff(report, { color: false }).trimEnd().split('\n');
    const last = out.at(-1)!;
    expect(last).toMatch(/^\d+ blocks removed \(.*strip-related \d+.*\), \d+ edits?/);
    expect(last).toContain('strip-newsletter');
  });

  it('should strike removed blocks through in colour and never colour without it', () => {
    const coloured = renderTerminalDiff(report, { color: true });
    expect(coloured).toContain('\x1b[9mSubscribe to The Week');
    expect(renderTerminalDiff(report, { color: false })).not.toContain('\x1b[');
  });

  it('should print a unified diff from the input blocks to the Markdown', () => {
    const patch = renderUnifiedDiff(report);
    expect(patch).toMatch(/^={10,}\n--- a\/seed\.txt\n\+\+\+ b\/seed\.md\n/m);
    expect(patch).toContain('\n-Subscribe to The Week\n');
    expect(patch).toContain('\n-By Catherine Garcia, The Week US Published\n');
    expect(patch).not.toMatch(/^\+.*(Subscribe|Sign up)/m);
  });
});

describe('inline edits and colour choice', () => {
  it('should mark edits with word-diff markers without colour', () => {
    expect(inlineDiff(`It's "fine"`, 'It’s “fine”', false)).toBe(
      'It[-\'-]{+’+}s [-"-]{+“+}fine[-"-]{+”+}',
    );
    expect(inlineDiff('same', 'same', true)).toBe('same');
    expect(inlineDiff('a "b"', 'a “b”', true)).toContain('\x1b[32m');
  });

  it('should follow --no-color, NO_COLOR, FORCE_COLOR and the terminal', () => {
    expect(wantColor(undefined, { isTTY: true }, {})).toBe(true);
    expect(wantColor(undefined, { isTTY: false }, {})).toBe(false);
    expect(wantColor(false, { isTTY: true }, { FORCE_COLOR: '1' })).toBe(false);
    expect(wantColor(undefined, { isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(wantColor(undefined, { isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(wantColor(undefined, { isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
    expect(wantColor(true, { isTTY: false }, {})).toBe(true);
  });
});

describe('bounded work on hostile input', () => {
  it('should fall back to a whole replacement when a word diff gets too big', () => {
    const before = Array.from({ length: 40_000 }, (_, i) => `w${i}`).join(' ');
    const after = Array.from({ length: 40_000 }, (_, i) => (i % 2 ? `x${i}` : `w${i}`)).join(' ');
    const t = Date.now();
    const changes = wordChanges(before, after);
    expect(Date.now() - t).toBeLessThan(5_000);
    expect(changes).toEqual([
      { value: before, added: false, removed: true, count: 1 },
      { value: after, added: true, removed: false, count: 1 },
    ]);
    expect(wordChanges('a "b" c', 'a “b” c').filter((c) => c.added || c.removed)).toHaveLength(4);
  });

  it('should still print a valid patch when the line diff gets too big', () => {
    const blocks = Array.from({ length: 30_000 }, (_, i) => ({
      kind: 'kept' as const,
      text: `line ${i}`,
      line: i + 1,
      edits: [],
      after: `line ${i}`,
    }));
    const markdown = blocks.map((b, i) => (i % 2 ? `changed ${i}` : b.text)).join('\n\n') + '\n';
    const big = { ...report, name: 'big.txt', blocks, markdown };
    const t = Date.now();
    const patch = renderUnifiedDiff(big);
    expect(Date.now() - t).toBeLessThan(10_000);
    expect(patch).toMatch(/^--- a\/big\.txt$/m);
    expect(patch).toMatch(/^-line 1$/m);
    expect(patch).toMatch(/^\+changed 1$/m);
  });
});

describe('the diff and review commands', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'copydesk-diff-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('should print the diff without colour when stdout is not a terminal', async () => {
    const stdout = sink();
    const stderr = sink();
    const code = await runDiff({ file: SEED }, { stdout, stderr, env: {} });
    expect(code).toBe(0);
    expect(stdout.text()).toMatch(/^- Subscribe to The Week$/m);
    expect(stdout.text()).not.toContain('\x1b[');
    expect(stderr.text()).toBe('');
  });

  it('should print a unified diff with --unified', async () => {
    const stdout = sink();
    expect(await runDiff({ file: SEED, unified: true }, { stdout, stderr: sink(), env: {} })).toBe(
      0,
    );
    expect(stdout.text()).toMatch(/^@@ /m);
  });

  it('should fail with one line for a missing file and exit 2 on bad options', async () => {
    const stderr = sink();
    expect(
      await runDiff({ file: path.join(dir, 'nope.txt') }, { stdout: sink(), stderr, env: {} }),
    ).toBe(1);
    expect(stderr.text()).toMatch(/nope\.txt: no such file or directory\n$/);
    const bad = sink();
    // @ts-expect-error an invalid style, as a user could type it
    expect(await runDiff({ file: SEED, quotes: 'fancy' }, { stdout: sink(), stderr: bad })).toBe(2);
    expect(bad.text()).toContain("invalid quotes 'fancy'");
  });

  it('should write the review list and one page per document, failed inputs listed', async () => {
    const inputs = path.join(dir, 'in');
    await rm(inputs, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(inputs, { recursive: true }));
    await writeFile(path.join(inputs, 'seed.txt'), seedText);
    await writeFile(path.join(inputs, 'other.md'), '# A title\n\nA paragraph of text.\n');
    await writeFile(path.join(inputs, 'broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 7]));
    const stderr = sink();
    const out = path.join(dir, 'review');
    const result = await runReview({ inputs: [inputs], out }, { stdout: sink(), stderr });
    expect(result.code).toBe(1);
    const statuses = Object.fromEntries(result.rows.map((r) => [path.basename(r.name), r.status]));
    expect(Object.keys(statuses)).toEqual(['broken.txt', 'other.md', 'seed.txt']);
    expect(statuses['broken.txt']).toBe('failed');
    expect(statuses['seed.txt']).toBe('ok');
    expect(statuses['other.md']).not.toBe('failed');
    expect(stderr.text()).toMatch(/broken\.txt: .*binary/);
    const html = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('<span id="doc-count">3 documents</span>');
    expect(html).toMatch(/<tr data-n="3" data-status="ok" data-rules="[^"]*strip-related/);
    const doc = await readFile(path.join(out, 'docs', '3.html'), 'utf8');
    expect(doc).toContain('data-rule="strip-related"');
    expect(doc).toContain('<a rel="prev" href="2.html">');
    expect(doc).not.toContain('rel="next"');
    const failed = await readFile(path.join(out, 'docs', '1.html'), 'utf8');
    expect(failed).toMatch(/class="error">[^<]*binary/);
  });
});
