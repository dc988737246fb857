/**
 * `Intl.Segmenter` in bounded pieces.
 *
 * On Node 20 (V8 11.3) iterating `segmenter.segment(text)` costs time
 * proportional to the position in the string at every step, so one long text
 * is quadratic: 64,000 words in one paragraph took a minute, 16,000 sentences
 * fifteen seconds. `segments()` feeds the segmenter pieces of at most `size`
 * characters, cut after white space (after sentence punctuation and white
 * space when it can), and yields the same segments with indices into the
 * whole text. A piece boundary can only fall where a segment boundary already
 * is, except in a run of `size` characters without any white space (then a
 * word of an unspaced script may be cut in two).
 */

export interface Segment {
  segment: string;
  /** Index of the segment in the whole text. */
  index: number;
  isWordLike: boolean;
}

/** Default piece size (characters). */
export const PIECE = 2048;

const SPACE = /[ \t\n\u3000]/;
/** Punctuation of unspaced scripts that always ends a word (and, for the first three, a sentence). */
const CJK_STOP = /[。！？，、；：]/;
const CJK_SENTENCE_END = /[。！？]/;

function cutPoint(text: string, from: number, size: number, sentences: boolean): number {
  const limit = from + size;
  if (limit >= text.length) return text.length;
  const floor = from + (size >> 1);
  if (sentences) {
    for (let i = limit; i > floor; i--) {
      const c = text.charAt(i - 1);
      if (CJK_SENTENCE_END.test(c) || c === '\n') return i;
      if (SPACE.test(c) && /[.!?]/.test(text.charAt(i - 2))) return i;
    }
  }
  for (let i = limit; i > floor; i--) {
    const c = text.charAt(i - 1);
    if (SPACE.test(c) || CJK_STOP.test(c)) return i;
  }
  return limit;
}

/** The segments of `text`, like `segmenter.segment(text)`, in linear time. */
export function* segments(
  segmenter: Intl.Segmenter,
  text: string,
  size = PIECE,
): Generator<Segment> {
  if (text.length <= size) {
    for (const s of segmenter.segment(text))
      yield { segment: s.segment, index: s.index, isWordLike: s.isWordLike === true };
    return;
  }
  const sentences = segmenter.resolvedOptions().granularity === 'sentence';
  let from = 0;
  while (from < text.length) {
    const to = cutPoint(text, from, size, sentences);
    for (const s of segmenter.segment(text.slice(from, to)))
      yield { segment: s.segment, index: from + s.index, isWordLike: s.isWordLike === true };
    from = to;
  }
}
