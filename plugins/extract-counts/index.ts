/**
 * remark-extract-counts — word, character and paragraph counts of the body.
 *
 * What: counts the final body (every block but the headline, dek and byline
 * roles): `words` (Intl.Segmenter word-like segments, so Chinese and Japanese
 * count dictionary words, not space-separated runs), `characters` (without
 * white space), `paragraphs` (paragraph blocks and list items),
 * `readingMinutes` (`words / wordsPerMinute`, at least 1 for a non-empty body;
 * CJK characters read at `cjkCharsPerMinute`), and `inputWords`
 * (`file.data.inputWords`, the page before cleaning). Sets `file.data.counts`.
 *
 * When: last before `assemble` (after prune and the normalisers).
 *
 * Options:
 * - `wordsPerMinute` (default: `230`)
 * - `cjkCharsPerMinute` (default: `500`)
 *
 * Messages: none.
 */
import type { Nodes, Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { peek } from '../shared/label.js';
import { blockText, countWords } from '../shared/text.js';
import type { Counts } from '../shared/types.js';

export interface Options {
  /** Reading speed for alphabetic scripts (default: `230`). */
  wordsPerMinute?: number;
  /** Reading speed for Han, kana and Hangul characters (default: `500`). */
  cjkCharsPerMinute?: number;
}

export const defaults = {
  wordsPerMinute: 230,
  cjkCharsPerMinute: 500,
} as const satisfies Required<Options>;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const HEAD_ROLES = new Set(['headline', 'dek', 'byline']);

export const remarkExtractCounts: Plugin<[Readonly<Options>?], Root> = (options) => {
  const wpm = options?.wordsPerMinute ?? defaults.wordsPerMinute;
  const cpm = options?.cjkCharsPerMinute ?? defaults.cjkCharsPerMinute;
  if (!(wpm > 0) || !(cpm > 0))
    throw new Error('remark-extract-counts: reading speeds must be positive numbers');
  return (tree, file) => {
    file.data.counts = countBody(tree, file.data.inputWords ?? 0, wpm, cpm);
  };
};

/** Counts of a tree's body (blocks with a head role are left out). */
export function countBody(tree: Root, inputWords: number, wpm: number, cpm: number): Counts {
  const body = tree.children.filter((n) => !HEAD_ROLES.has(peek(n)?.role ?? ''));
  const text = body.map((n) => blockText(n)).join('\n');
  const words = countWords(text);
  let paragraphs = 0;
  for (const node of body)
    visit(node as Nodes, (n) => {
      if (n.type === 'paragraph' || n.type === 'code' || n.type === 'table') paragraphs++;
    });
  const cjk = (text.match(CJK) ?? []).length;
  const otherWords = cjk > 0 ? countWords(text.replace(CJK, ' ')) : words;
  const minutes = otherWords / wpm + cjk / cpm;
  return {
    words,
    characters: text.replace(/\s+/g, '').length,
    paragraphs,
    readingMinutes: words > 0 ? Math.max(1, Math.round(minutes)) : 0,
    inputWords,
  };
}

export default remarkExtractCounts;
