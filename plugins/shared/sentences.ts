/**
 * Sentence splitting: Intl.Segmenter (all locales, no dependency) plus a merge
 * pass, because ICU splits after "Mr." "Dr." "U.S." and initials.
 */

import { segments } from './segment.js';

export interface Sentence {
  text: string;
  /** Offset of the sentence in the input. */
  start: number;
  end: number;
}

/** Abbreviations that end with a full stop but do not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'gen',
  'gov',
  'sen',
  'rep',
  'lt',
  'col',
  'capt',
  'sgt',
  'rev',
  'hon',
  'pres',
  'no',
  'vs',
  'etc',
  'inc',
  'co',
  'corp',
  'ltd',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'approx',
  'dept',
  'est',
  'fig',
  'mt',
  'ft',
  'ave',
  'blvd',
  'e.g',
  'i.e',
  'cf',
  'al',
]);

/**
 * A sentence segmenter for `locale` (English when the locale is unknown).
 * Callers that split many texts make one and pass it to `splitSentences`.
 */
export function sentenceSegmenter(locale: string): Intl.Segmenter {
  try {
    return new Intl.Segmenter(locale, { granularity: 'sentence' });
  } catch {
    return new Intl.Segmenter('en', { granularity: 'sentence' });
  }
}

/** Whether a piece ends in an abbreviation or an initial, so the next piece continues it. */
function endsInAbbreviation(piece: string): boolean {
  const t = piece.trimEnd();
  if (!t.endsWith('.')) return false;
  const m = /(?:^|[\s(“"‘'])((?:\p{L}\.)+|\p{L}+\.)$/u.exec(t);
  if (!m?.[1]) return false;
  const word = m[1].slice(0, -1).toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  // Initials and dotted acronyms: "J.", "U.S.", "U.N."
  if (/^(?:\p{L}\.)*\p{L}$/u.test(word) && word.replace(/\./g, '').length <= 3) return true;
  return false;
}

/**
 * Split `text` into sentences, by a locale or a segmenter made with
 * `sentenceSegmenter` (cheaper for many texts).
 */
export function splitSentences(text: string, locale: string | Intl.Segmenter = 'en'): Sentence[] {
  const segmenter = typeof locale === 'string' ? sentenceSegmenter(locale) : locale;
  const spans: { start: number; end: number; last: string }[] = [];
  for (const seg of segments(segmenter, text)) {
    const raw = seg.segment;
    const prev = spans[spans.length - 1];
    const trimmed = raw.trim();
    if (!trimmed) {
      if (prev) prev.end = seg.index + raw.length;
      continue;
    }
    const startsLower = /^[\p{Ll}\d,;:)]/u.test(trimmed);
    // Only the piece that ended the previous span decides (keeps this linear on long inputs).
    if (prev && (endsInAbbreviation(prev.last) || startsLower)) {
      prev.end = seg.index + raw.length;
      prev.last = raw;
      continue;
    }
    spans.push({ start: seg.index, end: seg.index + raw.length, last: raw });
  }
  return spans.map((sp) => {
    const raw = text.slice(sp.start, sp.end);
    const start = sp.start + (raw.length - raw.trimStart().length);
    const trimmed = raw.trim();
    return { text: trimmed, start, end: start + trimmed.length };
  });
}
