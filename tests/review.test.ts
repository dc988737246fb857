import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { reportDoubt, reportEdit, reportRemoval } from '../plugins/shared/messages.js';
import type { CleanResult } from '../src/clean.js';
import { readText } from '../src/readers/text.js';
import { keepRule, renderDocumentPage, rowOf } from '../src/review/doc-page.js';
import { renderIndexPage } from '../src/review/index-page.js';
import { escapeHtml } from '../src/review/page.js';
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
  const headline = /^# (.*)/.exec(markdown)?.[1];
  file.data.meta = { authors: [], ...(headline ? { headline } : {}) };
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

  it('should count the share of words removed from words in and words out', () => {
    const report = buildReport(fakeResult(INPUT, RULES, MD));
    // out: the headline (4 words), 7 and 8 words of body
    expect(report.outputWords).toBe(19);
    expect(report.inputWords).toBe(INPUT.split(/\s+/).length);
    expect(report.removedWords).toBe(report.inputWords - 19);
    expect(report.removedShare).toBeCloseTo(report.removedWords / report.inputWords);
    expect(summaryLine(report)).toBe(
      `3 blocks removed (strip-related 2, strip-newsletter 1), 0 edits; 19 of ${report.inputWords} words kept, ${report.removedWords} removed (${Math.round(report.removedShare * 100)}%)`,
    );
  });

  it('should not count a block twice when two removals cover it', () => {
    const r = fakeResult(INPUT, RULES, MD);
    // a second message for the newsletter line (a nested removal): the sum of removed texts overcounts
    const tree = readText(INPUT);
    reportRemoval(r.file, tree.children[2]!, {
      ruleId: 'dedupe-blocks',
      reason: 'repeat',
      confidence: 1,
    });
    const report = buildReport({ ...r, messages: r.file.messages });
    expect(report.removals).toHaveLength(4);
    expect(report.outputWords + report.removedWords).toBe(report.inputWords);
    expect(report.removedShare).toBeLessThan(0.5);
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
        '# Headline <script>x</script>\n\n<img src=x onerror="y"> a body [link](javascript:alert(1))\n',
      ),
      'evil<script>.txt',
    );
    const doc = renderDocumentPage(report, { n: 1, hasNext: false });
    const list = renderIndexPage([rowOf(report, 1)], { generated: new Date(0) });
    for (const html of [doc, list]) {
      expect(html).not.toMatch(
        /<script>window|<img|<b>now|<i>x|<script>x|evil<script>|javascript:/,
      );
      // The only script element is the page's own, and the CSP allows only it.
      expect(html.match(/<script/g)).toHaveLength(1);
      expect(html).toMatch(/Content-Security-Policy" content="default-src &#39;none&#39;/);
    }
    expect(doc).toContain('Headline &lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(doc).toContain('&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;');
    expect(doc).toContain('data-rule="strip-&lt;i&gt;x&lt;/i&gt;"');
    expect(doc).toContain('title="reason &quot;&lt;script&gt;&quot;"');
    expect(list).toContain('evil&lt;script&gt;.txt');
  });

  it('should mark each removal with its rule id, a visible reason and a keep rule', () => {
    const html = renderDocumentPage(buildReport(fakeResult(INPUT, RULES, MD)), {
      n: 2,
      hasNext: true,
    });
    expect(html).toContain(
      '<del class="removed" data-rule="strip-newsletter" title="newsletter call to action">Subscribe to our newsletter</del>',
    );
    expect(html).toContain('<code class="rule">strip-newsletter</code> newsletter call to action');
    expect(html.match(/<del class="removed"/g)).toHaveLength(3);
    expect(html).toContain(`data-keep="${escapeHtml('{"keep":["Subscribe to our newsletter"]}')}"`);
    expect(html).toContain('<a rel="prev" href="1.html">');
    expect(html).toContain('<a rel="next" href="3.html">');
  });

  it('should write a keep rule from the first words, scoped to the site when known', () => {
    expect(keepRule('- Sign up for the morning briefing\n- More', 'news.example.com')).toBe(
      '{"sites":{"news.example.com":{"keep":["Sign up for the morning briefing"]}}}',
    );
    const long = `${'word '.repeat(30)}end`;
    const rule = JSON.parse(keepRule(long, undefined)) as { keep: string[] };
    expect(rule.keep[0]!.length).toBeLessThanOrEqual(80);
    expect(long.startsWith(rule.keep[0]!)).toBe(true);
  });

  it('should show real edits as del/ins pairs and fold typography into one count', () => {
    const input =
      'A headline about rivers\nThe river rose by "two metres" overnight, said Jon Smiht.';
    const typo = buildReport(
      fakeResult(input, {}, MD, [
        {
          line: 2,
          old: 'The river rose by "two metres" overnight, said Jon Smiht.',
          new: 'The river rose by “two metres” overnight, said Jon Smiht.',
        },
      ]),
    );
    const quiet = renderDocumentPage(typo, { n: 1, hasNext: false });
    expect(quiet).not.toContain('<del class="edit"');
    expect(quiet).toContain('1 typography edits (quotes, dashes, spaces) applied');
    expect(rowOf(typo, 1)).toMatchObject({ edits: 0, typography: 1 });
    const real = buildReport(
      fakeResult(input, {}, MD, [
        {
          line: 2,
          old: 'The river rose by "two metres" overnight, said Jon Smiht.',
          new: 'The river rose by “two metres” overnight, said Jon Smiht.',
        },
        { line: 2, old: 'Smiht', new: 'Smith' },
      ]),
    );
    const loud = renderDocumentPage(real, { n: 1, hasNext: false });
    expect(loud.match(/<del class="edit"/g)).toHaveLength(1);
    expect(loud).toMatch(/<del class="edit"[^>]*>Smiht<\/del><ins class="edit"[^>]*>Smith<\/ins>/);
  });

  it('should render the after side (not raw Markdown), aligned with the before side', () => {
    const md =
      '# A headline about rivers\n\nThe river rose by **two metres** overnight.\n\nOfficials said the water would fall by Friday.\n';
    const html = renderDocumentPage(buildReport(fakeResult(INPUT, RULES, md)), {
      n: 1,
      hasNext: false,
    });
    expect(html).toContain('<div class="rendered"><h1>A headline about rivers</h1></div>');
    expect(html).toContain('<strong>two metres</strong>');
    expect(html).not.toContain('**two metres**');
    // the kept input line and its rendered block share a row; a removed line has an empty after cell
    const cells = html.slice(html.indexOf('id="sides"'));
    expect(cells).toMatch(
      /Officials said the water would fall by Friday\.<\/div><\/div><\/div><\/div><div class="cell after row-kept"><div class="rendered"><p>Officials said/,
    );
    expect(cells).toMatch(
      /Subscribe to our newsletter<\/del><\/div><\/div><\/div><div class="cell after empty-side">/,
    );
  });

  it('should fold a long removed run and keep its reason visible', () => {
    const lines = ['Body text of the story, long enough to stay as the article body here.'];
    const remove: Record<number, { ruleId: string; reason: string }> = {};
    for (let i = 2; i <= 12; i++) {
      lines.push(`Menu item ${i}`);
      remove[i] = { ruleId: 'strip-boilerplate', reason: 'navigation' };
    }
    const html = renderDocumentPage(
      buildReport(fakeResult(lines.join('\n'), remove, `${lines[0]}\n`)),
      { n: 1, hasNext: false },
    );
    expect(html).toContain('<details class="fold"><summary>11 lines folded: show</summary>');
    expect(html).toContain('<code class="rule">strip-boilerplate</code> navigation');
  });

  it('should list every document with headline, site, URL, badges and filters', () => {
    const ok = buildReport(fakeResult(INPUT, RULES, MD), 'b.txt');
    const bad = failedReport('a.bin', 'a.bin: binary or non-text content');
    const empty = { ...failedReport('c.txt', '', 'empty'), error: undefined };
    const html = renderIndexPage([rowOf(ok, 1), rowOf(bad, 2), rowOf(empty, 3)]);
    expect(html).toContain('<span id="doc-count">3 documents</span>');
    const rows = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
    expect(rows.match(/<tr /g)).toHaveLength(3);
    expect(rows).toContain(`data-value="${ok.removedShare.toFixed(6)}"`);
    expect(rows).toContain('<a class="docname" href="docs/1.html">A headline about rivers</a>');
    expect(rows).toContain('<span class="status bad" data-status="failed">failed</span>');
    expect(rows).toContain('<span class="status bad" data-status="empty">empty</span>');
    expect(rows).toContain('data-rules="strip-related strip-newsletter"');
    expect(html).toContain('<option value="strip-newsletter">strip-newsletter (1)</option>');
    expect(html).toContain('<option value="empty">empty (1)</option>');
    expect(html).toContain('a.bin: binary or non-text content');
  });

  it('should show a low-confidence page with an amber badge', () => {
    const r = { ...buildReport(fakeResult(INPUT, RULES, MD)), status: 'low_confidence' };
    expect(renderIndexPage([rowOf(r, 1)])).toContain(
      '<span class="status warn" data-status="low_confidence">low confidence</span>',
    );
  });
});
