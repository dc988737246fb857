import fc from 'fast-check';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { blockText, countSpacedWords, countWords, SPACED_WORD } from './text.js';

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
