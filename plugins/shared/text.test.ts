import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { blockText } from './text.js';

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
