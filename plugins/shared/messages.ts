/**
 * The one record of what copydesk did to a document: every removal and every
 * normalisation edit is a VFile message with `source: 'copydesk'`.
 *
 * - removal: `actual` = removed text, `expected` = [] (nothing in its place)
 * - edit:    `actual` = old text,     `expected` = [new text]
 * - doubt:   `file.message` (a warning) with neither (guard, missing title…)
 */
import type { Nodes } from 'mdast';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { blockText, sourceLine } from './text.js';
import type { Edit, Label, RemovedBlock } from './types.js';

export const SOURCE = 'copydesk';

/** Record that `node` was removed for `why`. */
/** What a block without text shows: its images, so a removal record is never blank. */
function describe(node: Nodes): string {
  const images: string[] = [];
  const walk = (n: Nodes): void => {
    if (n.type === 'image') images.push(`[image${n.alt ? `: ${n.alt}` : ''}] ${n.url}`);
    else if ('children' in n) for (const c of n.children) walk(c as Nodes);
  };
  walk(node);
  return images.join('\n');
}

export function reportRemoval(
  file: VFile,
  node: Nodes,
  why: Label,
  text = blockText(node) || describe(node),
): void {
  const msg = file.info(why.reason, {
    ruleId: why.ruleId,
    source: SOURCE,
    ...(node.position ? { place: node.position } : {}),
  });
  msg.actual = text;
  msg.expected = [];
  if (why.cause)
    msg.note = `first copy${why.cause.line === undefined ? '' : ` at line ${why.cause.line}`}`;
  (msg as VFileMessage & { confidence?: number }).confidence = why.confidence;
}

/** Record a normalisation edit (old → new). */
export function reportEdit(
  file: VFile,
  ruleId: string,
  reason: string,
  oldText: string,
  newText: string,
  place?: Position,
): void {
  const msg = file.info(reason, { ruleId, source: SOURCE, ...(place ? { place } : {}) });
  msg.actual = oldText;
  msg.expected = [newText];
}

/** Warn about a doubt (the result may be wrong, but nothing was changed). */
export function reportDoubt(file: VFile, ruleId: string, reason: string): void {
  file.message(reason, { ruleId, source: SOURCE });
}

export function isRemoval(m: VFileMessage): boolean {
  return m.source === SOURCE && Array.isArray(m.expected) && m.expected.length === 0;
}

export function isEdit(m: VFileMessage): boolean {
  return m.source === SOURCE && Array.isArray(m.expected) && m.expected.length === 1;
}

/** Removals as metadata rows. */
export function removalsOf(file: VFile): RemovedBlock[] {
  return file.messages.filter(isRemoval).map((m) => ({
    ruleId: m.ruleId ?? 'unknown',
    reason: m.reason,
    text: m.actual ?? '',
    line: m.line ?? undefined,
    confidence: (m as VFileMessage & { confidence?: number }).confidence,
  }));
}

/** Edits as metadata rows. */
export function editsOf(file: VFile): Edit[] {
  return file.messages.filter(isEdit).map((m) => ({
    ruleId: m.ruleId ?? 'unknown',
    old: m.actual ?? '',
    new: m.expected?.[0] ?? '',
    line: m.line ?? undefined,
  }));
}

export { sourceLine };
