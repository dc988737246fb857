/**
 * remark-dedupe-blocks — labels exact and near-exact repeats of a block.
 *
 * What: the first copy of a block stays; later copies are labelled, with a
 * `cause` pointing at the first (as remark-lint's no-duplicate-headings does).
 * Except when a block appears exactly twice, the later copy stands in running
 * text (a paragraph on either side) and the first has none beside it (a standfirst or teaser that repeats
 * the lead): then the later copy stays and the first is labelled, so the
 * article keeps its order. Code blocks are never compared: tutorials repeat
 * commands on purpose.
 * Exact: same text after folding case, white space and punctuation.
 * Near-exact: blocks of `minNearWords`+ words whose word 3-shingles overlap by
 * `similarity` or more (Jaccard). A copy of a block that is itself being
 * removed does not count as a first copy, so article text is never lost to a
 * boilerplate twin.
 *
 * When: last among detectors (it reads other detectors' labels).
 *
 * Options: `minChars` (default: `20`), `minNearWords` (default: `8`),
 * `similarity` (default: `0.8`).
 *
 * Messages: `dedupe-blocks`.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { isKept, label, peek } from '../shared/label.js';
import { blockText, sourceLine } from '../shared/text.js';

export interface Options {
  /** Shorter blocks are never deduplicated (default: `20`). */
  minChars?: number;
  /** Fewest words for near-duplicate matching (default: `8`). */
  minNearWords?: number;
  /** Jaccard similarity of word 3-shingles that makes a near-duplicate (default: `0.8`). */
  similarity?: number;
}

export const defaults = {
  minChars: 20,
  minNearWords: 8,
  similarity: 0.8,
} as const satisfies Required<Options>;

const RULE = 'dedupe-blocks';
/** Blocks compared for near-duplicates at the most (exact matching has no limit). */
const NEAR_LIMIT = 5000;

function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function shingles(words: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i++)
    out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

interface Seen {
  node: Nodes;
  shingles: Set<string>;
}

/**
 * Top-level blocks and the paragraphs of blockquotes, in order. List items
 * are not compared: lists repeat items by design (the same feature under
 * several products, "Read more" under each card), and a list as a whole is
 * compared as one block.
 */
function candidates(tree: Root): RootContent[] {
  const out: RootContent[] = [];
  for (const b of tree.children) {
    if (b.type === 'blockquote') out.push(...b.children);
    else out.push(b);
  }
  return out;
}

/** Each candidate block's list of siblings (the root's or its blockquote's children). */
function siblingsOf(tree: Root): Map<Nodes, readonly Nodes[]> {
  const out = new Map<Nodes, readonly Nodes[]>();
  for (const b of tree.children) {
    out.set(b, tree.children);
    if (b.type === 'blockquote') for (const c of b.children) out.set(c, b.children);
  }
  return out;
}

/** A paragraph of running text that stays: a sentence or more, not labelled for removal. */
function isRunningText(node: Nodes | undefined): boolean {
  if (node?.type !== 'paragraph') return false;
  const m = peek(node);
  if ((m?.label && !isKept(node)) || m?.role) return false;
  const text = blockText(node).trim();
  return text.split(/\s+/).length >= 15 && /[.!?…。！？”"’)]$/u.test(text);
}

/** How many of a block's two neighbours are running text (0–2). */
function inContext(node: Nodes, siblings: ReadonlyMap<Nodes, readonly Nodes[]>): number {
  const list = siblings.get(node);
  if (!list) return 0;
  const i = list.indexOf(node);
  return Number(isRunningText(list[i - 1])) + Number(isRunningText(list[i + 1]));
}

export const remarkDedupeBlocks: Plugin<[Readonly<Options>?], Root> = (options) => {
  const minChars = options?.minChars ?? defaults.minChars;
  const minNearWords = options?.minNearWords ?? defaults.minNearWords;
  const similarity = options?.similarity ?? defaults.similarity;
  if (!(similarity > 0 && similarity <= 1))
    throw new Error('remark-dedupe-blocks: `similarity` must be in (0, 1]');
  return (tree) => {
    const siblings = siblingsOf(tree);
    // A block on the page twice may be a standfirst repeating the lead; more often is a template.
    const blocks = candidates(tree).map((b) => ({ b, key: fold(blockText(b)) }));
    const counts = new Map<string, number>();
    for (const { key } of blocks) counts.set(key, (counts.get(key) ?? 0) + 1);
    const exact = new Map<string, Nodes>();
    const near: Seen[] = [];
    const index = new Map<string, number[]>();
    for (const { b, key } of blocks) {
      // Code repeats by design in tutorials (the same command run twice).
      if (b.type === 'thematicBreak' || b.type === 'table' || b.type === 'code') continue;
      const m = peek(b);
      const removing = m?.label !== undefined && !isKept(b);
      if (key.length < minChars) continue;
      const first = exact.get(key);
      if (first && !removing) {
        if (
          counts.get(key) === 2 &&
          inContext(first, siblings) === 0 &&
          inContext(b, siblings) > 0
        ) {
          // The later copy is the one inside the article's running text
          // (the first was a standfirst or a teaser repeating it): it stays.
          label(first, {
            ruleId: RULE,
            reason: 'repeated later inside the running text',
            confidence: 0.9,
            cause: { ruleId: RULE, line: sourceLine(b) },
          });
          exact.set(key, b);
          continue;
        }
        label(b, {
          ruleId: RULE,
          reason: 'repeats an earlier block',
          confidence: 0.95,
          cause: { ruleId: RULE, line: sourceLine(first) },
        });
        continue;
      }
      const words = key.split(' ');
      const sh =
        words.length >= minNearWords && near.length < NEAR_LIMIT ? shingles(words) : undefined;
      if (sh && !removing) {
        // Count shared shingles with earlier blocks through an inverted index.
        const hits = new Map<number, number>();
        for (const s of sh)
          for (const id of index.get(s) ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
        let dup: Seen | undefined;
        for (const [id, shared] of hits) {
          const other = near[id]!;
          if (shared / (sh.size + other.shingles.size - shared) >= similarity) {
            dup = other;
            break;
          }
        }
        if (dup) {
          label(b, {
            ruleId: RULE,
            reason: 'nearly repeats an earlier block',
            confidence: 0.85,
            cause: { ruleId: RULE, line: sourceLine(dup.node) },
          });
          continue;
        }
      }
      if (removing) continue;
      exact.set(key, b);
      if (sh) {
        const id = near.push({ node: b, shingles: sh }) - 1;
        for (const s of sh) {
          const list = index.get(s);
          if (list) {
            if (list.length < 50) list.push(id);
          } else index.set(s, [id]);
        }
      }
    }
  };
};

export default remarkDedupeBlocks;
