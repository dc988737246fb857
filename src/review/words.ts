/**
 * The one definition of "% removed", used everywhere it is shown: `clean`'s
 * batch summary, `copydesk diff`, and the review page.
 *
 * - words in: the page as read, before anything was removed
 *   (`metadata.counts.inputWords`);
 * - words out: everything the cleaned Markdown says: headline, dek, byline
 *   and body (`metadata.counts.words` is the body alone);
 * - words removed: in − out (never below 0: house-style edits can add a word,
 *   e.g. "By" before a byline);
 * - share removed: removed / in (0 for an input without words).
 *
 * The count of removed blocks' words is a different thing (a removal can
 * nest in another, normalisers change words) and is never shown as the
 * share.
 */
import { countWords } from '../../plugins/shared/text.js';

export interface WordTally {
  /** Words of the page as read. */
  in: number;
  /** Words of the cleaned Markdown (headline, dek, byline and body). */
  out: number;
  /** `max(0, in − out)`. */
  removed: number;
  /** `removed / in`, 0..1 (0 when `in` is 0). */
  share: number;
}

/** The tally from words in and words out. */
export function wordTally(wordsIn: number, wordsOut: number): WordTally {
  const inWords = Math.max(0, wordsIn);
  const out = Math.max(0, wordsOut);
  const removed = Math.max(0, inWords - out);
  return { in: inWords, out, removed, share: inWords > 0 ? removed / inWords : 0 };
}

/** The metadata fields the tally reads (a `Metadata` record has them all). */
export interface TallySource {
  headline?: string | null | undefined;
  dek?: string | null | undefined;
  byline?: string | null | undefined;
  counts: { words: number; inputWords: number };
}

/** Words of the whole output: the head lines (headline, dek, byline) plus the body. */
export function outputWords(metadata: TallySource): number {
  let n = metadata.counts.words;
  for (const line of [metadata.headline, metadata.dek, metadata.byline])
    if (line) n += countWords(line);
  return n;
}

/** The tally of one cleaned document. */
export function tallyOf(metadata: TallySource): WordTally {
  return wordTally(metadata.counts.inputWords, outputWords(metadata));
}

/** The tally of several documents: their words summed, then the share. */
export function sumTallies(tallies: Iterable<WordTally>): WordTally {
  let wordsIn = 0;
  let wordsOut = 0;
  for (const t of tallies) {
    wordsIn += t.in;
    wordsOut += t.out;
  }
  return wordTally(wordsIn, wordsOut);
}

/** A share as a percentage: one decimal under 10% (`3.4%`), none from 10% (`42%`); 0 and 1 exact. */
export function percent(share: number): string {
  return `${(share * 100).toFixed(share > 0 && share < 0.1 ? 1 : 0)}%`;
}

/** The tally as words: `808 of 1,790 words kept, 982 removed (55%)`. */
export function describeTally(t: WordTally): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `${n(t.out)} of ${n(t.in)} words kept, ${n(t.removed)} removed (${percent(t.share)})`;
}
