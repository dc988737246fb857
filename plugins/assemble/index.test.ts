import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/readers/text.js';
import { mark } from '../shared/label.js';
import { isEdit } from '../shared/messages.js';
import { type Options, remarkAssemble } from './index.js';

const INPUT = [
  'Some body text that opens the article and runs on for a while.',
  'Ferry fares to rise',
  'BY JANE DOE | Harbour Times',
  'A second body paragraph.',
].join('\n');

/** Mark roles by line as a detector would, then assemble. */
function run(options: Options, title?: string) {
  const file = new VFile();
  file.data.meta = { authors: ['Jane Doe'], byline: 'By Jane Doe, Harbour Times' };
  if (title) file.data.meta.title = title;
  const tree: Root = readText(INPUT);
  if (!title) mark(tree.children[1]!).role = 'headline';
  mark(tree.children[2]!).role = 'byline';
  const processor = unified().use(remarkAssemble, options).use(remarkStringify);
  const out = processor.runSync(tree, file);
  return { markdown: processor.stringify(out as Root), file };
}

describe('remark-assemble', () => {
  it('should put headline, then the house-style byline, then the body', () => {
    const { markdown, file } = run({});
    expect(markdown.split('\n\n')).toEqual([
      '# Ferry fares to rise',
      'By Jane Doe, Harbour Times',
      'Some body text that opens the article and runs on for a while.',
      'A second body paragraph.\n',
    ]);
    const edit = file.messages.find(isEdit)!;
    expect(edit.ruleId).toBe('normalize-byline');
    expect(edit.actual).toBe('BY JANE DOE | Harbour Times');
    expect(edit.expected).toEqual(['By Jane Doe, Harbour Times']);
  });

  it('should keep the original byline line with byline: keep', () => {
    const { markdown } = run({ byline: 'keep' });
    expect(markdown.split('\n\n')[1]).toBe('BY JANE DOE | Harbour Times');
  });

  it('should drop the byline line with byline: drop, keeping the facts', () => {
    const { markdown, file } = run({ byline: 'drop' });
    expect(markdown).not.toMatch(/JANE|Jane/);
    expect(file.data.meta!.authors).toEqual(['Jane Doe']);
  });

  it('should use the title from metadata when no block is the headline', () => {
    const { markdown } = run({}, 'Ferry fares to rise in May');
    expect(markdown.startsWith('# Ferry fares to rise in May\n')).toBe(true);
  });

  it('should reject an unknown byline mode', () => {
    // @ts-expect-error: testing a bad option
    expect(() => unified().use(remarkAssemble, { byline: 'shout' }).freeze()).toThrow(/byline/);
  });
});

describe('remark-assemble headline anchors', () => {
  it('should drop a permalink anchor at the end of the headline', () => {
    const file = new VFile();
    file.data.meta = { authors: [] };
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'heading',
          depth: 2,
          children: [
            { type: 'text', value: 'Shared history' },
            { type: 'link', url: '#x', children: [{ type: 'text', value: '¶' }] },
          ],
        },
      ],
    };
    mark(tree.children[0]!).role = 'headline';
    const processor = unified().use(remarkAssemble).use(remarkStringify);
    expect(processor.stringify(processor.runSync(tree, file) as Root)).toBe('# Shared history\n');
    expect(file.data.meta!.title).toBe('Shared history');
  });

  it('should move body headings one level down when the body has a level-1 heading', () => {
    const file = new VFile();
    file.data.meta = { authors: [] };
    const md =
      '# Headline\n\nLead.\n\n# Part one\n\nText.\n\n## A detail\n\nMore.\n\n###### Deepest\n';
    const tree = unified().use(remarkParse).parse(md);
    mark(tree.children[0]!).role = 'headline';
    const processor = unified().use(remarkAssemble).use(remarkStringify);
    const out = processor.stringify(processor.runSync(tree, file) as Root);
    expect(out).toBe(
      '# Headline\n\nLead.\n\n## Part one\n\nText.\n\n### A detail\n\nMore.\n\n###### Deepest\n',
    );
    const edits = file.messages.filter(isEdit);
    expect(edits.map((m) => [m.actual, m.expected?.[0]])).toEqual([
      ['# Part one', '## Part one'],
      ['## A detail', '### A detail'],
    ]);
  });

  it('should leave body headings alone when none is level 1', () => {
    const file = new VFile();
    file.data.meta = { authors: [] };
    const tree = unified().use(remarkParse).parse('# Headline\n\n## Part one\n\nText.\n');
    mark(tree.children[0]!).role = 'headline';
    const processor = unified().use(remarkAssemble).use(remarkStringify);
    expect(processor.stringify(processor.runSync(tree, file) as Root)).toBe(
      '# Headline\n\n## Part one\n\nText.\n',
    );
    expect(file.messages).toEqual([]);
  });
});

