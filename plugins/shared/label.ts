/**
 * How a detector marks a block. Detectors never remove: they call `label()`
 * (or `keep()`, which beats every label), and `plugins/prune` removes.
 */
import type { Nodes } from 'mdast';
import type { Label, NodeMark } from './types.js';

/** The copydesk mark of a node, created on demand. */
export function mark(node: Nodes): NodeMark {
  node.data ??= {};
  node.data.copydesk ??= {};
  return node.data.copydesk;
}

/** Read-only view of a node's mark (undefined when it has none). */
export function peek(node: Nodes): NodeMark | undefined {
  return node.data?.copydesk;
}

/**
 * Label a block for removal. A label already there stays unless the new one is
 * more confident. Returns whether the label was set.
 */
export function label(node: Nodes, value: Label): boolean {
  const m = mark(node);
  if (m.label && m.label.confidence >= value.confidence) return false;
  m.label = value;
  return true;
}

/** Protect a block from every removal (keep rules beat every label). */
export function keep(node: Nodes, ruleId: string, reason: string): void {
  mark(node).keep = { ruleId, reason };
}

export function isKept(node: Nodes): boolean {
  return peek(node)?.keep !== undefined;
}

export function labelOf(node: Nodes): Label | undefined {
  return peek(node)?.label;
}

/** A block is free when no label, keep or role has claimed it yet. */
export function isFree(node: Nodes): boolean {
  const m = peek(node);
  return !m?.label && !m?.keep && !m?.role;
}
