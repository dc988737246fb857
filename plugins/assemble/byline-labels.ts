/**
 * The house-style byline's words per language (data): the lead word ("By",
 * "Par", "Von" …) and the word joining the last two names ("and", "et" …).
 * A French page's byline reads "Par Camille Lefèvre et Jean Dupont", never
 * "By …". Languages not listed keep the English words.
 */
export const BYLINE_LABELS: Readonly<Record<string, { by: string; and: string }>> = {
  en: { by: 'By', and: 'and' },
  fr: { by: 'Par', and: 'et' },
  de: { by: 'Von', and: 'und' },
  es: { by: 'Por', and: 'y' },
  pt: { by: 'Por', and: 'e' },
  it: { by: 'Di', and: 'e' },
  nl: { by: 'Door', and: 'en' },
  sv: { by: 'Av', and: 'och' },
  da: { by: 'Af', and: 'og' },
  nb: { by: 'Av', and: 'og' },
  nn: { by: 'Av', and: 'og' },
  no: { by: 'Av', and: 'og' },
};

/** The labels for a BCP-47 language tag (`fr-CA` → French), or undefined. */
export function labelsFor(language: string | undefined): { by: string; and: string } | undefined {
  if (!language) return undefined;
  return BYLINE_LABELS[language.toLowerCase().split(/[-_]/)[0] ?? ''];
}

/** The language whose lead word opens `line` ("Par Camille …" → `fr`), if one does. */
export function languageOfLead(line: string): string | undefined {
  const word = /^\s*(\p{L}+)\s/u.exec(line)?.[1]?.toLowerCase();
  if (!word || word === 'by') return word ? 'en' : undefined;
  const found = Object.entries(BYLINE_LABELS).find(([, l]) => l.by.toLowerCase() === word);
  // "Por" and "Av" are shared: the first listed language stands for them (same words).
  return found?.[0];
}

/**
 * A house-style line (`By A, B and C, Publication`) in the page's language:
 * the lead word and the last "and" swapped. The names are untouched.
 */
export function localizeByline(line: string, language: string | undefined): string {
  const labels = labelsFor(language);
  if (!labels || !line.startsWith('By ')) return line;
  const rest = line.slice(3);
  const at = rest.lastIndexOf(' and ');
  const joined = at === -1 ? rest : `${rest.slice(0, at)} ${labels.and} ${rest.slice(at + 5)}`;
  return `${labels.by} ${joined}`;
}
