/**
 * remark-prune — the one step that removes labelled blocks.
 *
 * What: walks the tree, removes every node a detector labelled (unless a keep
 * rule protects it), and records each removal as a VFile message (rule id,
 * reason, source line, removed text). Parents left empty by removals go too.
 *
 * When: after every detector, before normalisers and extractors.
 *
 * Options: `minConfidence` (default: `0.5`) — labels below it are ignored and
 * reported as notes instead.
 *
 * Messages: the detector's own rule ids.
 */
import type { Nodes, Parent, Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { label, peek } from '../shared/label.js';
import { reportRemoval } from '../shared/messages.js';

export interface Options {
  /** Labels below this confidence do not remove (default: `0.5`). */
  minConfidence?: number;
}

export const defaults = { minConfidence: 0.5 } as const satisfies Required<Options>;

export const remarkPrune: Plugin<[Readonly<Options>?], Root> = (options) => {
  const minConfidence = options?.minConfidence ?? defaults.minConfidence;
  if (!(minConfidence >= 0 && minConfidence <= 1))
    throw new Error('remark-prune: `minConfidence` must be between 0 and 1');
  return (tree, file) => {
    prune(tree, file, minConfidence);
  };
};

/** Remove labelled descendants of `parent`; returns whether it is left empty. */
function prune(parent: Parent, file: VFile, minConfidence: number): boolean {
  const kept: Parent['children'] = [];
  let removedAny = false;
  for (const child of parent.children) {
    const m = peek(child as Nodes);
    if (m?.label && !m.keep && m.label.confidence >= minConfidence) {
      if (!holdsKept(child as Nodes)) {
        reportRemoval(file, child as Nodes, m.label);
        removedAny = true;
        continue;
      }
      // keep beats every label: remove around the kept part, not the whole container
      for (const c of (child as Parent).children)
        if (!peek(c as Nodes)?.label) label(c as Nodes, m.label);
      delete m.label;
    }
    if ('children' in child && !m?.keep) {
      const emptied = prune(child as Parent, file, minConfidence);
      if (emptied) continue;
    }
    kept.push(child);
  }
  parent.children = kept;
  return removedAny && kept.length === 0 && parent.type !== 'root';
}

/** Whether a descendant of `node` is protected by a keep rule. */
function holdsKept(node: Nodes): boolean {
  if (!('children' in node)) return false;
  return (node.children as Nodes[]).some((c) => peek(c)?.keep !== undefined || holdsKept(c));
}

export default remarkPrune;
