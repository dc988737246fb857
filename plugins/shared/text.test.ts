import fc from 'fast-check';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { blockText, countSpacedWords, countWords, SPACED_WORD, squash } from './text.js';

const parse = (markdown: string) => unified().use(remarkParse).parse(markdown);

describe('blockText', () => {
  it('should read a hard line break as a line break, not glue the words around it', () => {
    expect(blockText(parse('Ticketing  \nwww.example.com'))).toBe('Ticketing\nwww.example.com');
    expect(blockText(parse('**Inquiry\\\n02-751-1500**'))).toBe('Inquiry\n02-751-1500');
  });

  it('should keep link text, drop image alt text and join block children by lines', () => {
    expect(blockText(parse('A [link](/x) and ![alt](/i.png) here'))).toBe('A link and  here');
    expect(blockText(parse('- one\n- two'))).toBe('one\ntwo');
  });
});

describe('countSpacedWords', () => {
  const byRegex = (t: string) => t.match(SPACED_WORD)?.length ?? 0;

  it('should count words joined by apostrophes, dots, commas, colons and hyphens as one', () => {
    expect(countSpacedWords("don't stop: U.S. 1,200 well-known 10:30 x-")).toBe(7);
    expect(countSpacedWords('e\u0301te\u0301 𝐀𝐁 😀 —')).toBe(2);
    expect(countSpacedWords('')).toBe(0);
    expect(countWords('Hello, world.')).toBe(2);
  });

  it('should count exactly what the word pattern matches', () => {
    const chars = ['a', 'Z', 'é', '7', "'", '’', '.', ',', ':', '-', '\u2010', ' ', '\u0301'];
    const odd = ['𝐀', '😀', '\ud835', '\udc00', '_', '\u200d', 'ß', '٣', '—'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars, ...odd), { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        expect(countSpacedWords(text)).toBe(byRegex(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('countWords', () => {
  const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
  const bySegmenter = (t: string) => [...segmenter.segment(t)].filter((s) => s.isWordLike).length;

  it('should segment text with a Han, kana or Thai character anywhere, even after curly quotes', () => {
    const mixed = '“Quoted” words then 東京都に住んでいます';
    expect(countWords(mixed)).toBe(bySegmenter(mixed));
    expect(countWords('“Quoted” words, no unspaced script')).toBe(5);
    // an astral Han character (a surrogate pair) at the very end
    expect(countWords('one two 𠀀')).toBe(bySegmenter('one two 𠀀'));
  });

  it('should agree with the segmenter or the word pattern, as the whole-text test picks', () => {
    const unspaced =
      /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
    const chars = [
      'a',
      ' ',
      '’',
      '“',
      'é',
      'ก',
      '東',
      'か',
      '𠀀',
      '\u0dff',
      '\u0e00',
      'ໂ',
      'က',
      'ក',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const want = unspaced.test(text) ? bySegmenter(text) : countSpacedWords(text);
        expect(countWords(text)).toBe(want);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('squash', () => {
  const byRegex = (t: string) => t.replace(/\s+/g, ' ').trim();

  it('should collapse and trim white space, and return clean text as it is', () => {
    expect(squash('  a \t b\n\nc\u00a0 ')).toBe('a b c');
    expect(squash('a b c')).toBe('a b c');
    expect(squash('a  b')).toBe('a b');
    expect(squash(' a')).toBe('a');
    expect(squash('a\u3000b')).toBe('a b');
  });

  it('should give what collapsing every white-space run gives', () => {
    const chars = [
      'a',
      ' ',
      '\t',
      '\n',
      '\r',
      '\u00a0',
      '\u2009',
      '\u3000',
      '\ufeff',
      'é',
      '\u200b',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(squash(text)).toBe(byRegex(text));
      }),
      { numRuns: 2000 },
    );
  });
});
