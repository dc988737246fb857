/**
 * Matching extracted metadata against a reader-mode extractor's expectations:
 * title, byline (authors), published date (same calendar day) and language.
 */

/** Lower-case, NFKC, punctuation to spaces, white space collapsed. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Titles match when equal after normalising, or (both long enough) one contains the other. */
export function titleMatches(gold: string, ours: string | null | undefined): boolean {
  if (!ours) return false;
  const a = normalise(gold);
  const b = normalise(ours);
  if (!a || !b) return false;
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.split(' ').length >= 3 && short.length >= 15 && long.includes(short);
}

const BYLINE_NOISE = new Set(['by', 'and', 'und', 'et', 'y', 'par', 'von', 'de', 'the', 'written']);

function nameTokens(text: string): string[] {
  return normalise(text)
    .split(' ')
    .filter((t) => t.length > 1 && !BYLINE_NOISE.has(t));
}

/**
 * A byline matches when at least half of the gold's name tokens appear in
 * ours (authors and byline line together) and at least half of our author
 * tokens appear in the gold.
 */
export function bylineMatches(
  gold: string,
  authors: readonly string[],
  byline?: string | null,
): boolean {
  const want = nameTokens(gold);
  if (want.length === 0) return false;
  const haveAuthors = nameTokens(authors.join(' '));
  const have = new Set([...haveAuthors, ...nameTokens(byline ?? '')]);
  if (have.size === 0) return false;
  const found = want.filter((t) => have.has(t)).length;
  if (found / want.length < 0.5) return false;
  if (haveAuthors.length === 0) return true;
  const wantSet = new Set(want);
  return haveAuthors.filter((t) => wantSet.has(t)).length / haveAuthors.length >= 0.5;
}

/** Same calendar day: the written date parts are equal, or the instants fall on the same UTC day. */
export function sameDay(gold: string, ours: string | null | undefined): boolean {
  if (!ours) return false;
  const day = (s: string): string | undefined => /^\d{4}-\d{2}-\d{2}/.exec(s.trim())?.[0];
  const a = day(gold);
  const b = day(ours);
  if (a && b && a === b) return true;
  const ta = new Date(gold);
  const tb = new Date(ours);
  if (Number.isNaN(ta.getTime()) || Number.isNaN(tb.getTime())) return false;
  return ta.toISOString().slice(0, 10) === tb.toISOString().slice(0, 10);
}

/** Languages match on the primary subtag (`en-GB` = `en`). */
export function languageMatches(gold: string, ours: string | null | undefined): boolean {
  if (!ours) return false;
  // Norwegian Bokmål and Nynorsk count as Norwegian (`no`), as the corpora label it.
  const primary = (s: string): string => {
    const p = s.trim().toLowerCase().split(/[-_]/)[0] ?? '';
    return p === 'nb' || p === 'nn' ? 'no' : p;
  };
  return primary(gold) !== '' && primary(gold) === primary(ours);
}

/**
 * The wide corpus' title check: equal after normalising case, white space
 * and punctuation (so house-style quotes and dashes do not count), nothing
 * more — a title that keeps the site name, or a page's section name, misses.
 */
export function titleEquals(gold: string, ours: string | null | undefined): boolean {
  if (!ours) return false;
  const a = normalise(gold);
  return a !== '' && a === normalise(ours);
}

/** A name compared without case, punctuation or accents ("José" = "Jose"). */
function nameKey(name: string): string {
  return normalise(name.normalize('NFKD').replace(/\p{M}+/gu, ''));
}

/** The exact set of authors: every gold name found, and no other name given. */
export function authorsMatch(gold: readonly string[], ours: readonly string[]): boolean {
  const want = new Set(gold.map(nameKey).filter(Boolean));
  const have = new Set(ours.map(nameKey).filter(Boolean));
  if (want.size !== have.size) return false;
  for (const name of want) if (!have.has(name)) return false;
  return true;
}
