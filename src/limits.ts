/**
 * Bounds that keep hostile input from hanging or exhausting copydesk.
 *
 * - `clampMarkdownNesting`: Markdown's container prefix (indentation and `>`
 *   markers) is capped per line before parsing. remark-parse's cost per line
 *   grows with the square of its nesting, so a page of 2,000-deep nested
 *   lists would take hours; real articles never nest past a handful of levels.
 * - `flattenDeep`: an mdast tree is cut to a maximum depth right after
 *   reading, iteratively, so no recursive plugin or the stringifier can
 *   overflow the stack. Blocks below the limit are lifted, in order, into the
 *   container at the limit; no text is lost.
 *
 * Deeper HTML than the HTML parser's own recursion allows (a few thousand
 * nested elements) still fails that one file with "nesting too deep to
 * process" (`src/batch/job.ts`).
 */
import type { BlockContent, Nodes, Parent, Root, RootContent } from 'mdast';

/** Deepest Markdown container nesting kept (default for `clampMarkdownNesting`). */
export const MAX_MARKDOWN_NESTING = 32;
/** Deepest mdast nesting kept (default for `flattenDeep`). */
export const MAX_TREE_DEPTH = 48;
/**
 * Most blocks a page may have (default `maxBlocks`). The longest articles have
 * a few hundred; cleaning costs about a millisecond a block, so 200,000 lines
 * would take minutes to say "not an article".
 */
export const MAX_BLOCKS = 20_000;

// Leaf blocks only: a list item counts through its paragraphs, not twice.
const BLOCK_TYPES = new Set([
  'paragraph',
  'heading',
  'tableRow',
  'code',
  'html',
  'thematicBreak',
  'definition',
  'footnoteDefinition',
]);

/** Blocks of a tree (paragraphs, in list items too; headings, table rows…), counted without recursion. */
export function countBlocks(tree: Root): number {
  let n = 0;
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (BLOCK_TYPES.has(node.type)) n++;
    // An item without a paragraph (`- ` alone) is a block of its own.
    else if (node.type === 'listItem' && !node.children.some((c) => c.type === 'paragraph')) n++;
    if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading')
      for (const child of node.children) stack.push(child as Nodes);
  }
  return n;
}

/**
 * Blocks a Markdown text will have at least, counted on its lines before any
 * parser sees them (remark-parse builds the whole tree first, and 100,000
 * empty list items run it out of memory before `countBlocks` could refuse).
 * Counts, outside fenced code: list item markers, ATX headings, fences, and
 * paragraph starts after a blank line. An empty item that would continue a
 * paragraph is not counted (it cannot interrupt one), nor is indented code.
 * Each counted line starts a block, so a text over the limit here is over it
 * after parsing too (give or take a rare ordered-list number that only
 * continues a paragraph). One pass, no regular expressions.
 */
export function estimateMarkdownBlocks(text: string): number {
  let n = 0;
  let fence = ''; // the open fence's marker run, '' outside fenced code
  let previous: 'blank' | 'paragraph' | 'other' = 'blank';
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let i = start;
    let indent = 0;
    while (i < end && isSpace(text.charCodeAt(i))) indent += text.charCodeAt(i++) === 9 ? 4 : 1;
    // `>` markers: the block inside a quote counts like one outside it
    while (i < end && text.charCodeAt(i) === 62) {
      i++;
      indent = 0;
      while (i < end && isSpace(text.charCodeAt(i))) indent += text.charCodeAt(i++) === 9 ? 4 : 1;
    }
    const blank = i >= end || (i === end - 1 && text.charCodeAt(i) === 13);
    if (fence !== '') {
      if (!blank && indent < 4 && text.startsWith(fence, i)) fence = '';
    } else if (blank) {
      previous = 'blank';
    } else if (indent >= 4 && previous !== 'paragraph') {
      // indented code (or a nested item, counted by its own marker below when under 4 columns)
      previous = 'other';
    } else {
      const c = text.charCodeAt(i);
      const marker = containerEnd(text, i, end);
      const bare =
        (c === 45 || c === 42 || c === 43) && (i + 1 >= end || text.charCodeAt(i + 1) === 13);
      if (marker !== -1 || bare) {
        const rest = marker === -1 ? end : marker;
        let j = rest;
        while (j < end && isSpace(text.charCodeAt(j))) j++;
        const empty = j >= end || (j === end - 1 && text.charCodeAt(j) === 13);
        if (!(empty && previous === 'paragraph')) {
          n++;
          previous = empty ? 'other' : 'paragraph';
        }
      } else if (isAtxHeading(text, i, end)) {
        n++;
        previous = 'other';
      } else if ((c === 96 || c === 126) && text.startsWith(c === 96 ? '```' : '~~~', i)) {
        n++;
        let j = i;
        while (j < end && text.charCodeAt(j) === c) j++;
        fence = text.slice(i, j);
        previous = 'other';
      } else {
        if (previous !== 'paragraph') n++;
        previous = 'paragraph';
      }
    }
    start = end + 1;
  }
  return n;
}

