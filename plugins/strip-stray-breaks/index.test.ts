import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { type Plugin, unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { Cleaner } from '../../src/clean.js';
import { removalsOf, reportRemoval } from '../shared/messages.js';
import { remarkStripStrayBreaks } from './index.js';

/** Run the plugin after removing the blocks whose text starts with `GONE` (as prune would). */
function run(md: string): { out: string; file: VFile } {
  const file = new VFile({ value: md });
  const prune: Plugin<[], Root> = () => (tree, f) => {
    tree.children = tree.children.filter((c) => {
      const gone =
        c.type === 'paragraph' &&
        c.children[0]?.type === 'text' &&
        c.children[0].value.startsWith('GONE');
      if (gone) reportRemoval(f, c, { ruleId: 'test', reason: 'test', confidence: 1 });
      return !gone;
    });
  };
  const processor = unified()
    .use(remarkParse)
    .use(prune)
    .use(remarkStripStrayBreaks)
    .use(remarkStringify, { rule: '-' });
  const tree = processor.runSync(processor.parse(file), file);
  return { out: processor.stringify(tree, file), file };
}

describe('remark-strip-stray-breaks', () => {
  it('should drop rules at the start and end, and doubled rules', () => {
    const { out, file } = run('Intro.\n\n---\n\n---\n\nBody.\n\n---\n');
    expect(out).toBe('Intro.\n\n---\n\nBody.\n');
    expect(removalsOf(file).map((r) => r.reason)).toEqual([
      'a rule right after another',
      'a rule at the end of the body',
    ]);
    expect(run('***\n\nBody.\n').out).toBe('Body.\n');
  });

  it('should drop a rule that fenced off a removed block', () => {
    expect(run('Body one.\n\n---\n\nGONE promo\n\nBody two.\n').out).toBe(
      'Body one.\n\nBody two.\n',
    );
    expect(run('Body one.\n\nGONE promo\n\n---\n\nBody two.\n').out).toBe(
      'Body one.\n\nBody two.\n',
    );
  });

  it('should keep a rule between two kept blocks (near miss)', () => {
    const md = 'Body one.\n\n---\n\nBody two.\n\nGONE far away\n\nBody three.\n';
    expect(run(md).out).toBe('Body one.\n\n---\n\nBody two.\n\nBody three.\n');
  });
});

describe('stray rules through the whole pipeline', () => {
  it('should clean a Markdown dump with stray rules, idempotently', () => {
    const cleaner = new Cleaner({});
    const para =
      'The harbour authority said on Monday that the new ferry timetable would start in May, after months of talks with the unions and the towns along the coast.';
    const md = `---\n\n# Ferry timetable changes\n\n${para}\n\n---\n\n---\n\n${para.replace('Monday', 'Tuesday')}\n\n---\n`;
    const r = cleaner.clean(md, { from: 'markdown' });
    expect(r.markdown).toBe(
      `# Ferry timetable changes\n\n${para}\n\n---\n\n${para.replace('Monday', 'Tuesday')}\n`,
    );
    expect(cleaner.clean(r.markdown, { from: 'markdown' }).markdown).toBe(r.markdown);
  });
});
