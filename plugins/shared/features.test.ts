import type { Paragraph, Root } from 'mdast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { blockFeatures } from './features.js';
import { compileLexicon, mergePhrases, PHRASES } from './lexicon.js';
import { pageSignals } from './signals.js';

function page(lines: string[]): Root {
  return {
    type: 'root',
    children: lines.map(
      (value): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value }] }),
    ),
  };
}

const LINES = [
  'Home | News | Sport | Weather',
  'The council voted on Tuesday to reopen the library after two years of repairs.',
  'Sign up for our newsletter',
  'Readers had waited a long time for the reading rooms to open again, the mayor said.',
];

describe('blockFeatures', () => {
  it('measures a page as pageSignals does', () => {
    const lexicon = compileLexicon(PHRASES);
    const tree = page(LINES);
    const table = blockFeatures(tree, new VFile(), lexicon);
    const direct = pageSignals(tree, new VFile(), lexicon);
    expect(table.blocks.map(({ node: _, ...row }) => row)).toEqual(
      direct.blocks.map(({ node: _, ...row }) => row),
    );
    expect(table.language).toBe(direct.language);
    expect(table.words).toBe(direct.words);
  });

  it('measures once per document: a second detector with the same phrases reads the same table', () => {
    const tree = page(LINES);
    const file = new VFile();
    const first = blockFeatures(tree, file, compileLexicon(PHRASES));
    expect(blockFeatures(tree, file, compileLexicon(mergePhrases(undefined)))).toBe(first);
    expect(file.data.features?.tree).toBe(tree);
  });

  it('measures again for other phrases, another document, or changed blocks', () => {
    const tree = page(LINES);
    const file = new VFile();
    const first = blockFeatures(tree, file, compileLexicon(PHRASES));
    const extra = compileLexicon(mergePhrases({ newsletter: ['reading rooms'] }));
    expect(blockFeatures(tree, file, extra)).not.toBe(first);
    expect(blockFeatures(tree, new VFile(), compileLexicon(PHRASES))).not.toBe(first);
    tree.children.splice(0, 1);
    const after = blockFeatures(tree, file, compileLexicon(PHRASES));
    expect(after).not.toBe(first);
    expect(after.blocks).toHaveLength(3);
  });
});
