import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { reportDoubt, reportEdit, reportRemoval } from '../plugins/shared/messages.js';
import type { CleanResult } from '../src/clean.js';
import { readText } from '../src/readers/text.js';
import { escapeHtml, renderReviewPage } from '../src/review/page.js';
import {
  blockRuns,
  buildReport,
  countByRule,
  editRows,
  failedReport,
  removalRows,
  summaryLine,
  viewBlocks,
  warningRows,
} from '../src/review/removals.js';
import { buildMetadata } from '../src/writers/metadata.js';

/**
 * A cleaned text document made by hand: the messages are written with the
 * same helpers the pipeline uses, so these tests do not depend on detectors.
 */
function fakeResult(
  input: string,
  remove: Record<number, { ruleId: string; reason: string }>,
  markdown: string,
  edits: { line: number; old: string; new: string }[] = [],
): CleanResult {
  const file = new VFile({ path: 'page.txt', value: input });
  file.data.source = {
    path: 'page.txt',
    format: 'text',
    sha256: '',
    bytes: input.length,
    encoding: 'utf-8',
  };
  file.data.meta = { authors: [] };
  const tree = readText(input);
  file.data.inputWords = input.split(/\s+/).filter(Boolean).length;
  for (const node of tree.children) {
    const why = remove[node.position!.start.line];
    if (why) reportRemoval(file, node, { ...why, confidence: 0.9 });
  }
  for (const e of edits) {
    const node = tree.children.find((n) => n.position!.start.line === e.line)!;
    reportEdit(file, 'normalize-quotes', 'curly quotes', e.old, e.new, node.position);
  }
  return { markdown, metadata: buildMetadata(file, markdown), messages: file.messages, file };
}

const INPUT = [
  'A headline about rivers',
  'The river rose by "two metres" overnight.',
  'Subscribe to our newsletter',
  'Officials said the water would fall by Friday.',
  '-',
  'Related story one',
].join('\n');

const RULES = {
  3: { ruleId: 'strip-newsletter', reason: 'newsletter call to action' },
  5: { ruleId: 'strip-related', reason: 'separator of a related list' },
  6: { ruleId: 'strip-related', reason: 'item of a related list' },
};

const MD =
  '# A headline about rivers\n\nThe river rose by “two metres” overnight.\n\nOfficials said the water would fall by Friday.\n';

describe('review rows', () => {
  it('should turn removal, edit and doubt messages into rows', () => {
    const r = fakeResult(INPUT, RULES, MD, [{ line: 2, old: '"two metres"', new: '“two metres”' }]);
    reportDoubt(r.file, 'guard', 'most of the page was removed');
    const removals = removalRows(r.file.messages);
    expect(removals.map((x) => [x.ruleId, x.text, x.line])).toEqual([
      ['strip-newsletter', 'Subscribe to our newsletter', 3],
      ['strip-related', '-', 5],
      ['strip-related', 'Related story one', 6],
    ]);
    expect(removals[0]!.reason).toBe('newsletter call to action');
    expect(editRows(r.file.messages)).toMatchObject([
      { old: '"two metres"', new: '“two metres”', line: 2 },
    ]);
    expect(warningRows(r.file.messages)).toEqual([
      { ruleId: 'guard', reason: 'most of the page was removed', line: undefined },
    ]);
    expect(countByRule(removals)).toEqual([
      ['strip-related', 2],
      ['strip-newsletter', 1],
    ]);
  });

  it('should show every input block in order, removed ones with their rule', () => {
    const report = buildReport(fakeResult(INPUT, RULES, MD));
    expect(report.blocks.map((b) => [b.line, b.kind, b.removal?.ruleId ?? null])).toEqual([
      [1, 'kept', null],
      [2, 'kept', null],
      [3, 'removed', 'strip-newsletter'],
      [4, 'kept', null],
      [5, 'removed', 'strip-related'],
      [6, 'removed', 'strip-related'],
    ]);
  });

  it('should apply edits to the kept block they belong to', () => {
    const report = buildReport(
      fakeResult(INPUT, RULES, MD, [{ line: 2, old: '"two metres"', new: '“two metres”' }]),
    );
    const block = report.blocks[1]!;
    expect(block.edits).toHaveLength(1);
    expect(block.after).toBe('The river rose by “two metres” overnight.');
    expect(report.blocks[0]!.after).toBe(report.blocks[0]!.text);
  });

  it('should count the share of words removed', () => {
    const report = buildReport(fakeResult(INPUT, RULES, MD));
    // 4 words of the newsletter line + 1 ("-" is no word) + 3 of the related item
    expect(report.removedWords).toBe(7);
    expect(report.inputWords).toBeGreaterThan(report.removedWords);
    expect(report.removedShare).toBeCloseTo(7 / report.inputWords);
    expect(summaryLine(report)).toMatch(
      /^3 blocks removed \(strip-related 2, strip-newsletter 1\), 0 edits; 7\/\d+ words removed/,
    );
  });

  it('should keep a document without removals whole', () => {
    const report = buildReport(
      fakeResult('One line.\nTwo lines.', {}, 'One line.\n\nTwo lines.\n'),
    );
    expect(report.blocks.every((b) => b.kind === 'kept')).toBe(true);
    expect(report.removedShare).toBe(0);
    expect(summaryLine(report)).toMatch(/^0 blocks removed, 0 edits/);
  });
});

