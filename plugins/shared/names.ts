/**
 * Personal-name casing: `JANE DOE` → `Jane Doe`, `MARY MCDONALD` → `Mary McDonald`,
 * `SEAN O'BRIEN` → `Sean O'Brien`, `LUDWIG VAN BEETHOVEN` → `Ludwig van Beethoven`.
 *
 * Only names written in one case (all capitals or all lower case) are
 * re-cased; a mixed-case name is the author's own spelling and is returned
 * as is (`danah boyd` would be the exception, and there is no rule for it).
 */

/** Particles written in lower case inside a name (not as its first word). */
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'del',
  'della',
  'dello',
  'di',
  'da',
  'das',
  'dos',
  'do',
  'du',
  'la',
  'le',
  'ter',
  'ten',
  'zu',
  'y',
  'e',
  'bin',
  'binti',
  'ibn',
]);

/** Words starting with "Mac" that are not "Mac" + a capitalised name. */
const MAC_EXCEPTIONS = new Set([
  'mack',
  'macy',
  'mace',
  'macey',
  'macon',
  'machado',
  'machin',
  'machen',
  'macias',
  'mackie',
  'macklin',
  'macario',
  'macedo',
  'macek',
  'machel',
]);

const ROMAN = /^(?:i{1,3}|iv|v|vi{1,3}|ix|x)$/i;

function capitalise(word: string): string {
  if (word.length === 0) return word;
  const lower = word.toLocaleLowerCase();
  return lower.charAt(0).toLocaleUpperCase() + lower.slice(1);
}

/** Case one word of a name (no spaces, may hold hyphens and apostrophes). */
function caseWord(word: string, first: boolean): string {
  const lower = word.toLocaleLowerCase();
  if (!first && PARTICLES.has(lower)) return lower;
  if (ROMAN.test(word) && !first) return word.toUpperCase();
  // Initials such as "J.K." or "J."
  if (/^(?:\p{L}\.)+$/u.test(word)) return word.toLocaleUpperCase();
  return word
    .split('-')
    .map((part) => casePart(part))
    .join('-');
}

function casePart(part: string): string {
  const apostrophe = /^(\p{L}{1,2})(['’])(\p{L}.*)$/u.exec(part);
  if (apostrophe?.[1] && apostrophe[2] && apostrophe[3]) {
    // O'Brien, D'Angelo, N'Golo (but "Ng'ang'a" would stay simple)
    return capitalise(apostrophe[1]) + apostrophe[2] + capitalise(apostrophe[3]);
  }
  const lower = part.toLocaleLowerCase();
  if (/^mc\p{L}{2,}$/u.test(lower)) return `Mc${capitalise(lower.slice(2))}`;
  if (/^mac\p{L}{3,}$/u.test(lower) && !MAC_EXCEPTIONS.has(lower))
    return `Mac${capitalise(lower.slice(3))}`;
  return capitalise(part);
}

/** Whether a string is written in one case only (all capitals or all lower case). */
export function isSingleCase(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return false;
  return letters === letters.toLocaleUpperCase() || letters === letters.toLocaleLowerCase();
}

/**
 * Case a personal name. Mixed-case input is returned unchanged; single-case
 * input is title-cased with Mc/Mac/O'/particle rules.
 */
export function fixNameCase(name: string): string {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  if (!isSingleCase(trimmed)) return trimmed;
  return trimmed
    .split(' ')
    .map((word, i) => caseWord(word, i === 0))
    .join(' ');
}

/**
 * Whether a string looks like a personal name: 1–5 words, each capitalised
 * (or a lower-case particle, or an initial), no digits, at most one comma-free
 * phrase. Used to tell authors from roles and publications.
 */
export function looksLikePersonName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  if (/[\d@#/|:;!?()[\]]/.test(text)) return false;
  let capitalised = 0;
  for (const [i, w] of words.entries()) {
    if (i > 0 && PARTICLES.has(w)) continue;
    if (/^\p{Lu}\.?$/u.test(w) || /^(?:\p{Lu}\.)+$/u.test(w)) {
      capitalised++;
      continue;
    }
    if (!/^\p{Lu}[\p{L}'’.-]*$/u.test(w)) return false;
    capitalised++;
  }
  return capitalised >= 2;
}
