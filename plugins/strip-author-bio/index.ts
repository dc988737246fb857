/**
 * remark-strip-author-bio — labels the author's bio and the credit lines at
 * the end of an article.
 *
 * What: near the end of the page (no more than `maxProseAfter` paragraphs of
 * running text after it), a short block is not article text when it
 * - introduces one of the article's authors (`file.data.meta.authors`, found
 *   by `detect-byline`) — the name within its first words — together with a
 *   bio or contact cue: a role (“is a reporter for…”, “senior writer”,
 *   “joined … in 2017”, “covers…”) or a way to reach them (“email … at”,
 *   “follow him on Twitter”, an @handle, an e-mail address); or
 * - is a credit line: “Reporting by …; editing by …”, “Additional reporting
 *   by …”, “… contributed to this report.”
 * Recognised by shape and the page's own byline, never by a site's wording.
 *
 * When: with the detectors, after `detect-byline` (it reads the authors).
 * Near-misses kept: a paragraph that quotes the author's name in the story,
 * a reporter named in the middle of the article, a long paragraph that
 * mentions an editor.
 *
 * Options: `maxWords` (default: `80`) — longer blocks are never bios;
 * `maxProseAfter` (default: `2`).
 *
 * Messages: `author-bio` (removals, via prune).
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { isFree, label } from '../shared/label.js';
import { blockText, countWords, squash } from '../shared/text.js';

export interface Options {
  /** Longer blocks are never bios or credit lines (default: `80`). */
  maxWords?: number;
  /** Paragraphs of running text allowed after a bio (default: `2`). */
  maxProseAfter?: number;
}

export const defaults = { maxWords: 80, maxProseAfter: 2 } as const satisfies Required<Options>;

export const RULE_ID = 'author-bio';

/** A role or a way to reach the author, in a bio line. */
const BIO_CUE =
  /\b(?:is|was|has been|works as)\s+(?:a|an|the|our)\b|\b(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer|critic|educator|photographer|analyst|staff|bureau chief)\b|\bjoined\b|\bcovers?\b|\bcan be reached\b|\b(?:e-?mail|follow|contact)\b|@\w{2,}|\S+@\S+\.\w{2,}/iu;

/** A credit line of a wire story. */
const CREDIT =
  /^(?:\(?(?:additional\s+)?(?:reporting|writing|editing|edited|compiled|research)\s+by\b)|\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|story|article)\b/iu;

/** Words of a name, folded for matching (“O’Brien” → “o'brien”). */
function fold(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'");
}

/** Why the block is a bio or credit line, or undefined. */
export function bioEvidence(
  text: string,
  authors: readonly string[],
  maxWords: number = defaults.maxWords,
): string | undefined {
  const t = squash(text);
  const words = countWords(t);
  if (words === 0 || words > maxWords) return undefined;
  if (CREDIT.test(t)) return 'a credit line';
  const head = fold(t.split(/\s+/).slice(0, 8).join(' '));
  const named = authors.find((a) => a.split(/\s+/).length >= 2 && head.includes(fold(a)));
  if (named && BIO_CUE.test(t)) return `introduces the author (${named})`;
  return undefined;
}

/** A paragraph's text that is running text: a sentence or more of some length. */
function isRunningText(text: string): boolean {
  return countWords(text) >= 20 && /[.!?…”"’)]$/u.test(text);
}

export const remarkStripAuthorBio: Plugin<[Readonly<Options>?], Root> = (options) => {
  const maxWords = options?.maxWords ?? defaults.maxWords;
  if (!(maxWords > 0)) throw new Error('remark-strip-author-bio: `maxWords` must be positive');
  const maxProseAfter = options?.maxProseAfter ?? defaults.maxProseAfter;
  if (!(Number.isInteger(maxProseAfter) && maxProseAfter >= 0))
    throw new Error('remark-strip-author-bio: `maxProseAfter` must be an integer >= 0');
  return (tree, file) => {
    const authors = file.data.meta?.authors ?? [];
    const blocks = tree.children;
    let proseAfter = 0;
    // From the end: stop once more than `maxProseAfter` paragraphs of running text lie behind.
    for (let i = blocks.length - 1; i >= 0 && proseAfter <= maxProseAfter; i--) {
      const b = blocks[i]!;
      if (b.type !== 'paragraph') continue;
      const text = squash(blockText(b));
      const why = isFree(b) ? bioEvidence(text, authors, maxWords) : undefined;
      if (why)
        label(b, { ruleId: RULE_ID, reason: `author bio or credit: ${why}`, confidence: 0.8 });
      else if (isRunningText(text)) proseAfter++;
    }
  };
};

export default remarkStripAuthorBio;
