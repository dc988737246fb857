/** The body's blocks: every top-level block but the headline, dek and byline. */
import type { Root, RootContent } from 'mdast';
import { peek } from './label.js';

const HEAD_ROLES = new Set(['headline', 'dek', 'byline']);

export function bodyBlocks(tree: Root): RootContent[] {
  return tree.children.filter((n) => !HEAD_ROLES.has(peek(n)?.role ?? ''));
}
