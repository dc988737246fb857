/**
 * The seed page must come out exactly as issue 2 says, with site rule packs
 * on and off: headline, dek, the 16 article paragraphs in order and nothing
 * else, every other line in `removed`, the 11 related items with kickers and
 * bylines, and one quote style.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/clean.js';

const seedPath = join(import.meta.dirname, '..', 'seeds', 'theweek--putin-meets-kim-jong-un.txt');
const input = readFileSync(seedPath, 'utf8');
const lines = input.split('\n');
const line = (n: number) => lines[n - 1]!;
const ARTICLE = [3, 4, 5, ...Array.from({ length: 13 }, (_, i) => 11 + i)];

/** Compare modulo quote style: fold every quote/apostrophe mark to one. */
const fold = (s: string) =>
  s
    .replace(/[‘’'“”"]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

function body(markdown: string): string[] {
  // Headline, dek and byline are the head; the body follows.
  return markdown
    .trim()
    .split(/\n{2,}/)
    .slice(2);
}

describe.each([true, false])('the seed page (site rules %s)', (siteRules) => {
  const result = clean(input, { path: 'seeds/theweek--putin-meets-kim-jong-un.txt', siteRules });
  const { markdown, metadata } = result;

  it('should take line 1 as the headline and line 2 as the dek', () => {
    expect(markdown.startsWith(`# ${fold(line(1))}`.replace(/'/g, '’'))).toBe(true);
    expect(fold(metadata.title!)).toBe(fold(line(1)));
    expect(fold(metadata.dek!)).toBe(fold(line(2)));
    expect(markdown.split('\n\n')[1]).toBe(metadata.dek);
  });

  it('should keep exactly the 16 article paragraphs, in order', () => {
    expect(body(markdown).map(fold)).toEqual(ARTICLE.map((n) => fold(line(n))));
  });

  it('should record every other line as removed with a rule id and reason', () => {
    const removedLines = new Set(metadata.removed.map((r) => r.line));
    for (let n = 6; n <= lines.length; n++) {
      if (ARTICLE.includes(n) || line(n).trim() === '') continue;
      expect(removedLines.has(n), `line ${n} "${line(n)}" should be in removed`).toBe(true);
    }
    for (const r of metadata.removed) {
      expect(r.ruleId).toMatch(/^[a-z]/);
      expect(r.reason.length).toBeGreaterThan(5);
      expect(ARTICLE).not.toContain(r.line);
    }
    expect(metadata.removed.find((r) => r.line === 10)).toBeDefined();
  });

  it('should keep the 11 recommended items as related, with kickers and bylines', () => {
    const related = metadata.related;
    expect(related).toHaveLength(11);
    expect(related.map((r) => fold(r.title))).toEqual(
      [27, 31, 35, 39, 43, 47, 51, 55, 59, 63, 67].map((n) => fold(line(n))),
    );
    expect(related.map((r) => r.kicker)).toEqual(
      [
        'The Week Recommends',
        'In the Spotlight',
        'The Explainer',
        'Speed Read',
        'Today’s Big Question'.replace('’', "'"),
        'The Explainer',
        'Speed Read',
        'Today’s Big Question'.replace('’', "'"),
        'The Explainer',
        'Talking Point',
        'In the Spotlight',
      ].map((k) => expect.stringMatching(new RegExp(`^${k.replace("'", "['’]")}$`))),
    );
    expect(related[0]!.authors).toEqual(['Catherine Garcia']);
    expect(related[0]!.publication).toBe('The Week US');
    expect(fold(related[0]!.dek!)).toBe(
      fold('Trek carefully — and respectfully — in the world’s largest rainforest'),
    );
    expect(related[5]!.authors).toEqual([]);
    expect(related[5]!.publication).toBe('The Week UK');
    expect(related.every((r) => r.dek && r.dek.length > 10)).toBe(true);
  });

  it('should use one quote style throughout the body', () => {
    const text = body(markdown).join('\n');
    expect(text).not.toMatch(/['"]/);
    // Line 14 nests ‘…’ inside “…”.
    expect(text).toContain('Putin is ‘desperate to be considered');
    expect(text).toContain('diplomatic games with Washington’.”');
    expect(text).toContain('North Korea’s');
  });

  it('should be idempotent: cleaning its own output changes nothing', () => {
    const again = clean(markdown, { from: 'markdown', siteRules });
    expect(again.markdown).toBe(markdown);
    expect(again.metadata.removed).toEqual([]);
  });
});

describe('the seed page with straight quotes', () => {
  it('should turn every mark to ASCII', () => {
    const { markdown } = clean(input, { path: 'seed.txt', quotes: 'straight' });
    expect(markdown).not.toMatch(/[‘’“”]/);
    expect(markdown).toContain(`Putin is 'desperate to be considered`);
  });
});