describe('remark-assemble: headings', () => {
  function assemble(md: string): string {
    const file = new VFile();
    file.data.meta = { authors: [] };
    const processor = unified().use(remarkParse).use(remarkAssemble).use(remarkStringify);
    const tree = processor.parse(md) as Root;
    mark(tree.children[0]!).role = 'headline';
    return processor.stringify(processor.runSync(tree, file) as Root);
  }

  it('should never make the headline a link, nor keep an empty one', () => {
    expect(assemble('# [Ferry fares to rise](https://example.com/a)\n\nBody.\n')).toBe(
      '# Ferry fares to rise\n\nBody.\n',
    );
    expect(assemble('# [Ferry fares to rise]()\n\nBody.\n')).toBe(
      '# Ferry fares to rise\n\nBody.\n',
    );
  });

  it('should take bold out of headings, keeping the text and other emphasis', () => {
    expect(assemble('# **Ferry** fares\n\nBody.\n\n## **What _changes_ in May**\n')).toBe(
      '# Ferry fares\n\nBody.\n\n## What *changes* in May\n',
    );
  });

  it('should keep links in body headings and bold in paragraphs (near misses)', () => {
    expect(
      assemble('# Fares\n\nA **bold** claim.\n\n## [Timetable](https://example.com/t)\n'),
    ).toBe('# Fares\n\nA **bold** claim.\n\n## [Timetable](https://example.com/t)\n');
  });
});

describe('remark-assemble: byline language', () => {
  function byline(language: string | undefined, line: string, authors: string[]): string {
    const file = new VFile();
    file.data.meta = { authors, byline: `By ${authors.join(' and ')}` };
    if (language) file.data.meta.language = language;
    const tree: Root = readText(`Le titre de l'article\n${line}\nUn paragraphe du corps.`);
    mark(tree.children[0]!).role = 'headline';
    mark(tree.children[1]!).role = 'byline';
    const processor = unified().use(remarkAssemble).use(remarkStringify);
    processor.runSync(tree, file);
    return file.data.meta.byline!;
  }

  it('should keep a French byline French', () => {
    expect(byline('fr', 'Par Camille Lefèvre', ['Camille Lefèvre'])).toBe('Par Camille Lefèvre');
    expect(
      byline('fr-CA', 'PAR CAMILLE LEFÈVRE ET JEAN DUPONT', ['Camille Lefèvre', 'Jean Dupont']),
    ).toBe('Par Camille Lefèvre et Jean Dupont');
    expect(byline('de', 'Von Anna Schmidt', ['Anna Schmidt'])).toBe('Von Anna Schmidt');
  });

  it("should follow the page's own lead word when the language is unknown", () => {
    expect(byline(undefined, 'Par Camille Lefèvre', ['Camille Lefèvre'])).toBe(
      'Par Camille Lefèvre',
    );
  });

  it('should keep "By" on an English page and for unlisted languages (near misses)', () => {
    expect(byline('en', 'BY JANE DOE', ['Jane Doe'])).toBe('By Jane Doe');
    expect(byline('fi', 'Jane Doe', ['Jane Doe'])).toBe('By Jane Doe');
  });
});
