/**
 * remark-strip-stray-breaks — thematic breaks (`---`) that separate nothing.
 *
 * What: after the detectors have removed blocks, a `---` may be left with
 * nothing on one side. Removed: a break at the start or the end of the body,
 * a break right after another (one of the run stays), and a break next to a
 * removed block (a removal recorded between it and its kept neighbour: it
 * fenced off what is gone). A break between two kept blocks stays.
 *
 * When: after `prune` (it reads the removals), before `assemble`.
 *
 * Options: none.
 *
 * Messages: `strip-stray-breaks` removals.
 */
import type { Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { isRemoval, reportRemoval } from '../shared/messages.js';

export type Options = Record<string, never>;

const RULE = 'strip-stray-breaks';

/** Source lines of the blocks removed so far. */
function removedLines(file: VFile): number[] {
  return file.messages
    .filter((m) => isRemoval(m) && typeof m.line === 'number')
    .map((m) => m.line as number);
}

/** Whether a removal lies strictly between source lines `from` and `to`. */
function removedBetween(lines: readonly number[], from?: number, to?: number): boolean {
  if (from === undefined || to === undefined) return false;
  return lines.some((l) => l > from && l < to);
}

export const remarkStripStrayBreaks: Plugin<[Readonly<Options>?], Root> = () => (tree, file) => {
  const removed = removedLines(file);
  const kids = tree.children;
  const stray = (i: number): string | undefined => {
    const b = kids[i]!;
    const before = kids.slice(0, i).findLast((k) => k.type !== 'thematicBreak');
    const after = kids.slice(i + 1).find((k) => k.type !== 'thematicBreak');
    if (!before) return 'a rule at the start of the body';
    if (!after) return 'a rule at the end of the body';
    if (kids[i - 1]?.type === 'thematicBreak') return 'a rule right after another';
    const line = b.position?.start.line;
    if (
      removedBetween(removed, before.position?.end.line, line) ||
      removedBetween(removed, line, after.position?.start.line)
    )
      return 'a rule next to a removed block';
    return undefined;
  };
  const reasons = kids.map((k, i) => (k.type === 'thematicBreak' ? stray(i) : undefined));
  tree.children = kids.filter((k: RootContent, i) => {
    const reason = reasons[i];
    if (reason === undefined) return true;
    reportRemoval(file, k, { ruleId: RULE, reason, confidence: 1 }, '---');
    return false;
  });
};

export default remarkStripStrayBreaks;
