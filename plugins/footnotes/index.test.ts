import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { type Plugin, unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { Cleaner } from '../../src/clean.js';
import { isKept } from '../shared/label.js';
import { editsOf, removalsOf } from '../shared/messages.js';
import { remarkFootnotes, remarkKeepFootnotes } from './index.js';

function run(md: string, before?: (tree: Root) => void): { out: string; file: VFile } {
  const file = new VFile({ value: md });
  const edit: Plugin<[], Root> = () => (tree) => {
    before?.(tree);
  };
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(edit)
    .use(remarkFootnotes)
    .use(remarkGfm)
    .use(remarkStringify);
  const tree = processor.runSync(processor.parse(file), file) as Root;
  return { out: processor.stringify(tree, file), file };
}

describe('remark-footnotes', () => {
  it('should keep references together with their notes', () => {
    const md =
      'Kelp grows fast.[^1] Otters eat urchins.[^two]\n\n[^1]: A survey of bays.\n\n[^two]: A count of otters.\n';
    const { out, file } = run(md);
    expect(out).toBe(md);
    expect(file.messages).toHaveLength(0);
  });

  it('should drop references whose note was removed', () => {
    const { out, file } = run(
      'Kelp grows fast.[^1] Otters eat urchins.[^2]\n\n[^1]: A survey of bays.\n\n[^2]: A count of otters.\n',
      (tree) => {
        tree.children = tree.children.filter(
          (c) => c.type !== 'footnoteDefinition' || c.identifier !== '2',
        );
      },
    );
    expect(out).toBe('Kelp grows fast.[^1] Otters eat urchins.\n\n[^1]: A survey of bays.\n');
    expect(editsOf(file)).toMatchObject([{ ruleId: 'footnotes', old: '[^2]', new: '' }]);
  });

  it('should drop notes whose references were removed', () => {
    const { out, file } = run(
      'Kelp grows fast.[^1]\n\nOtters eat urchins.[^2]\n\n[^1]: A survey of bays.\n\n[^2]: A count of otters.\n',
      (tree) => {
        tree.children.splice(1, 1);
      },
    );
    expect(out).toBe('Kelp grows fast.[^1]\n\n[^1]: A survey of bays.\n');
    expect(removalsOf(file)).toMatchObject([{ ruleId: 'footnotes', text: 'A count of otters.' }]);
  });

  it('should keep the text of a reference-looking bracket that is no footnote (near miss)', () => {
    const md = 'Read the note \\[^x] here.\n';
    expect(run(md).out).toBe(md);
  });
});

describe('footnotes through the whole pipeline', () => {
  it('should keep a Markdown post with its footnotes, idempotently', () => {
    const cleaner = new Cleaner({});
    const para =
      'The harbour authority said on Monday that the new ferry timetable would start in May, after months of talks with the unions.';
    const md = `# Ferry timetable\n\n${para}[^1]\n\n${para.replace('Monday', 'Tuesday')}\n\n[^1]: The timetable was published on the authority's site.\n`;
    const r = cleaner.clean(md, { from: 'markdown' });
    expect(r.markdown).toContain('May, after months of talks with the unions.[^1]');
    expect(r.markdown).toContain('[^1]: The timetable');
    expect(cleaner.clean(r.markdown, { from: 'markdown' }).markdown).toBe(r.markdown);
  });
});

describe('notes sections and keep marks', () => {
  it('should turn a list of marked notes into definitions, in place', () => {
    const { out } = run(
      'Kelp grows fast.[^1]\n\n1. A survey of bays.\n2. A count of otters.\n\n[^1]: to be replaced\n',
      (tree) => {
        tree.children.pop(); // the placeholder definition: the list holds the notes
        const list = tree.children[1];
        if (list?.type !== 'list') throw new Error('no list');
        list.children.forEach((li, i) => {
          li.data = { copydesk: { note: String(i + 1) } };
        });
      },
    );
    expect(out).toBe('Kelp grows fast.[^1]\n\n[^1]: A survey of bays.\n');
  });

  it('should mark only referenced definitions as kept', () => {
    const file = new VFile();
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkKeepFootnotes);
    const tree = processor.runSync(
      processor.parse('Kelp.[^1]\n\n[^1]: A survey.\n\n[^2]: A stray note.\n'),
      file,
    ) as Root;
    expect(tree.children.map((c) => isKept(c))).toEqual([false, true, false]);
  });
});
