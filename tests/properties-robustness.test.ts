/**
 * Properties of `clean()` on generated input (fast-check):
 * - it never throws, on arbitrary text, Markdown-like and HTML-like input;
 * - it is idempotent: cleaning its own Markdown output changes nothing;
 * - it invents no words: every word of the output is a word of the input,
 *   modulo the documented normalisation (case, typographic quotes, dashes and
 *   ellipses, Unicode compatibility forms, and the word "By" that a
 *   normalised byline starts with);
 * - nothing is lost silently: every word of an input line missing from the
 *   output is in `metadata.removed` (or in the old text of a recorded edit).
 */
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { blockText } from '../plugins/shared/text.js';
import { Cleaner } from '../src/clean.js';

const cleaner = new Cleaner();
const RUNS = Number(process.env.COPYDESK_PROPERTY_RUNS ?? 40);

const WORDS = [
  'the',
  'council',
  'voted',
  'park',
  'river',
  'Subscribe',
  'newsletter',
  'Sign',
  'up',
  'Read',
  'more',
  'By',
  'Jane',
  'Doe',
  'Published',
  'March',
  '2024',
  'said',
  '“quoted”',
  "it's",
  'don’t',
  '—',
  '-',
  'Related',
  'Advertisement',
  'Share',
  'this',
  'article',
  'Photo:',
  'Getty',
  'Images',
  'and',
  'a',
  'Ça',
  'coûte',
  'Straße',
  '東京',
  'は',
  '"',
  "'",
  '...',
  '(AP)',
  '—',
  'https://example.com/x',
  'Follow',
  'us',
  'on',
  'Twitter',
  'Cookies',
  'Accept',
  '©',
  'All',
  'rights',
  'reserved',
  'Menu',
  'Home',
];

const word = fc.constantFrom(...WORDS);
const line = fc.array(word, { minLength: 1, maxLength: 18 }).map((ws) => ws.join(' '));
const page = fc.array(line, { minLength: 1, maxLength: 25 }).map((ls) => ls.join('\n'));

const mdPrefix = fc.constantFrom(
  '',
  '',
  '',
  '# ',
  '## ',
  '- ',
  '* ',
  '1. ',
  '> ',
  '    ',
  '| ',
  '```\n',
);
const mdLine = fc
  .tuple(mdPrefix, line, fc.constantFrom('', '', ' |', '**', '](https://x.org)'))
  .map(([p, l, s]) => `${p}${l}${s}`);
const markdown = fc.array(mdLine, { minLength: 1, maxLength: 25 }).map((ls) => ls.join('\n\n'));

const tag = fc.constantFrom(
  'p',
  'div',
  'span',
  'a',
  'ul',
  'li',
  'nav',
  'footer',
  'aside',
  'h1',
  'h2',
  'blockquote',
  'script',
  'form',
  'table',
  'td',
);
const htmlPiece: fc.Arbitrary<string> = fc.oneof(
  line,
  fc.tuple(tag, line).map(([t, l]) => `<${t} class="x">${l}</${t}>`),
  fc.tuple(tag, line).map(([t, l]) => `<${t}>${l}`),
  fc.constantFrom(
    '<br>',
    '</div>',
    '<a href="javascript:alert(1)" onclick="x()">click</a>',
    '<!-- c -->',
    '&amp;',
    '<p',
  ),
);
const html = fc
  .array(htmlPiece, { minLength: 1, maxLength: 30 })
  .map((ps) => `<html><body>${ps.join('\n')}</body></html>`);

/** Words under the documented normalisation. */
/** The readable text of Markdown (block texts, one per line), without its syntax. */
function textOfMarkdown(markdown: string): string {
  return blockText(unified().use(remarkParse).use(remarkGfm).parse(markdown));
}

function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[‘’‚‛′`´]/g, "'")
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

describe('clean() on arbitrary input', () => {
  it('should never throw on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc.constantFrom('text', 'markdown', 'html', 'auto'),
        (s, from) => {
          cleaner.clean(s, { from: from as 'text' });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('should never throw on arbitrary bytes (they decode, or fail as binary)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        try {
          cleaner.clean(bytes, { path: 'x.txt' });
        } catch (error) {
          expect((error as Error).name).toBe('InputError');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('should never throw on Markdown-like and HTML-like input', () => {
    fc.assert(
      fc.property(fc.oneof(markdown, html), (s) => {
        cleaner.clean(s);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('clean() properties', () => {
  it('should be idempotent: cleaning its own output changes nothing', () => {
    fc.assert(
      fc.property(fc.oneof(page, markdown, html), (input) => {
        const once = cleaner.clean(input).markdown;
        const twice = cleaner.clean(once, { from: 'markdown' }).markdown;
        expect(twice).toBe(once);
      }),
      { numRuns: RUNS },
    );
  });

  it('should invent no words', () => {
    fc.assert(
      fc.property(fc.oneof(page, markdown, html), (input) => {
        const known = new Set([...wordsOf(input), 'by']);
        // The output's text, not its markup: list numbers are renumbered by design.
        const invented = wordsOf(textOfMarkdown(cleaner.clean(input).markdown)).filter(
          (w) => !known.has(w),
        );
        expect(invented).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('should record every input line missing from the output in metadata.removed', () => {
    fc.assert(
      fc.property(page, (input) => {
        const r = cleaner.clean(input, { from: 'text' });
        const out = new Set(wordsOf(r.markdown));
        // Accounted for: removed blocks, and the old text of normalisation edits (a byline rewritten).
        const removed = new Set([
          ...r.metadata.removed.flatMap((x) => wordsOf(x.text)),
          ...r.metadata.edits.flatMap((x) => wordsOf(x.old)),
        ]);
        for (const l of input.split('\n')) {
          const ws = wordsOf(l);
          if (ws.length === 0) continue;
          const lost = ws.filter((w) => !out.has(w) && !removed.has(w));
          expect(lost, `line ${JSON.stringify(l)}`).toEqual([]);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
