/**
 * Properties of the normalisers (quotes, dashes, whitespace, mojibake):
 * idempotent in every style, no letter or digit lost or changed other than by
 * the documented edits, code never touched, curly ↔ straight round trip on
 * well-formed text, and mojibake repair undoing any UTF-8→cp1252 mis-decoding.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Code, InlineCode, Root } from 'mdast';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { normalizeDashes, remarkNormalizeDashes } from '../plugins/normalize-dashes/index.js';
import { remarkNormalizeMojibake } from '../plugins/normalize-mojibake/index.js';
import {
  ambiguousMojibake,
  badness,
  repairMojibake,
  toMojibake,
} from '../plugins/normalize-mojibake/repair.js';
import { normalizeQuotes, remarkNormalizeQuotes } from '../plugins/normalize-quotes/index.js';
import type { ConcreteStyle } from '../plugins/normalize-quotes/quotes.js';
import {
  remarkNormalizeWhitespace,
  whitespaceTransform,
  defaults as wsDefaults,
} from '../plugins/normalize-whitespace/index.js';
import { transformString } from '../plugins/shared/typography.js';
import { clean } from '../src/clean.js';

/** Quotation marks and apostrophes of every kind the normaliser reads. */
const QUOTE_MARKS = ['"', "'", '“', '”', '‘', '’', '„', '‚', '‛', '‟', '´'] as const;

const RUNS = { numRuns: 400 };
const STYLES: ConcreteStyle[] = ['curly', 'uk', 'straight', 'de', 'fr'];

const whitespace = (s: string) => transformString(s, whitespaceTransform(wsDefaults));

/** Prose with every kind of mark, space and invisible character the normalisers touch. */
const piece = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'the',
      'Week',
      'don',
      't',
      's',
      'Russia',
      'café',
      'Привет',
      '日本',
      'n',
      'rock',
      'em',
      'tis',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom('5', '10', '1990', '95', '45°', '30', '2024', '03') },
  {
    weight: 5,
    arbitrary: fc.constantFrom(...QUOTE_MARKS, '′', '″', '«', '»', '‹', '›', '``', "''"),
  },
  {
    weight: 5,
    arbitrary: fc.constantFrom(' ', ' ', ' ', '  ', '\u00A0', '\u202F', '\t', '\u2009'),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '.',
      ',',
      ';',
      ':',
      '!',
      '?',
      '(',
      ')',
      '—',
      '–',
      '-',
      '--',
      '---',
      '...',
      '…',
      '/',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '\u200B',
      '\u200D',
      '\u200C',
      '\u00AD',
      '\uFEFF',
      'e\u0301',
      '👩\u200D💻',
    ),
  },
);
const prose = fc.array(piece, { maxLength: 40 }).map((a) => a.join(''));

/** Prose as people write it: words with quote marks and punctuation attached, any mix of marks. */
const mark = fc.constantFrom(...QUOTE_MARKS, '«', '»', '‹', '›');
const quotedWord = fc
  .tuple(
    fc.array(mark, { maxLength: 2 }),
    fc.constantFrom(
      'the',
      'Week',
      "don't",
      'don’t',
      'don´t',
      "Russia's",
      "'90s",
      "rock 'n' roll",
      '5\'10"',
      "45° 30'",
      "'tis",
      "students'",
      'café',
      'Привет',
      '2024',
    ),
    fc.constantFrom('', '', ',', '.', '?', '!', ':', ';'),
    fc.array(mark, { maxLength: 2 }),
    fc.constantFrom('', '', ',', '.'),
  )
  .map(([pre, w, p1, post, p2]) => `${pre.join('')}${w}${p1}${post.join('')}${p2}`);
const quotedProse = fc
  .array(fc.tuple(quotedWord, fc.constantFrom(' ', ' ', ' ', '\u00A0', ' « ', ' » ', ' — ')), {
    minLength: 1,
    maxLength: 12,
  })
  .map((parts) =>
    parts
      .map(([w, sep]) => w + sep)
      .join('')
      .trimEnd(),
  );

const lettersAndDigits = (s: string) => (s.normalize('NFC').match(/[\p{L}\p{N}]/gu) ?? []).join('');

