/**
 * Bounding Markdown before remark-parse (`src/readers/bound.ts`): dense
 * markup is cut into pieces so parsing stays linear; prose, code and
 * ordinary link-rich paragraphs are never touched.
 */
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/clean.js';
import { boundMarkdown, cutPieces, MAX_PIECE } from '../../src/readers/bound.js';

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

describe('boundMarkdown', () => {
  it('should cut a long paragraph dense with brackets into pieces, losing no character', () => {
    const input = `${'['.repeat(6000)}${']'.repeat(6000)}`;
    const r = boundMarkdown(input);
    expect(r.paragraphs).toBe(1);
    const pieces = r.text.split('\n\n');
    expect(pieces.length).toBe(12);
    expect(pieces.every((p) => p.length <= MAX_PIECE)).toBe(true);
    expect(pieces.join('')).toBe(input);
  });

  it('should cut at spaces and line breaks when it can', () => {
    const input = Array.from({ length: 800 }, (_, i) => `*a${i} **b`).join(' ');
    const r = boundMarkdown(input);
    expect(r.paragraphs).toBe(1);
    expect(words(r.text)).toEqual(words(input));
    expect(cutPieces('ab'.repeat(10), 6)).toEqual(['ababab', 'ababab', 'ababab', 'ab']);
  });

  it('should leave prose, a link-rich paragraph and fenced code alone (near misses)', () => {
    const prose = 'The council met on Tuesday and voted to approve the plan. '.repeat(200);
    const links = Array.from(
      { length: 120 },
      (_, i) => `see [the report number ${i}](https://example.org/reports/${i}) for details`,
    ).join(' ');
    const code = `\`\`\`\n${'[['.repeat(4000)}\n\`\`\`\n`;
    for (const text of [prose, links, code, `${'['.repeat(3000)}`])
      expect(boundMarkdown(text)).toEqual({ text, paragraphs: 0 });
  });
});

describe('clean() on cmark pathological Markdown', () => {
  it('should finish, keep the text and record a limits warning', () => {
    const input = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const started = Date.now();
    const r = clean(input, { from: 'markdown' });
    // A generous bound on a loaded machine; before the cut this took minutes.
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(
      r.messages.some((m) => m.ruleId === 'limits' && /dense with markup/.test(m.reason)),
    ).toBe(true);
    expect(r.markdown.replace(/[\\\s]/g, '').length).toBe(40_000);
  });
});
