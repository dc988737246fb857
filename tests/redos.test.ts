/**
 * Catastrophic backtracking: every regular expression in `src/` and
 * `plugins/` meets adversarial strings, and the whole pipeline meets pages
 * made of them. The assertion is completion (a catastrophic pattern hangs the
 * run), not timing. A hand audit (numbers in the report) found no exponential
 * pattern; quadratic ones on long runs were rewritten where trivially safe
 * (a negative lookbehind at the start of a trailing run: `(?<![.,])[.,]+$`).
 */
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { runJob } from '../src/batch/job.js';
import { Cleaner } from '../src/clean.js';
import { clampMarkdownNesting, flattenDeep } from '../src/limits.js';
import { adversarialInputs, findRegexes } from './redos-corpus.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('regular expressions against adversarial strings', () => {
  const regexes = findRegexes(ROOT);

  it('should find the regex literals of src/ and plugins/', () => {
    expect(regexes.length).toBeGreaterThan(50);
    expect(regexes.some((r) => r.file.startsWith('plugins/'))).toBe(true);
  });

  it('should finish every regex on every adversarial string', () => {
    const inputs = adversarialInputs(1500);
    let runs = 0;
    for (const r of regexes) {
      const global = new RegExp(r.regex.source, `${r.regex.flags}g`);
      for (const s of inputs) {
        r.regex.test(s);
        s.replace(global, '');
        s.split(r.regex);
        runs++;
      }
    }
    expect(runs).toBe(regexes.length * inputs.length);
  }, 240_000);
});

describe('the pipeline against adversarial pages', () => {
  const cleaner = new Cleaner();
  const runs = [
    'a-',
    ' \n',
    'a.',
    '. ',
    '- ',
    ', ',
    '<a ',
    '"',
    '’',
    'http://a',
    'by ',
    'A. ',
    '>',
    '*',
  ];

  for (const from of ['text', 'markdown', 'html'] as const)
    it(`should clean ${from} pages made of long runs without hanging or throwing`, () => {
      for (const run of runs) {
        const line = run.repeat(Math.ceil(3000 / run.length));
        const page = `Headline of the page\n\n${line}!\n\n${line}\n\nA closing paragraph of ordinary words.`;
        const r = cleaner.clean(page, { from });
        expect(typeof r.markdown).toBe('string');
      }
    }, 240_000);
});

describe('size and depth limits', () => {
  const cleaner = new Cleaner();

  it('should cap Markdown container nesting per line and leave ordinary lines alone', () => {
    const ordinary = '# Title\n\n- a\n  - b\n    - c\n\n> quote\n> > nested\n\n    code\n';
    expect(clampMarkdownNesting(ordinary)).toEqual({ text: ordinary, lines: 0 });
    const deep = `${'> '.repeat(100)}deep\n${' '.repeat(500)}- wide\n${'- '.repeat(80)}item`;
    const r = clampMarkdownNesting(deep, 8);
    expect(r.lines).toBe(3);
    expect(r.text.split('\n')).toEqual([
      `${'> '.repeat(8)}deep`,
      `${' '.repeat(16)}- wide`,
      `${'- '.repeat(8)}item`,
    ]);
  });

  it('should flatten a tree past the depth limit without losing text', () => {
    const tree = cleaner.clean(`${'> '.repeat(30)}deep words here`, { from: 'markdown' });
    expect(tree.markdown).toContain('deep words here');
    const root = {
      type: 'root',
      children: [
        {
          type: 'blockquote',
          children: [
            {
              type: 'blockquote',
              children: [
                {
                  type: 'blockquote',
                  children: [{ type: 'paragraph', children: [{ type: 'text', value: 'kept' }] }],
                },
              ],
            },
          ],
        },
      ],
    } as Root;
    expect(flattenDeep(root, 1)).toBe(1);
    expect(JSON.stringify(root)).toBe(
      JSON.stringify({
        type: 'root',
        children: [
          {
            type: 'blockquote',
            children: [{ type: 'paragraph', children: [{ type: 'text', value: 'kept' }] }],
          },
        ],
      }),
    );
  });

  it('should clean 2,000 nested list levels and 10,000 nested quotes in Markdown', () => {
    const lists = Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    const r = cleaner.clean(lists, { from: 'markdown' });
    expect(r.markdown).toContain('item 1999');
    expect(r.metadata.warnings.some((w) => w.ruleId === 'limits')).toBe(true);
    expect(cleaner.clean(`${'> '.repeat(10_000)}deep`, { from: 'markdown' }).markdown).toContain(
      'deep',
    );
  });

  it('should fail 100,000 nested HTML elements cleanly, as one file', () => {
    const html = `<html><body>${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}</body></html>`;
    expect(runJob(cleaner, { bytes: Buffer.from(html), path: 'deep.html' })).toEqual({
      kind: 'failed',
      problem: 'crashed',
      reason: 'nesting too deep to process',
    });
    const moderate = `<html><body>${'<div>'.repeat(300)}<p>deep enough</p>${'</div>'.repeat(300)}</body></html>`;
    expect(runJob(cleaner, { bytes: Buffer.from(moderate), path: 'ok.html' }).kind).toBe('cleaned');
  });

  it('should clean a megabyte-long line and 100,000 links', () => {
    expect(
      cleaner.clean('word '.repeat(200_000), { from: 'text' }).markdown.length,
    ).toBeGreaterThan(900_000);
    const links = Array.from({ length: 100_000 }, (_, i) => `[link ${i}](https://e.com/${i})`).join(
      ' ',
    );
    expect(cleaner.clean(links, { from: 'markdown' }).markdown).toContain('link 99999');
  }, 240_000);
});
