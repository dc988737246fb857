/** Text helpers shared by plugins: block text, source lines, word counts. */
import type { Nodes, Parent, RootContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import { segments } from './segment.js';

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
  return inlineText(node);
}

/**
 * Text of phrasing content: what `mdast-util-to-string` gives (no image alt),
 * except that a hard line break reads as the line break it is — dropping it
 * glues “Tickets” and “www.example.com” on two lines into one word.
 */
function inlineText(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if ('children' in node) {
    let out = '';
    for (const child of node.children) out += inlineText(child as Nodes);
    return out;
  }
  return 'value' in node && typeof node.value === 'string' ? node.value : '';
}

/** 1-based source line of a node, when it has a position. */
export function sourceLine(node: Nodes): number | undefined {
  return node.position?.start.line;
}

const wordSegmenter = new Intl.Segmenter('und', { granularity: 'word' });
/** Scripts written without spaces between words: only these need a dictionary segmenter. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** `UNSPACED` at `lastIndex` (sticky). */
const UNSPACED_AT = new RegExp(UNSPACED.source, 'uy');

/**
 * `UNSPACED.test(text)`, testing only the characters at or above U+0E00 (every
 * script of `UNSPACED` lies there): most texts have none, or a few curly quotes.
 */
function mayHoldUnspaced(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x0e00) continue;
    UNSPACED_AT.lastIndex = i;
    if (UNSPACED_AT.test(text)) return true;
  }
  return false;
}

/**
 * A word of a spaced script: letters/digits, with inner apostrophes, hyphens,
 * dots or commas ("don't", "U.S", "1,200"). `countSpacedWords` counts its
 * matches without building them.
 */
export const SPACED_WORD = /[\p{L}\p{N}\p{M}]+(?:['’.,:\u2010-][\p{L}\p{N}\p{M}]+)*/gu;
/** One letter, digit or mark at `lastIndex` (sticky: tests one position, allocates nothing). */
const WORD_CHAR_AT = /[\p{L}\p{N}\p{M}]/uy;
/** ASCII letters and digits (the only ASCII characters in `\p{L}\p{N}\p{M}`). */
const ASCII_WORD = new Uint8Array(128).map((_, c) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? 1 : 0,
);

/** Length (1 or 2 code units) of the letter, digit or mark at `i`, else 0. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c]!;
  WORD_CHAR_AT.lastIndex = i;
  if (!WORD_CHAR_AT.test(text)) return 0;
  return isPairAt(text, i) ? 2 : 1;
}

/** A high surrogate followed by a low one at `i`: one code point in two code units. */
function isPairAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return false;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

/** `' ’ . , : ‐ -`: they join the letters or digits on both sides into one word. */
function isJoiner(c: number): boolean {
  return (
    c === 0x27 ||
    c === 0x2019 ||
    c === 0x2e ||
    c === 0x2c ||
    c === 0x3a ||
    c === 0x2010 ||
    c === 0x2d
  );
}

/** The number of `SPACED_WORD` matches in `text`, by one scan without regular-expression matches. */
export function countSpacedWords(text: string): number {
  let n = 0;
  let i = 0;
  const len = text.length;
  while (i < len) {
    let k = wordCharAt(text, i);
    if (k === 0) {
      // Step over a whole surrogate pair, as a /u search does.
      i += isPairAt(text, i) ? 2 : 1;
      continue;
    }
    n++;
    for (;;) {
      while (k > 0) {
        i += k;
        k = i < len ? wordCharAt(text, i) : 0;
      }
      // A joiner followed by a letter or digit continues the word.
      if (i + 1 < len && isJoiner(text.charCodeAt(i))) {
        k = wordCharAt(text, i + 1);
        if (k > 0) {
          i++;
          continue;
        }
      }
      break;
    }
  }
  return n;
}

/**
 * Words in a text, CJK-aware: Chinese, Japanese and Thai are split into
 * dictionary words by Intl.Segmenter (splitting on spaces would see one word
 * per sentence); other scripts by a regular expression, which is many times
 * faster and agrees with the segmenter on spaced text.
 */
export function countWords(text: string): number {
  if (mayHoldUnspaced(text)) {
    let n = 0;
    for (const s of segments(wordSegmenter, text)) if (s.isWordLike) n++;
    return n;
  }
  return countSpacedWords(text);
}

/**
 * White space `squash` would change: any `\s` but a single ASCII space
 * between other characters (most texts have none: no new string is built).
 */
const NEEDS_SQUASH =
  /[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|^ | $/;

/** Collapse white space and trim, for comparisons. */
export function squash(text: string): string {
  if (!NEEDS_SQUASH.test(text)) return text;
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
