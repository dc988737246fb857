/**
 * Plain-text reader: one block per line, as scrapers dump a page.
 *
 * Text is never sent through remark-parse: it would merge lines into one
 * paragraph and read `* x` or `# x` as syntax. Each non-blank line becomes one
 * paragraph holding one text node, with its source position.
 */
import type { Paragraph, Root } from 'mdast';
import { autolinkLiterals } from './autolink.js';

export function readText(value: string): Root {
  const children: Paragraph[] = [];
  let offset = 0;
  let line = 1;
  for (const raw of value.split('\n')) {
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const lead = content.length - content.trimStart().length;
    const text = content.trim();
    if (text.length > 0) {
      const start = { line, column: lead + 1, offset: offset + lead };
      const end = { line, column: lead + text.length + 1, offset: offset + lead + text.length };
      children.push({
        type: 'paragraph',
        children: [{ type: 'text', value: text, position: { start, end } }],
        position: { start, end },
      });
    }
    offset += raw.length + 1;
    line++;
  }
  const tree: Root = {
    type: 'root',
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: line - 1, column: 1, offset: value.length },
    },
  };
  autolinkLiterals(tree);
  return tree;
}