describe('block view of Markdown', () => {
  const md = '# Title\n\nIntro text.\n\n- keep one\n- drop me\n- keep two\n\n1. first\n2. second\n';
  const pos = (l: number, c1: number, c2: number) => ({
    start: { line: l, column: c1 },
    end: { line: l, column: c2 },
  });

  it('should descend into a list only where a removal lies inside it', () => {
    const blocks = viewBlocks(
      md,
      'markdown',
      [{ ruleId: 'x', reason: 'why', text: 'drop me', line: 6, place: pos(6, 1, 10) }],
      [],
    );
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['kept', '# Title'],
      ['kept', 'Intro text.'],
      ['kept', '- keep one'],
      ['removed', '- drop me'],
      ['kept', '- keep two'],
      ['kept', '1. first\n2. second'],
    ]);
  });

  it('should place a removal without a matching block by its line, else at the end', () => {
    const blocks = viewBlocks(
      md,
      'markdown',
      [
        { ruleId: 'form', reason: 'never content', text: 'Subscribe', line: 4 },
        { ruleId: 'meta', reason: 'no place', text: 'Somewhere' },
      ],
      [],
    );
    expect(blocks.map((b) => b.text)).toEqual([
      '# Title',
      'Intro text.',
      'Subscribe',
      '- keep one\n- drop me\n- keep two',
      '1. first\n2. second',
      'Somewhere',
    ]);
  });

  it('should match a removal without a place by its text', () => {
    const blocks = viewBlocks(
      md,
      'markdown',
      [{ ruleId: 'gen', reason: 'made by a plugin', text: 'Intro  text.' }],
      [],
    );
    expect(blocks.map((b) => b.kind)).toEqual(['kept', 'removed', 'kept', 'kept']);
    expect(blocks[1]).toMatchObject({ text: 'Intro text.', line: 3 });
  });

  it('should apply chained edits of one block in order', () => {
    const blocks = viewBlocks(
      'He said "no" -- twice.\n',
      'text',
      [],
      [
        {
          ruleId: 'q',
          reason: 'quotes',
          old: 'He said "no" -- twice.',
          new: 'He said “no” -- twice.',
          line: 1,
        },
        {
          ruleId: 'd',
          reason: 'dashes',
          old: 'He said “no” -- twice.',
          new: 'He said “no” – twice.',
          line: 1,
        },
      ],
    );
    expect(blocks[0]!.edits).toHaveLength(2);
    expect(blocks[0]!.after).toBe('He said “no” – twice.');
  });

  it('should group consecutive removals with one rule and reason', () => {
    const report = buildReport(fakeResult(INPUT, RULES, MD));
    expect(blockRuns(report.blocks).map((r) => [r.kind, r.blocks.length])).toEqual([
      ['kept', 1],
      ['kept', 1],
      ['removed', 1],
      ['kept', 1],
      ['removed', 1],
      ['removed', 1],
    ]);
    const same = { ...RULES, 6: RULES[5] };
    const runs = blockRuns(buildReport(fakeResult(INPUT, same, MD)).blocks);
    expect(runs.at(-1)!.blocks.map((b) => b.text)).toEqual(['-', 'Related story one']);
  });
});

describe('review page', () => {
  it('should escape every special character', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });

  it('should show hostile input as text, never as markup', () => {
    const hostile = [
      'Headline <script>window.__pwned=1</script>',
      '<img src=x onerror="window.__pwned=2"> a body paragraph',
      'Sign up <b>now</b> "quoted" & more',
    ].join('\n');
    const report = buildReport(
      fakeResult(
        hostile,
        { 3: { ruleId: 'strip-<i>x</i>', reason: 'reason "<script>"' } },
        '# Headline <script>x</script>\n',
      ),
      'evil<script>.txt',
    );
    const html = renderReviewPage([report], { generated: new Date(0) });
    expect(html).not.toMatch(/<script>window|<img|<b>now|<i>x|<script>x|evil<script>/);
    expect(html).toContain('Headline &lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;');
    expect(html).toContain('data-rule="strip-&lt;i&gt;x&lt;/i&gt;"');
    expect(html).toContain('title="reason &quot;&lt;script&gt;&quot;"');
    // The only script element is the page's own, and the CSP allows only it.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toMatch(/Content-Security-Policy" content="default-src &#39;none&#39;/);
  });

  it('should mark each removal with its rule id and a visible reason', () => {
    const html = renderReviewPage([buildReport(fakeResult(INPUT, RULES, MD))]);
    expect(html).toContain(
      '<del class="removed" data-rule="strip-newsletter" title="newsletter call to action">Subscribe to our newsletter</del>',
    );
    expect(html).toContain(
      '<span class="reason"><code class="rule">strip-newsletter</code> newsletter call to action</span>',
    );
    expect(html.match(/<del class="removed"/g)).toHaveLength(3);
  });

  it('should show edits as del/ins pairs', () => {
    const report = buildReport(
      fakeResult(INPUT, RULES, MD, [{ line: 2, old: '"two metres"', new: '“two metres”' }]),
    );
    const html = renderReviewPage([report]);
    expect(html).toMatch(
      /by <del class="edit"[^>]*>&quot;<\/del><ins class="edit" title="\[normalize-quotes\] curly quotes">“<\/ins>two metres/,
    );
  });

  it('should list every document with sortable values, failed ones too', () => {
    const ok = buildReport(fakeResult(INPUT, RULES, MD), 'b.txt');
    const bad = failedReport('a.bin', 'a.bin: binary or non-text content');
    const html = renderReviewPage([ok, bad]);
    expect(html).toContain('<span id="doc-count">2 documents</span>');
    const rows = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
    expect(rows.match(/<tr>/g)).toHaveLength(2);
    expect(rows).toContain(`data-value="${ok.removedShare.toFixed(6)}"`);
    expect(rows).toContain('<span class="status bad">failed</span>');
    expect(html).toContain('a.bin: binary or non-text content');
  });
});
