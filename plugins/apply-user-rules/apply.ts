/**
 * Find the mdast blocks a set of text/heading matchers points at. Shared by
 * `apply-user-rules` (keep/drop) and `apply-site-pack` (site `remove` rules).
 */
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { blockText, countWords } from '../shared/text.js';
import type { CompiledMatcher } from './matchers.js';

/** Blocks whose own text a text matcher is tested against. */
export const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'code', 'html', 'tableRow']);

/** A line of a plain-text dump may stand for a heading when it is this short. */
const MAX_PSEUDO_HEADING_WORDS = 12;
/** A paragraph this long that ends a sentence is prose: it ends a pseudo-heading's section. */
const PROSE_WORDS = 25;

export type MatchAction = (node: Nodes, matcher: CompiledMatcher) => void;

/** Call `action` on every block (and heading section) a matcher matches. */
export function applyMatchers(
  tree: Root,
  matchers: readonly CompiledMatcher[],
  action: MatchAction,
): void {
  const texts = matchers.filter((m) => m.kind === 'text');
  const headings = matchers.filter((m) => m.kind === 'heading');
  if (texts.length === 0 && headings.length === 0) return;
  visit(tree, (node) => {
    if (texts.length > 0 && TEXT_BLOCKS.has(node.type)) {
      const text = blockText(node);
      for (const m of texts) if (m.test(text)) action(node, m);
    }
    if (
      headings.length > 0 &&
      'children' in node &&
      node.type !== 'paragraph' &&
      node.type !== 'heading'
    )
      sections(node as Parent, headings, action);
  });
}

function isProse(text: string): boolean {
  return /[.!?…]["'”’»)]*$/u.test(text) && countWords(text) >= PROSE_WORDS;
}

/** Heading sections among the children of one parent. */
function sections(parent: Parent, headings: readonly CompiledMatcher[], action: MatchAction): void {
  const children = parent.children as RootContent[];
  for (let i = 0; i < children.length; i++) {
    const node = children[i] as RootContent;
    if (node.type !== 'heading' && node.type !== 'paragraph') continue;
    const text = blockText(node);
    if (node.type === 'paragraph' && countWords(text) > MAX_PSEUDO_HEADING_WORDS) continue;
    const matcher = headings.find((m) => m.test(text));
    if (!matcher) continue;
    action(node, matcher);
    let j = i + 1;
    for (; j < children.length; j++) {
      const next = children[j] as RootContent;
      if (node.type === 'heading') {
        if (next.type === 'heading' && next.depth <= node.depth) break;
      } else {
        if (next.type === 'heading') break;
        const t = blockText(next);
        if (next.type === 'paragraph' && isProse(t)) break;
        if (next.type === 'paragraph' && headings.some((m) => m.test(t))) break;
      }
      action(next, matcher);
    }
    i = j - 1;
  }
}
