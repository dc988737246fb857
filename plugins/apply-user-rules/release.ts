/**
 * remark-release-rules — labels of the rule ids a user wants kept stop
 * removing (`withComments` releases `strip-comments`).
 *
 * What: walks the tree and deletes every label whose rule id is listed, so
 * the guard and prune see those blocks as free. The reverse of `drop`: a
 * whole detector is switched off for one run, not one block.
 *
 * When: after every detector, right before the guard.
 *
 * Options: `ruleIds` (default: `[]`).
 */
import type { Nodes, Root } from 'mdast';
import type { Plugin } from 'unified';
import { peek } from '../shared/label.js';

export interface Options {
  /** Rule ids whose labels do not remove (default: `[]`). */
  ruleIds?: readonly string[];
}

export const remarkReleaseRules: Plugin<[Readonly<Options>?], Root> = (options) => {
  const ids = new Set(options?.ruleIds ?? []);
  return (tree) => {
    if (ids.size === 0) return;
    const walk = (node: Nodes): void => {
      const m = peek(node);
      if (m?.label && ids.has(m.label.ruleId)) delete m.label;
      if ('children' in node) for (const c of node.children) walk(c as Nodes);
    };
    walk(tree);
  };
};
