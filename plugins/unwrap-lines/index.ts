/**
 * remark-unwrap-lines — hard-wrapped prose joined back into paragraph lines.
 *
 * What: Markdown dumps wrapped at a fixed width (72–80 columns, as mail and
 * many Markdown writers do) keep the wrap as soft line breaks inside a
 * paragraph (or a list item's paragraph). A soft break becomes a space when
 * the line before it is filled (40 characters or more, counting what earlier
 * joins put on it). A short line (`Home` / `News` / `Sport`, a signature, an
 * address) keeps its break: it is a line of its own, and so does a short
 * capitalised line after a line that ends a sentence.
 * Never: list items and headings are separate blocks already, and tables,
 * code, block quotes and hard breaks (`\`, two spaces) are left alone. Text
 * dumps are one block per line and have no soft breaks.
 *
 * When: after `prune` (detectors judge the lines as the page had them).
 *
 * Options: none.
 *
 * Messages: `unwrap-lines` edits (old: the wrapped text, new: the joined text).
 */
import type { Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { reportEdit } from '../shared/messages.js';

export type Options = Record<string, never>;

const RULE = 'unwrap-lines';
const MIN_FILLED = 40;

export const remarkUnwrapLines: Plugin<[Readonly<Options>?], Root> = () => (tree, file) => {
  visitParagraphs(tree, (p) => unwrapParagraph(p, file));
};

/** Paragraphs, outside block quotes and tables. */
function visitParagraphs(node: Root | RootContent, fn: (p: Paragraph) => void): void {
  if (node.type === 'paragraph') {
    fn(node);
    return;
  }
  if (node.type === 'blockquote' || node.type === 'table') return;
  if ('children' in node) for (const c of node.children) visitParagraphs(c as RootContent, fn);
}

/** A paragraph's lines (its text split at soft breaks). */
function linesOf(p: Paragraph): string[] {
  return mdToString(p)
    .split('\n')
    .map((l) => l.trim());
}

const SENTENCE_END = /[.!?…:]["”’»)]?$/;

function unwrapParagraph(p: Paragraph, file: VFile): void {
  const lines = linesOf(p);
  if (lines.length < 2) return;
  // A break is a wrap when the line before it (as the output will have it,
  // earlier wraps joined) is filled, unless it ends a sentence and a short
  // capitalised line follows (a line of its own: `Home`, a sign-off). Judging
  // the joined line makes one run reach the fixpoint: a second run sees the
  // same lines and keeps the same breaks.
  let current = 0;
  const wraps = lines.map((l, i) => {
    current = current === 0 ? l.length : current + 1 + l.length;
    const next = lines[i + 1] ?? '';
    const wrap =
      current >= MIN_FILLED &&
      !(SENTENCE_END.test(l) && /^\p{Lu}/u.test(next) && next.length < MIN_FILLED);
    if (!wrap) current = 0;
    return wrap;
  });
  const before = mdToString(p);
  // Walk the text nodes; count line breaks to know which line each break ends.
  let line = 0;
  const walk = (kids: PhrasingContent[]): void => {
    for (const kid of kids) {
      if (kid.type === 'text')
        (kid as Text).value = kid.value.replace(/[ \t]*\n[ \t]*/g, (m) => {
          const joined = wraps[line] ?? false;
          line++;
          return joined ? ' ' : m;
        });
      else if (kid.type === 'break') continue;
      else if ('children' in kid) walk(kid.children as PhrasingContent[]);
    }
  };
  walk(p.children);
  const after = mdToString(p);
  if (after !== before)
    reportEdit(file, RULE, 'hard-wrapped lines joined', before, after, p.position);
}

export default remarkUnwrapLines;