/** `#` to `######` then a space or the end of the line. */
function isAtxHeading(text: string, i: number, end: number): boolean {
  let j = i;
  while (j < end && j - i < 7 && text.charCodeAt(j) === 35) j++;
  return (
    j > i && j - i <= 6 && (j >= end || isSpace(text.charCodeAt(j)) || text.charCodeAt(j) === 13)
  );
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/** End of the container marker (`>`, `- `, `* `, `+ `, `1. `, `1) `) at `i`, or -1. */
function containerEnd(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c === 62) return i + 1;
  if ((c === 45 || c === 42 || c === 43) && isSpace(text.charCodeAt(i + 1))) return i + 1;
  if (!isDigit(c)) return -1;
  let j = i;
  while (j < end && j - i < 9 && isDigit(text.charCodeAt(j))) j++;
  const d = text.charCodeAt(j);
  return (d === 46 || d === 41) && isSpace(text.charCodeAt(j + 1)) ? j + 1 : -1;
}

/**
 * Cap each line's container prefix: at most `maxDepth` containers (`>` markers
 * and list markers such as `- `, `* `, `1. `) and no run of indentation wider
 * than `2 × maxDepth` columns. Returns the input string itself when no line
 * needs it. Cost: one pass over each line's prefix (two for capped lines).
 */
export function clampMarkdownNesting(
  text: string,
  maxDepth = MAX_MARKDOWN_NESTING,
): { text: string; lines: number } {
  const maxIndent = maxDepth * 2;
  let out: string[] | undefined;
  let lines = 0;
  let start = 0;
  let last = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let containers = 0;
    let widest = 0;
    let run = 0;
    let i = start;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        run += c === 9 ? 4 : 1;
        if (run > widest) widest = run;
        i++;
        continue;
      }
      const next = containerEnd(text, i, end);
      if (next === -1) break;
      containers++;
      run = 0;
      i = next;
    }
    if (containers > maxDepth || widest > maxIndent) {
      out ??= [];
      out.push(text.slice(last, start));
      out.push(rebuildPrefix(text, start, i, end, maxDepth, maxIndent));
      last = i;
      lines++;
    }
    start = end + 1;
  }
  if (!out) return { text, lines: 0 };
  out.push(text.slice(last));
  return { text: out.join(''), lines };
}

function rebuildPrefix(
  text: string,
  start: number,
  stop: number,
  end: number,
  maxDepth: number,
  maxIndent: number,
): string {
  let rebuilt = '';
  let count = 0;
  let k = start;
  while (k < stop) {
    if (isSpace(text.charCodeAt(k))) {
      let r = k;
      let width = 0;
      while (r < stop && isSpace(text.charCodeAt(r))) width += text.charCodeAt(r++) === 9 ? 4 : 1;
      // Between dropped containers white space goes too; the run before the content stays.
      if (count < maxDepth || r === stop)
        rebuilt += width > maxIndent ? ' '.repeat(maxIndent) : text.slice(k, r);
      k = r;
      continue;
    }
    const next = containerEnd(text, k, end);
    count++;
    if (count <= maxDepth) rebuilt += text.slice(k, next);
    k = next;
  }
  return /[ \t]$/.test(rebuilt) || rebuilt === '' ? rebuilt : `${rebuilt} `;
}

const LEAF_BLOCKS = new Set([
  'paragraph',
  'heading',
  'code',
  'html',
  'thematicBreak',
  'table',
  'definition',
]);

/**
 * Cut `tree` to `maxDepth` levels (iteratively). A container at the limit gets,
 * in place of its children, the leaf blocks found below it, in document order.
 * Returns the number of containers flattened.
 */
export function flattenDeep(tree: Root, maxDepth = MAX_TREE_DEPTH): number {
  let flattened = 0;
  const stack: [Parent, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (
      depth >= maxDepth &&
      (node.type === 'blockquote' || node.type === 'listItem' || node.type === 'footnoteDefinition')
    ) {
      if (!node.children.some((c) => 'children' in c && !LEAF_BLOCKS.has(c.type))) continue;
      node.children = leafBlocks(node) as BlockContent[];
      flattened++;
      continue;
    }
    for (const child of node.children)
      if ('children' in child && !LEAF_BLOCKS.has(child.type))
        stack.push([child as Parent, depth + 1]);
  }
  return flattened;
}

/** Leaf blocks below `node`, in order, without recursion. */
function leafBlocks(node: Parent): RootContent[] {
  const out: RootContent[] = [];
  const stack: Nodes[] = [...(node.children as Nodes[])].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (LEAF_BLOCKS.has(n.type) || !('children' in n)) {
      if (LEAF_BLOCKS.has(n.type)) out.push(n as RootContent);
      continue;
    }
    const kids = (n as Parent).children as Nodes[];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}
