/**
 * `maxBlocks`: a page with more blocks than any article fails at once with the
 * reason, in the library as in the CLI, and the limit can be raised.
 */
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { Cleaner } from '../../src/clean.js';
import { InputError, UsageError } from '../../src/errors.js';
import { countBlocks, estimateMarkdownBlocks, MAX_BLOCKS } from '../../src/limits.js';
import { readMarkdown } from '../../src/readers/markdown.js';
import { readText } from '../../src/readers/text.js';

const lines = (n: number): string =>
  Array.from({ length: n }, (_, i) => `Line ${i} of a long listing`).join('\n');

describe('countBlocks', () => {
  it('should count leaf blocks (a list item through its paragraph), not inline children', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'heading', depth: 1, children: [{ type: 'text', value: 'Title' }] },
        {
          type: 'paragraph',
          children: [{ type: 'emphasis', children: [{ type: 'text', value: 'x' }] }],
        },
        {
          type: 'list',
          children: [
            {
              type: 'listItem',
              children: [{ type: 'paragraph', children: [{ type: 'text', value: 'a' }] }],
            },
            {
              type: 'listItem',
              children: [{ type: 'paragraph', children: [{ type: 'text', value: 'b' }] }],
            },
          ],
        },
        {
          type: 'table',
          children: [{ type: 'tableRow', children: [{ type: 'tableCell', children: [] }] }],
        },
      ],
    };
    // heading, paragraph, the 2 list items' paragraphs (an item is not counted twice), 1 table row
    expect(countBlocks(tree)).toBe(5);
  });

  it('should count an empty list item as a block', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'list',
          children: [
            { type: 'listItem', children: [] },
            { type: 'listItem', children: [] },
          ],
        },
      ],
    };
    expect(countBlocks(tree)).toBe(2);
  });

  it('should count one block per line of a text dump', () => {
    expect(countBlocks(readText(lines(1234)))).toBe(1234);
  });
});

describe('estimateMarkdownBlocks', () => {
  const parsed = (md: string): number => countBlocks(readMarkdown(md, new VFile(md)));

  it.each([
    ['paragraphs', 'One paragraph\nwrapped on two lines.\n\nAnother one.\n'],
    ['a list of items', '- first\n- second\n- third\n\nAfter the list.\n'],
    ['empty items', '- \n- \n-\n- \n'],
    ['headings and a quote', '# Title\n\nText.\n\n## Part\n\n> quoted\n> on two lines\n'],
    ['an ordered list', '1. one\n2. two\n3. three\n'],
    ['a fence', '```\n- not an item\n# not a heading\n```\n\nText.\n'],
  ])('should count the blocks of %s as the parser does', (_, md) => {
    expect(estimateMarkdownBlocks(md)).toBe(parsed(md));
  });

  it('should count 100,000 empty list items without parsing them', () => {
    expect(estimateMarkdownBlocks('- \n'.repeat(100_000))).toBe(100_000);
  });

  it('should not count what cannot start a block (near misses)', () => {
    // lines of one wrapped paragraph; an empty marker cannot interrupt it; `#tag` is no heading
    expect(estimateMarkdownBlocks('A paragraph\n-\n#tag and more\nstill the paragraph\n')).toBe(1);
    // lines inside fenced code are code, however they look
    expect(estimateMarkdownBlocks(`~~~\n${'- item\n'.repeat(1000)}~~~\n`)).toBe(1);
    // indented code after a blank line
    expect(estimateMarkdownBlocks(`Text.\n\n${'    - item\n'.repeat(50)}`)).toBe(1);
  });

  it('should refuse a Markdown page over the limit before parsing it', () => {
    const cleaner = new Cleaner({ maxBlocks: 500, from: 'markdown' });
    expect(() => cleaner.clean('- \n'.repeat(501), { path: 'items.md' })).toThrow(
      'too many blocks (501; limit 500, see --max-blocks)',
    );
  });
});

describe('maxBlocks', () => {
  it('should fail a page over the limit with the one-line reason', () => {
    const cleaner = new Cleaner({ maxBlocks: 500 });
    let error: unknown;
    try {
      cleaner.clean(lines(501), { path: 'listing.txt' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problem).toBe('too-large');
    expect((error as InputError).message).toBe(
      'too many blocks (501; limit 500, see --max-blocks)',
    );
  });

  it('should clean a page at the limit, and refuse a limit below 1', () => {
    expect(new Cleaner({ maxBlocks: 500 }).clean(lines(500), { path: 'a.txt' }).markdown).toContain(
      'Line 499',
    );
    expect(MAX_BLOCKS).toBe(20_000);
    expect(() => new Cleaner({ maxBlocks: 0 })).toThrow(UsageError);
  });
});
