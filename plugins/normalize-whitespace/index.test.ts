import { join } from 'node:path';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { fixtureCases, runFixture } from '../../tests/helpers/fixtures.js';
import { editsOf } from '../shared/messages.js';
import { transformString } from '../shared/typography.js';
import { defaults, type Options, remarkNormalizeWhitespace, whitespaceTransform } from './index.js';

const dir = join(import.meta.dirname, 'fixtures');

const ws = (text: string, options: Options = {}) =>
  transformString(text, whitespaceTransform({ ...defaults, ...options }));

function md(input: string) {
  const file = new VFile({ value: input });
  const p = unified().use(remarkParse).use(remarkNormalizeWhitespace).use(remarkStringify);
  return { out: String(p.processSync(file)).trimEnd(), edits: editsOf(file) };
}

describe('remark-normalize-whitespace', () => {
  for (const c of fixtureCases(dir)) {
    it(`should match fixture ${c.name}`, async () => {
      const r = runFixture(c, [remarkNormalizeWhitespace]);
      await expect(r.markdown).toMatchFileSnapshot(join(c.dir, 'output.md'));
    });
  }

  it('should compose to NFC', () => {
    expect(ws('Cafe\u0301 \u212B')).toBe('Café Å');
    expect(ws('\u1112\u1161\u11AB')).toBe('한');
  });

  it('should remove zero-width spaces, word joiners, BOMs and soft hyphens', () => {
    expect(ws('zero\u200Bwidth\u2060joined\uFEFF and soft\u00ADhyphen')).toBe(
      'zerowidthjoined and softhyphen',
    );
  });

  it('should keep joiners that do a job', () => {
    expect(ws('coder 👩\u200D💻 here')).toBe('coder 👩\u200D💻 here');
    expect(ws('family 👨\u200D👩\u200D👧')).toBe('family 👨\u200D👩\u200D👧');
    expect(ws('Persian می\u200Cخواهم')).toBe('Persian می\u200Cخواهم');
    expect(ws('Hindi क्\u200Dष')).toBe('Hindi क्\u200Dष');
    expect(ws('Latin a\u200Cb and c\u200Dd')).toBe('Latin ab and cd');
  });

  it('should judge a joiner after a combining accent by its base letter (idempotent before and after NFC)', () => {
    // `e` + U+0301 + ZWJ: Latin, so the joiner goes on the first pass, as it does for `é` + ZWJ.
    expect(ws('e\u0301\u200Dthe')).toBe('éthe');
    expect(ws('é\u200Dthe')).toBe('éthe');
    expect(ws(ws('e\u0301\u200Dthe'))).toBe(ws('e\u0301\u200Dthe'));
    // Near-misses: the virama is Devanagari's own mark, so the joiner after it stays; so do
    // joiners between Arabic letters and after an emoji's variation selector.
    expect(ws('\u0915\u094D\u200D\u0937')).toBe('\u0915\u094D\u200D\u0937');
    expect(ws('\u0644\u200D\u0627')).toBe('\u0644\u200D\u0627');
    expect(ws('🏳\uFE0F\u200D🌈')).toBe('🏳\uFE0F\u200D🌈');
  });

  it('should collapse runs of spaces and trim block and line ends', () => {
    expect(ws('  too   many \t spaces  ')).toBe('too many spaces');
    expect(ws('line one   \nline two')).toBe('line one\nline two');
  });

  it('should keep no-break spaces only where typography requires them', () => {
    expect(ws('Mr.\u00A0Smith went\u00A0home')).toBe('Mr. Smith went home');
    expect(ws('Quoi\u00A0? « Oui\u00A0» ; 10\u00A0000\u00A0€ and 5\u202Fkm')).toBe(
      'Quoi\u00A0? « Oui\u00A0» ; 10\u00A0000\u00A0€ and 5\u202Fkm',
    );
    expect(ws('«\u00A0Oui\u00A0»')).toBe('«\u00A0Oui\u00A0»');
    expect(ws('10\u00A0000', { keepNbsp: false })).toBe('10 000');
    expect(ws('thin\u2009space and \u00A0 mixed')).toBe('thin space and mixed');
  });

  it('should never touch code, inline code or URLs', () => {
    const { out } = md(
      'a  `x  \u200By`  b https://x.org/a\u200Bb\n\n```\n  code\u200B   here  \n```',
    );
    expect(out).toBe('a `x  \u200By` b https://x.org/a\u200Bb\n\n```\n  code\u200B   here  \n```');
  });

  it('should record one edit per changed block', () => {
    expect(md('a\u200Bb  c\n\nfine').edits).toEqual([
      { ruleId: 'normalize-whitespace', old: 'a\u200Bb  c', new: 'ab c', line: 1 },
    ]);
  });

  it('should drop a block that held only invisible characters', () => {
    const { out, edits } = md('Before.\n\n\u200B\u00AD\n\nAfter.');
    expect(out).toBe('Before.\n\nAfter.');
    expect(edits).toEqual([
      { ruleId: 'normalize-whitespace', old: '\u200B\u00AD', new: '', line: 3 },
    ]);
  });

  it('should leave clean text alone', () => {
    const text = 'Plain text, “quotes”, 日本語, emoji 👍🏽 and Ελληνικά.';
    expect(ws(text)).toBe(text);
  });

  it('should reject non-boolean options', () => {
    expect(() =>
      unified()
        .use(remarkNormalizeWhitespace, { nfc: 'yes' as unknown as boolean })
        .freeze(),
    ).toThrow(/booleans/);
  });
});
