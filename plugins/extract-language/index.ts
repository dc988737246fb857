/**
 * remark-extract-language — the article's language as a BCP-47 tag.
 *
 * What: detects the language of the body text with franc-min (ISO 639-3,
 * mapped to the shortest BCP-47 tag: `eng` → `en`, `cmn` → `zh`) and weighs it
 * against declared evidence (`<html lang>`, JSON-LD `inLanguage`,
 * `og:locale`, `content-language`, front matter `lang`). A declared language
 * wins when the text agrees with it (it is among the detector's close
 * candidates) or when the text is too short to judge; a long text that
 * clearly disagrees wins over the declaration. `und` leaves the field unset.
 * Sets `file.data.meta.language`.
 *
 * When: after prune, before the normalisers (`quotes: auto` reads
 * `meta.language`).
 *
 * Options:
 * - `minLength` (default: `200`) — characters of text below which detection
 *   alone is not trusted unless nothing is declared (then `40`).
 *
 * Messages: none.
 */
import { francAll } from 'franc-min';
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { peek } from '../shared/label.js';
import { blockText } from '../shared/text.js';

export interface Options {
  /** Characters of body text needed to overrule a declared language (default: `200`). */
  minLength?: number;
}

export const defaults: Readonly<Required<Options>> = { minLength: 200 };

/** ISO 639-3 codes franc-min returns → ISO 639-1 where one exists. */
const TO_639_1: Readonly<Record<string, string>> = {
  eng: 'en',
  spa: 'es',
  por: 'pt',
  ind: 'id',
  fra: 'fr',
  deu: 'de',
  jav: 'jv',
  vie: 'vi',
  ita: 'it',
  tur: 'tr',
  pol: 'pl',
  swh: 'sw',
  sun: 'su',
  ron: 'ro',
  hau: 'ha',
  ful: 'ff',
  fuv: 'ff',
  bos: 'bs',
  hrv: 'hr',
  nld: 'nl',
  srp: 'sr',
  yor: 'yo',
  uzn: 'uz',
  zlm: 'ms',
  ibo: 'ig',
  tgl: 'tl',
  hun: 'hu',
  azj: 'az',
  ces: 'cs',
  run: 'rn',
  plt: 'mg',
  nya: 'ny',
  kin: 'rw',
  zul: 'zu',
  swe: 'sv',
  lin: 'ln',
  som: 'so',
  rus: 'ru',
  ukr: 'uk',
  bel: 'be',
  bul: 'bg',
  kaz: 'kk',
  arb: 'ar',
  urd: 'ur',
  pes: 'fa',
  pbu: 'ps',
  hin: 'hi',
  mar: 'mr',
  npi: 'ne',
  cmn: 'zh',
  jpn: 'ja',
  kor: 'ko',
  ben: 'bn',
  tel: 'te',
  tam: 'ta',
  guj: 'gu',
  kan: 'kn',
  mal: 'ml',
  mya: 'my',
  pan: 'pa',
  amh: 'am',
  tha: 'th',
  sin: 'si',
  ell: 'el',
  heb: 'he',
  nob: 'nb',
  dan: 'da',
  fin: 'fi',
  cat: 'ca',
  slk: 'sk',
  slv: 'sl',
  lit: 'lt',
  lav: 'lv',
  est: 'et',
};

/** A franc code as the shortest BCP-47 primary subtag. */
export function toBcp47(code: string): string | undefined {
  if (!code || code === 'und') return undefined;
  return TO_639_1[code] ?? code;
}

/** Tidy a declared tag: `en_us` → `en-US`, `EN` → `en`; junk → undefined. */
export function normalizeTag(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const parts = tag.trim().replace(/_/g, '-').split('-').filter(Boolean);
  const [primary, ...rest] = parts;
  if (!primary || !/^[a-z]{2,3}$/i.test(primary) || /^(?:und|mul|zxx|mis)$/i.test(primary))
    return undefined;
  const out = [primary.toLowerCase()];
  for (const p of rest) {
    if (/^[a-z]{2}$/i.test(p)) out.push(p.toUpperCase());
    else if (/^[a-z]{4}$/i.test(p)) out.push(p.charAt(0).toUpperCase() + p.slice(1).toLowerCase());
    else if (/^(?:\d{3}|[a-z\d]{5,8})$/i.test(p)) out.push(p);
    else break;
  }
  return out.join('-');
}

function primaryOf(tag: string): string {
  return tag.split('-')[0] ?? tag;
}

/** Languages declared by the document, strongest first. */
function declared(file: VFile): string[] {
  const html = file.data.htmlMeta;
  const out: (string | undefined)[] = [];
  if (html) {
    for (const o of html.jsonLd) {
      const v = o.inLanguage;
      if (typeof v === 'string') out.push(v);
    }
    out.push(
      html.lang,
      html.meta['og:locale'],
      html.meta['content-language'],
      html.meta.language,
      html.meta['dc.language'],
    );
  }
  out.push(file.data.meta?.language);
  return out.map((t) => normalizeTag(t)).filter((t): t is string => t !== undefined);
}

/** Body text without headline/dek/byline blocks. */
function bodyText(tree: Root): string {
  return tree.children
    .filter((n) => {
      const role = peek(n)?.role;
      return role !== 'byline';
    })
    .map((n) => blockText(n))
    .join('\n');
}

export const remarkExtractLanguage: Plugin<[Readonly<Options>?], Root> = (options) => {
  const minLength = options?.minLength ?? defaults.minLength;
  if (!(Number.isFinite(minLength) && minLength >= 0))
    throw new Error('remark-extract-language: `minLength` must be a non-negative number');
  return (tree, file) => {
    const language = detectLanguage(bodyText(tree), declared(file), minLength);
    file.data.meta ??= { authors: [] };
    if (language) file.data.meta.language = language;
    else delete file.data.meta.language;
  };
};

/** Decide the language of `text` given declared tags (strongest first). */
export function detectLanguage(
  text: string,
  declaredTags: readonly string[],
  minLength = defaults.minLength,
): string | undefined {
  const sample = text.replace(/\s+/g, ' ').trim().slice(0, 20_000);
  const stated = declaredTags[0];
  const ranked = sample.length >= 40 ? francAll(sample, { minLength: 40 }) : [];
  const top = ranked[0];
  const detected = top && top[0] !== 'und' ? toBcp47(top[0]) : undefined;
  if (!stated) return detected;
  if (!detected) return stated;
  const statedPrimary = primaryOf(stated);
  if (statedPrimary === detected) return stated;
  // The text agrees closely enough with the declaration (related languages score alike).
  const close = ranked
    .slice(0, 5)
    .some(([code, score]) => toBcp47(code) === statedPrimary && score >= 0.85);
  if (close || sample.length < minLength) return stated;
  return detected;
}

export default remarkExtractLanguage;