describe('normalisers: properties', () => {
  it('should be idempotent: quotes in every style', () => {
    fc.assert(
      fc.property(fc.oneof(quotedProse, prose), fc.constantFrom(...STYLES), (s, style) => {
        const once = normalizeQuotes(s, style);
        expect(normalizeQuotes(once, style)).toBe(once);
      }),
      RUNS,
    );
  });

  it('should be idempotent: dashes in every style, whitespace, mojibake', () => {
    fc.assert(
      fc.property(prose, fc.constantFrom('em', 'en-spaced', 'none' as const), (s, dash) => {
        const d = normalizeDashes(s, { dash });
        expect(normalizeDashes(d, { dash })).toBe(d);
        const w = whitespace(s);
        expect(whitespace(w)).toBe(w);
        const m = repairMojibake(s);
        expect(repairMojibake(m)).toBe(m);
      }),
      RUNS,
    );
  });

  it('should be idempotent as a chain (whitespace, quotes, dashes) in every style', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          quotedProse,
          prose.map((p) =>
            p.replace(
              /[\u0022\u0027\u2018-\u201F\u00AB\u00BB\u2039\u203A\u00B4\u2032\u2033`]/g,
              '',
            ),
          ),
        ),
        fc.constantFrom(...STYLES),
        (s, style) => {
          const run = (x: string) => normalizeDashes(normalizeQuotes(whitespace(x), style));
          const once = run(s);
          expect(run(once)).toBe(once);
        },
      ),
      RUNS,
    );
  });

  it('should lose or change no letter or digit (quotes, dashes, whitespace modulo NFC)', () => {
    fc.assert(
      fc.property(prose, fc.constantFrom(...STYLES), (s, style) => {
        const before = lettersAndDigits(s);
        expect(lettersAndDigits(normalizeQuotes(s, style))).toBe(before);
        expect(lettersAndDigits(normalizeDashes(s))).toBe(before);
        expect(lettersAndDigits(whitespace(s))).toBe(before);
      }),
      RUNS,
    );
  });

  it('should never touch inline code or code blocks', () => {
    const codeText = fc
      .string({ unit: 'grapheme', maxLength: 20 })
      .map((s) => s.replace(/[`\n\r]/g, ''));
    const doc = fc
      .tuple(prose, codeText, prose, codeText)
      .filter(([, c1, , c2]) => c1.trim().length > 0 && !/^\s|\s$/.test(c1) && c2.trim().length > 0)
      .map(
        ([a, c1, b, c2]) =>
          `${a.replace(/[`\\<>*_[\]#]/g, '')} \`${c1}\` ${b.replace(/[`\\<>*_[\]#]/g, '')}\n\n\`\`\`\n${c2}  "x" -- ... \u200B\n\`\`\``,
      );
    const codes = (tree: Root) => {
      const out: string[] = [];
      visit(tree, (n) => {
        if (n.type === 'code' || n.type === 'inlineCode') out.push((n as Code | InlineCode).value);
      });
      return out;
    };
    const processor = unified()
      .use(remarkParse)
      .use(remarkNormalizeMojibake)
      .use(remarkNormalizeWhitespace)
      .use(remarkNormalizeQuotes, { style: 'curly' })
      .use(remarkNormalizeDashes)
      .use(remarkStringify);
    fc.assert(
      fc.property(doc, (md) => {
        const tree = processor.parse(md);
        const before = codes(tree);
        const after = codes(processor.runSync(tree, new VFile({ value: md })) as Root);
        expect(after).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });

  /** Well-formed prose in curly style: nested pairs, contractions, possessives, elisions. */
  const word = fc.constantFrom(
    'news',
    'Kremlin',
    'don’t',
    'Russia’s',
    'it’s',
    'the',
    'Week’s',
    'peace',
    '’90s',
    'rock ’n’ roll',
    '2024',
  );
  const words = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
  const inner = words.map((w) => `‘${w}’`);
  const quotation = fc
    .tuple(words, fc.option(inner, { nil: undefined }), fc.constantFrom('', ',', '.', '?'))
    .map(([w, n, p]) => `“${w}${n ? ` ${n} and ${w}` : ''}${p}”`);
  const sentence = fc
    .array(fc.oneof(words, quotation), { minLength: 1, maxLength: 5 })
    .map((parts) => `${parts.join(' said ')}.`);

  it('should round-trip well-formed text: curly → straight → curly and curly → uk → curly', () => {
    fc.assert(
      fc.property(sentence, (s) => {
        expect(normalizeQuotes(s, 'curly')).toBe(s);
        expect(normalizeQuotes(normalizeQuotes(s, 'straight'), 'curly')).toBe(s);
        expect(normalizeQuotes(normalizeQuotes(s, 'uk'), 'curly')).toBe(s);
        expect(normalizeQuotes(normalizeQuotes(s, 'fr'), 'curly')).toBe(s);
        expect(normalizeQuotes(normalizeQuotes(s, 'de'), 'curly')).toBe(s);
      }),
      RUNS,
    );
  });

  it('should repair any mis-decoded text: repair(mojibake(s)) === s', () => {
    // Excluded, as ambiguous by nature: text that already looks like mojibake,
    // and text whose mis-decoding is one or two sequences that are also
    // ordinary text (`ß“` is German, not NKo U+07D3; `é’”` is not U+9494).
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), prose),
        (s) => {
          fc.pre(Buffer.from(s, 'utf8').toString('utf8') === s);
          fc.pre(badness(s) === 0);
          fc.pre(!/[^\u0000-\u007F]/.test(s) || !ambiguousMojibake(s));
          expect(repairMojibake(toMojibake(s))).toBe(s);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('should never change text without mojibake', () => {
    const scripts = fc.constantFrom(
      'Straße“ bleibt',
      'Fuß’ und Maß‘',
      'CAFÉ’S',
      'SÃO PAULO',
      'Crème brûlée',
      'naïve Ærøskøbing',
      'Ñandú',
      '“Quoted” — it’s fine… €5',
      'Привет',
      'Ελληνικά',
      'עברית',
      'العربية',
      '日本語',
      '한국어',
      '👍🏽',
      'e\u0301',
      '½ × ¾ ± 5°',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(scripts, prose), { maxLength: 8 }), (parts) => {
        const s = parts.join(' ');
        expect(repairMojibake(s)).toBe(s);
      }),
      RUNS,
    );
  });
});

describe('normalisers: the seed in every house style', () => {
  const seed = readFileSync(
    join(import.meta.dirname, '..', 'seeds', 'theweek--putin-meets-kim-jong-un.txt'),
    'utf8',
  );
  const expectations = {
    curly: { apostrophe: '’', outer: ['“', '”'], inner: ['‘', '’'], foreign: /["']/ },
    uk: { apostrophe: '’', outer: ['‘', '’'], inner: ['“', '”'], foreign: /["']/ },
    straight: { apostrophe: "'", outer: ['"', '"'], inner: ["'", "'"], foreign: /[“”‘’]/ },
  } as const;
  for (const [style, e] of Object.entries(expectations)) {
    it(`should come out consistent in ${style} style`, () => {
      const { markdown } = clean(seed, {
        path: 'seed.txt',
        quotes: style as keyof typeof expectations,
      });
      expect(markdown).not.toMatch(e.foreign);
      expect(markdown).toContain(`North Korea${e.apostrophe}s willingness`);
      expect(markdown).toContain(`Seoul${e.apostrophe}s Kookmin`);
      expect(markdown).toContain(`reports that ${e.outer[0]}the Kremlin`);
      expect(markdown).toContain(`Putin is ${e.inner[0]}desperate to be considered`);
      expect(markdown).toContain(`Washington${e.inner[1]}.${e.outer[1]}`);
      expect(markdown).toContain(
        `China${e.apostrophe}s ${e.outer[0]}Belt and Road${e.outer[1]} initiative`,
      );
      // re-cleaning the output changes nothing
      expect(
        clean(markdown, { path: 'seed.md', quotes: style as keyof typeof expectations }).markdown,
      ).toBe(markdown);
    });
  }
});
