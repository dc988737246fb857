import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { Cleaner } from '../../src/clean.js';
import { editsOf } from '../shared/messages.js';
import { remarkUnwrapLines } from './index.js';

function run(md: string): { out: string; file: VFile } {
  const file = new VFile({ value: md });
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkUnwrapLines)
    .use(remarkStringify, { bullet: '-' });
  const tree = processor.runSync(processor.parse(file), file);
  return { out: processor.stringify(tree, file), file };
}

const WRAPPED =
  'The harbour authority said on Monday that the new ferry timetable would\nstart in May, after months of talks with the unions and the towns along\nthe coast.\n';

describe('remark-unwrap-lines', () => {
  it('should join a hard-wrapped paragraph into one line and record it', () => {
    const { out, file } = run(WRAPPED);
    expect(out).toBe(`${WRAPPED.replace(/\n(?!$)/g, ' ')}`);
    expect(editsOf(file)).toMatchObject([
      { ruleId: 'unwrap-lines', new: WRAPPED.trim().replace(/\n/g, ' ') },
    ]);
  });

  it('should join across emphasis and links, and inside list items', () => {
    expect(
      run(
        '- The harbour authority said on Monday that the *new ferry\n  timetable* would start in May, after [months of talks\n  with the unions](https://example.com/talks) and the towns.\n',
      ).out,
    ).toBe(
      '- The harbour authority said on Monday that the *new ferry timetable* would start in May, after [months of talks with the unions](https://example.com/talks) and the towns.\n',
    );
  });

  it('should keep short lines that are lines of their own (near miss)', () => {
    for (const md of [
      'Home\nNews\nSport\n',
      'Harbour Authority\n12 Quay Street\nPortsmouth\n',
      'The harbour authority said on Monday that the new ferry timetable would start.\nHome\n',
      'The harbour authority said on Monday that the new ferry timetable would start.\nRead more\n',
    ]) {
      const { out, file } = run(md);
      expect(out, md).toBe(md);
      expect(file.messages).toHaveLength(0);
    }
  });

  it('should leave hard breaks, code, tables and block quotes alone', () => {
    for (const md of [
      'The harbour authority said on Monday that the new ferry timetable would\\\nstart in May.\n',
      '```\nThe harbour authority said on Monday that the new ferry timetable would\nstart in May.\n```\n',
      '> The harbour authority said on Monday that the new ferry timetable would\n> start in May.\n',
    ])
      expect(run(md).out, md).toBe(md);
  });
});

describe('hard wraps through the whole pipeline', () => {
  it('should clean a wrapped Markdown dump into one line per paragraph, idempotently', () => {
    const cleaner = new Cleaner({});
    const md = `# Ferry timetable changes\n\n${WRAPPED}\n${WRAPPED.replace('Monday', 'Tuesday')}`;
    const r = cleaner.clean(md, { from: 'markdown' });
    expect(r.markdown).toContain(WRAPPED.trim().replace(/\n/g, ' '));
    expect(cleaner.clean(r.markdown, { from: 'markdown' }).markdown).toBe(r.markdown);
  });
});
