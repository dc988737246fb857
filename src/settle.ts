/**
 * Idempotence by construction. Detectors judge blocks by their neighbours,
 * and removing a menu changes a paragraph's neighbours: a second look at the
 * cleaned page can see more to remove. `settle` cleans the output again (as
 * Markdown) until it stops changing — at most `MAX_PASSES` passes, almost
 * always one extra — so cleaning copydesk's own output changes nothing.
 *
 * What later passes remove or edit is added to the first pass's record (its
 * rule id and reason, "(pass N)", no source line: the lines are the cleaned
 * Markdown's), so nothing is lost silently. The metadata stays the first
 * pass's, which saw the whole page; head fields and counts follow the final
 * Markdown.
 */
import type { VFile } from 'vfile';
import { isEdit, isRemoval } from '../plugins/shared/messages.js';

export const MAX_PASSES = 3;

export interface Pass {
  markdown: string;
  file: VFile;
}

export function settle(first: Pass, again: (markdown: string) => Pass): Pass {
  let markdown = first.markdown;
  let last: Pass | undefined;
  for (let pass = 2; pass <= MAX_PASSES && markdown.trim() !== ''; pass++) {
    const next = again(markdown);
    if (next.markdown === markdown) break;
    for (const m of next.file.messages) {
      if (!isRemoval(m) && !isEdit(m)) continue;
      const copy = first.file.info(`${m.reason} (pass ${pass})`, {
        ruleId: m.ruleId ?? 'unknown',
        source: m.source ?? 'copydesk',
      });
      copy.actual = m.actual;
      copy.expected = m.expected;
    }
    markdown = next.markdown;
    last = next;
  }
  if (!last) return first;
  const meta = first.file.data.meta;
  const later = last.file.data.meta;
  if (meta && later) {
    meta.headline = later.headline ?? meta.headline;
    // Only a title read off the visible headline follows the final Markdown.
    if (!meta.titleEvidence || meta.titleEvidence === 'text')
      meta.title = later.title ?? meta.title;
    meta.dek = later.dek ?? meta.dek;
  }
  if (last.file.data.counts)
    first.file.data.counts = {
      ...last.file.data.counts,
      inputWords: first.file.data.inputWords ?? last.file.data.counts.inputWords,
    };
  if (last.file.data.status && last.file.data.status !== 'ok') {
    first.file.data.status = last.file.data.status;
    first.file.data.statusReasons = last.file.data.statusReasons ?? [];
  }
  return { markdown, file: first.file };
}
