/** Text helpers shared by plugins: block text, source lines, word counts. */
import type { Nodes, Parent, RootContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';

const BLOCK_TYPES = new Set([
  'paragraph',
  'heading',
  'list',
  'listItem',
  'blockquote',
  'table',
  'tableRow',
  'code',
  'html',
  'thematicBreak',
]);

/** Whether a node is block-level (paragraph, heading, list, …). */
export function isBlock(node: Nodes): boolean {
  return BLOCK_TYPES.has(node.type);
}

/**
 * Plain text of a node. Block children are joined with a newline so a list or
 * blockquote reads as its lines, not one run-on string.
 */
export function blockText(node: Nodes): string {
  if (node.type === 'code' || node.type === 'html' || node.type === 'inlineCode') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  if (!('children' in node)) return mdToString(node);
  const children = (node as Parent).children as RootContent[];
  if (children.length > 0 && children.every((c) => isBlock(c))) {
    return children
      .map((c) => blockText(c))
      .filter((t) => t.length > 0)
      .join('\n');
  }
  return mdToString(node, { includeImageAlt: false });
}

/** 1-based source line of a node, when it has a position. */
export function sourceLine(node: Nodes): number | undefined {
  return node.position?.start.line;
}

const wordSegmenter = new Intl.Segmenter('und', { granularity: 'word' });

/**
 * Words in a text, CJK-aware: Intl.Segmenter splits Chinese and Japanese into
 * dictionary words, where splitting on spaces would see one word per sentence.
 */
export function countWords(text: string): number {
  let n = 0;
  for (const s of wordSegmenter.segment(text)) if (s.isWordLike) n++;
  return n;
}

/** Collapse white space and trim, for comparisons. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Ends like a sentence: terminal punctuation, optionally inside closing quotes/brackets. */
export function endsLikeSentence(text: string): boolean {
  return /[.!?…。！？](?:["'”’»)\]]*)\s*$/u.test(text);
}

/**
 * Prose: a block a reader reads as running text — enough words and sentence
 * punctuation. A function of the block alone, so re-reading copydesk's own
 * output reaches the same decision (idempotence).
 */
export function looksLikeProse(text: string): boolean {
  const words = countWords(text);
  if (words >= 40) return true;
  return words >= 15 && endsLikeSentence(text);
}

/** A line made of separator punctuation only ("-", "* * *", "|", "•"). */
export function isSeparatorText(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 12 && /^[-–—_*•·|~=+#.\s]+$/u.test(t);
}
