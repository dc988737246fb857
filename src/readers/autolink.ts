/**
 * Bare URLs and e-mail addresses in text become links, exactly as GFM reads
 * them (mdast-util-gfm-autolink-literal's own transform). The text and HTML
 * readers run it so that the Markdown written from their trees reads back the
 * same: without it, `https://x` in a text node is written escaped and comes
 * back as a link, and cleaning copydesk's own output would change it.
 *
 * The transform walks every node it is given (about 25 µs a block), so it is
 * given only the top-level blocks whose text could hold a literal (`www.`,
 * `://` or `@`): a 200,000-line dump took 5.7 s here, now a few milliseconds.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';

const CANDIDATE = /www\.|:\/\/|@/i;

/** Whether some text below `node` could be read as a URL or e-mail literal. */
function mayHoldLiteral(node: RootContent): boolean {
  const stack: Nodes[] = [node];
  for (let n = stack.pop(); n; n = stack.pop()) {
    if (n.type === 'text' && CANDIDATE.test(n.value)) return true;
    if ('children' in n) for (const child of n.children) stack.push(child as Nodes);
  }
  return false;
}

export function autolinkLiterals(tree: Root): void {
  const candidates = tree.children.filter(mayHoldLiteral);
  if (candidates.length === 0) return;
  // The same block objects under a stand-in root: the transform edits them in place.
  const part: Root = { type: 'root', children: candidates };
  for (const transform of gfmAutolinkLiteralFromMarkdown().transforms ?? []) transform(part);
}
