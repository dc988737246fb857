import { join } from 'node:path';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { fixtureCases, runFixture } from '../../tests/helpers/fixtures.js';
import { editsOf } from '../shared/messages.js';
import { normalizeDashes, type Options, remarkNormalizeDashes } from './index.js';

const dir = join(import.meta.dirname, 'fixtures');

function md(input: string, options: Options = {}) {
  const file = new VFile({ value: input });
  const p = unified().use(remarkParse).use(remarkNormalizeDashes, options).use(remarkStringify);
  return { out: String(p.processSync(file)).trimEnd(), edits: editsOf(file) };
}

describe('remark-normalize-dashes', () => {
  for (const c of fixtureCases(dir)) {
    it(`should match fixture ${c.name}`, async () => {
      const r = runFixture(c, [remarkNormalizeDashes]);
      await expect(r.markdown).toMatchFileSnapshot(join(c.dir, 'output.md'));
    });
  }

  const table: [string, string, string][] = [
    ['double hyphen, unspaced', 'He said--quietly--no', 'He said—quietly—no'],
    ['double hyphen, spaced', 'He said -- quietly -- no', 'He said — quietly — no'],
    ['triple hyphen', 'wait---what', 'wait—what'],
    ['spaced hyphen between words', 'Washington - The president', 'Washington — The president'],
    ['spaced en dash', 'the day – and the best', 'the day — and the best'],
    ['year range', 'from 1990-95 and 1990-1995', 'from 1990–95 and 1990–1995'],
    ['number range', 'pages 4-7, 10-20 people, 5-10%', 'pages 4–7, 10–20 people, 5–10%'],
    ['latex range', 'pages 2--3', 'pages 2–3'],
    ['ellipsis', 'Wait... what', 'Wait… what'],
  ];
  for (const [name, input, expected] of table)
    it(`should convert ${name}`, () => expect(normalizeDashes(input)).toBe(expected));

  const keep: [string, string][] = [
    ['hyphenated words', 'a well-known e-mail about COVID-19'],
    ['dates', 'on 2024-03-12 and in 2024-03'],
    ['phone numbers', 'call 555-1234 or 1-800-555-0199'],
    ['ISBN', 'ISBN 978-3-16-148410-0'],
    ['scores', 'won 3-1 after a 2-2 draw'],
    ['tennis scores', 'beat Bublik 7-5, 3-6, 7-6 (5)'],
    ['ranges of days and months', 'open Tue – Sat and May - June'],
    ['model numbers', 'a Boeing 737-800 jet'],
    ['arithmetic', 'so 10 - 5 = 5 and -3 degrees'],
    ['a text list marker', '- an item'],
    ['a line of hyphens', '---'],
    ['unspaced en dash compound', 'the Paris–London train'],
    ['unspaced em dash', 'yes—no'],
    ['four dots', 'the end.... next'],
    ['URLs', 'see https://x.org/a--b...c and www.x.org/1-2'],
  ];
  for (const [name, input] of keep)
    it(`should keep ${name}`, () => expect(normalizeDashes(input)).toBe(input));

  it('should use spaced en dashes in en-spaced style', () => {
    expect(normalizeDashes('a--b, c — d, e—f, g - h', { dash: 'en-spaced' })).toBe(
      'a – b, c – d, e – f, g – h',
    );
  });

  it('should leave sentence dashes alone with dash none, still fixing ranges', () => {
    expect(normalizeDashes('a--b in 1990-95...', { dash: 'none' })).toBe('a--b in 1990–95…');
    expect(
      normalizeDashes('a--b in 1990-95...', { dash: 'none', ranges: false, ellipsis: false }),
    ).toBe('a--b in 1990-95...');
  });

  it('should work across inline nodes and never inside code', () => {
    expect(md('He said _yes_--and `a--b` then *no* -- fine').out).toBe(
      'He said *yes*—and `a--b` then *no* — fine',
    );
    expect(md('```\na -- b\n```').out).toBe('```\na -- b\n```');
    expect(md('- item one\n- item two\n\n***').out).toBe('* item one\n* item two\n\n***');
  });

  it('should record one edit per changed block', () => {
    expect(md('a--b and c--d\n\nnothing').edits).toEqual([
      { ruleId: 'normalize-dashes', old: 'a--b and c--d', new: 'a—b and c—d', line: 1 },
    ]);
  });

  it('should reject an unknown dash style', () => {
    expect(() =>
      unified()
        .use(remarkNormalizeDashes, { dash: 'long' as Options['dash'] & string })
        .freeze(),
    ).toThrow(/invalid dash 'long'/);
  });
});
