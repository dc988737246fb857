/**
 * Byline parsing: "By Jane Doe, The Week US Published" → authors
 * ["Jane Doe"], publication "The Week US". Generic: decides by the shape of
 * each segment (a person's name, an outlet's name, a role, a date), never by
 * a site list.
 *
 * Shapes understood (any case; single-case names are re-cased):
 * - lead word + names: "By A, B and C", "BY JANE DOE", "Story by …", "Words: …",
 *   "Par …", "Von …", "Por …", "Di …", "Door …", "Av …";
 * - name + outlet/role/date without a lead: "Jane Doe | Reuters",
 *   "Jane Doe, Staff Writer", "Jane Doe · 2 hours ago";
 * - date lines: "Published 12 March 2024", "Updated 3:45 p.m. ET, Thu March 5, 2020".
 */
import type { VFile } from 'vfile';
import { allLabels, alternation } from './byline-labels/index.js';
import { type DateOptions, parseDate } from './dates.js';
import { fixNameCase, isSingleCase } from './names.js';

declare module 'vfile' {
  interface DataMap {
    /** Byline readings of this document's lines, shared by the detectors (see `readBylineCached`). */
    bylineCache: globalThis.Map<string, BylineLine>;
  }
}

export interface ParsedByline {
  authors: string[];
  publication?: string | undefined;
  /** Date text that followed the names ("Published 12 March 2024"), unparsed. */
  dateText?: string | undefined;
  /** ISO 8601 publication date, when `dateText` (or a date segment) parses. */
  published?: string | undefined;
  /** ISO 8601 "Updated …" date, when one parses. */
  modified?: string | undefined;
  /** Role words that were stripped ("Staff Writer"). */
  roles?: string[] | undefined;
}

/** What a whole line is, for byline detection. */
export interface BylineLine extends ParsedByline {
  /** `byline`: names (with or without a lead); `date`: only a date; `none`: prose or anything else. */
  kind: 'byline' | 'date' | 'none';
  /** Whether a lead word ("By", "Par", "Story by"…) opened the line. */
  lead: boolean;
}

/** A lead word's pattern: a preposition ("by", "von") before white space, a label ("Autor:") with its colon. */
function leadPattern(word: string): string {
  const colon = word.endsWith(':');
  const body = alternation([colon ? word.slice(0, -1) : word]);
  if (colon) return `${body}\\s*[:：]\\s*`;
  // CJK labels ("记者") need no space after them.
  return /\p{Script=Han}/u.test(word) ? `${body}\\s*[:：]?\\s*` : `${body}\\s*[:：]?\\s+`;
}

/** Words that open a byline, from every language's table (`byline-labels/`), longest first. */
const LEAD = new RegExp(
  `^(?:${[...allLabels.lead, 'photos? and words by', 'от'].map(leadPattern).join('|')})`,
  'iu',
);

/** Labels and placeholders that are never a name ("Posted on", "admin", "Unknown"), lower-cased. */
const NOT_NAMES = new Set(allLabels.notNames);

/** A placeholder account name: "admin", "WordpressAdmin", "site_admin". */
const PLACEHOLDER_NAME = /^(?:\S*admin\S*|user\d*|test)$/iu;

/** Whether a segment is a label or placeholder, never a name. */
export function isPlaceholderName(segment: string): boolean {
  const s = segment.trim().toLowerCase();
  return NOT_NAMES.has(s) || PLACEHOLDER_NAME.test(s);
}

/** "Written ByJane Doe": a capitalised lead word glued to the name (markup without a space). */
const GLUED_LEAD = /(^|\s)(By|Von|Par|Por|Door|Av|Af)(?=\p{Lu}\p{Ll})/gu;

/**
 * Chinese labels of a publication date ("发布时间：", "发表于", "日期:"); CJK
 * script has no spaces, so no word boundary is asked for.
 */
const CJK_PUBLISHED =
  /(?:发布时间|发布日期|发表时间|发表日期|发布于|发表于|发布|发表|时间|日期)\s*[:：]?/u;

/** Words that open a date part, with what the date means. */
const DATE_WORDS: [RegExp, 'published' | 'modified'][] = [
  [
    /(?<![\p{L}\p{N}])(?:last\s+)?(?:updated|modified|edited|revised|aktualisiert|mis\s+à\s+jour|actualizado|atualizado|aggiornato|bijgewerkt)(?![\p{L}\p{N}])(?:\s*(?:on|at|le|am|el|em|il|op))?\s*:?/iu,
    'modified',
  ],
  [
    /(?<![\p{L}\p{N}])(?:first\s+)?(?:published|posted|publié|veröffentlicht|publicado|pubblicato|gepubliceerd|publicerad)(?![\p{L}\p{N}])(?:\s*(?:on|at|le|am|el|em|il|op))?\s*:?/iu,
    'published',
  ],
  [CJK_PUBLISHED, 'published'],
];
/** `DATE_WORDS` as global regexes for `matchAll` (compiled once). */
const DATE_WORDS_ALL = DATE_WORDS.map(
  ([re, kind]) => [new RegExp(re.source, 'giu'), kind] as const,
);

const DATE_LEAD_ANY =
  /\s*(?:[|•·–—-]\s*)?(?:(?<![\p{L}\p{N}])(?:(?:last|first)\s+)?(?:published|updated|posted|modified|publié|mis\s+à\s+jour|veröffentlicht|aktualisiert|publicado|actualizado|pubblicato|aggiornato)(?![\p{L}\p{N}])|(?:发布时间|发布日期|发表时间|发表日期|发布于|发表于|发布|发表|更新时间|时间|日期)\s*[:：]?\s*(?=\d)).*$/iu;

/** Role words: stripped from author lists. */
const ROLE =
  /^(?:(?:senior|junior|chief|staff|contributing|special|deputy|associate|executive|managing|political|foreign|science|business|sports?|technology|tech|health|investigative|freelance|guest|national|local|white house|[\p{Lu}][\p{L}]+)\s+)*(?:writer|reporter|correspondent|editor|columnist|contributor|producer|critic|photographer|analyst|journalist|author|blogger|staff|intern|researcher|commentator|technologist|strategist|scientist|economist|engineer|developer|designer|manager|director|officer|fellow|founder|lecturer|professor|specialist|consultant|adviser|advisor|attorney|historian|anchor|presenter|illustrator|cartoonist|reviewer|curator|coordinator|moderator|administrator|expert|coach|copywriter|marketer|redakteur(?:in)?|korrespondent(?:in)?|journaliste|rédacteur|rédactrice|periodista|redactor|redactora|giornalista|corrispondente)s?(?:\s+(?:at|for|of)\s+.*)?$/iu;

/** Words that mark an outlet or organisation rather than a person. */
const ORG_WORD =
  /\b(?:news|times|post|journal|daily|weekly|week|press|media|magazine|herald|tribune|gazette|agency|network|radio|tv|television|broadcasting|wire|service|group|inc|ltd|llc|online|digital|review|today|guardian|telegraph|observer|independent|chronicle|express|mail|mirror|standard|reuters|associated|afp|bloomberg|staff|desk|team|editors|editorial|project|programme|program|initiative|international|institute|university|foundation|council|society|association|centre|center|company|ministry)\b/i;

/** A person's name: 2–4 capitalised tokens (initials, particles allowed). */
const PERSON =
  /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.)(?:\s+(?:(?:van|von|de|der|den|da|di|du|del|della|la|le|bin|al|ibn|y|e|ter|ten|dos|das)\s+)*(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.)){1,3}$/u;

/** Whether a segment looks like an outlet (publication) name. */
export function looksLikeOutlet(segment: string): boolean {
  const s = segment.trim();
  if (!isTitleCased(s)) return false;
  if (/^(?:The|Le|La|Les|Der|Die|Das|El|Il|Lo|Het)\s/i.test(s)) return true;
  if (ORG_WORD.test(s)) return true;
  if (/\.(?:com|org|net|co\.uk|news|io)\b/i.test(s)) return true;
  return /^[A-Z]{2,6}$/.test(s);
}

const SMALL_WORDS = new Set([
  'of',
  'the',
  'and',
  'for',
  'on',
  'in',
  'de',
  'la',
  'le',
  'du',
  'der',
  'die',
  'das',
]);

/**
 * Every word but small ones starts with a capital or digit ("The Week US",
 * not "the time we"); a small word never ends it ("Weekly Edition for" is
 * the start of a phrase, not a name).
 */
function isTitleCased(s: string): boolean {
  const words = s.split(/\s+/);
  if (words.length === 0 || words.length > 8 || SMALL_WORDS.has(words.at(-1) ?? '')) return false;
  return words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && SMALL_WORDS.has(w)));
}

/** Function words that are never part of a person's name ("By Any Means Necessary" is a column). */
const NOT_NAME = new Set(
  'the a an of and for to in on at by any all no not my our your their his her its this that these those what when where why how who with without from into over under about is are was were has have had do does did can would should could must or if than very just more most'.split(
    ' ',
  ),
);

/** Whether a segment looks like a person's name. */
export function looksLikePerson(segment: string): boolean {
  const s = segment.trim();
  if (!PERSON.test(s) || looksLikeOutlet(s) || ROLE.test(s)) return false;
  if (s.split(/\s+/).some((w) => NOT_NAME.has(w.toLowerCase()))) return false;
  // An acronym inside ("ACLU Speech") is an organisation's name, unless the whole name is in capitals.
  return isSingleCase(s) || !s.split(/\s+/).some((w) => /^\p{Lu}{2,}$/u.test(w) || outletToken(w));
}

/** Whether a segment is a role ("Staff Writer", "Senior Correspondent"). */
export function looksLikeRole(segment: string): boolean {
  const s = segment.trim();
  return s.split(/\s+/).length <= 8 && ROLE.test(s);
}

/**
 * Whether a line is a byline or a date line: "By …" followed by a name-like
 * part, a name with an outlet, role or date beside it ("Jane Doe | Reuters"),
 * or a date alone ("Published 12 March 2024", "2 hours ago"). Sentences that
 * start with "By the time…" or "Published in Nature, …" are not.
 */
export function isBylineText(text: string, file?: VFile): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 200) return false;
  return readBylineCached(file, t).kind !== 'none';
}

/**
 * `readBylineLine` remembered for one document (`file.data.bylineCache`):
 * several detectors ask about the same short lines, and date parsing is the
 * costliest step of the pipeline. Without a file, nothing is remembered.
 */
export function readBylineCached(
  file: VFile | undefined,
  text: string,
  options: DateOptions = {},
): BylineLine {
  if (!file) return readBylineLine(text, options);
  const ref = options.referenceDate ? new Date(options.referenceDate).toISOString() : '';
  const key = `${ref}\u0000${options.language ?? ''}\u0000${text}`;
  file.data.bylineCache ??= new Map();
  let hit = file.data.bylineCache.get(key);
  if (!hit) {
    file.data.dateCache ??= new Map();
    hit = readBylineLine(text, { ...options, cache: file.data.dateCache });
    file.data.bylineCache.set(key, hit);
  }
  return hit;
}

/** Split the text of a date part into dated chunks ("Published X, updated Y"). */
function readDates(
  text: string,
  options: DateOptions,
  into: { published?: string | undefined; modified?: string | undefined },
): boolean {
  const marks: { at: number; kind: 'published' | 'modified' }[] = [];
  for (const [g, kind] of DATE_WORDS_ALL) {
    for (const m of text.matchAll(g)) marks.push({ at: m.index ?? 0, kind });
  }
  marks.sort((a, b) => a.at - b.at);
  if (marks.length === 0 || (marks[0]?.at ?? 0) > 0) marks.unshift({ at: 0, kind: 'published' });
  let found = false;
  for (const [i, m] of marks.entries()) {
    const chunk = text.slice(m.at, marks[i + 1]?.at ?? text.length);
    const d = parseDate(chunk, options);
    if (!d) continue;
    found = true;
    if (m.kind === 'modified') into.modified ??= d.iso;
    else into.published ??= d.iso;
  }
  return found;
}

/** A date reading needs a digit or a relative word: "VR" or "Wed," alone are not dates. */
const DATE_SUBSTANCE =
  /\d|\b(?:ago|yesterday|today|hier|gestern|heute|ayer|hoy|ontem|hoje|ieri|oggi|gisteren|vandaag|aujourd'hui)\b/iu;

/** Whether a segment is (mostly) a date or time: "March 5, 2020", "2 hours ago". */
function dateSegment(segment: string, options: DateOptions): boolean {
  const probe = parseDate(segment, {
    ...options,
    referenceDate: options.referenceDate ?? new Date(0),
  });
  if (!probe || !DATE_SUBSTANCE.test(probe.text)) return false;
  const rest = segment.replace(probe.text, '').replace(DATE_LEAD_ANY, '');
  return rest.replace(/[^\p{L}]/gu, '').length <= 4;
}

/** A name in Han script (two to four characters, a middle dot allowed). */
const CJK_NAME = /^\p{Script=Han}[\p{Script=Han}·]{1,4}$/u;

const SEPARATORS =
  /\s*(?:,|;|、|，|\||•|·|\s[–—-]\s|\band\b|&|\bund\b|\bet\b|\bog\b|\boch\b|\ben\b)\s*/i;

/** A full stop after a word (not an initial) ends a segment: "Finian Cunningham. Sputnik International". */
const SENTENCE_STOP = /(?<=\p{L}{3})\.\s+(?=\p{Lu})/u;

function splitSegments(text: string): string[] {
  const out: string[] = [];
  for (const seg of text.split(SEPARATORS).flatMap((s) => (s ? s.split(SENTENCE_STOP) : []))) {
    const s = seg?.trim();
    if (!s) continue;
    // "Juan Pérez y María López": split on y/e only between two full names.
    const pair = /^(.+?)\s+(?:y|e)\s+(.+)$/u.exec(s);
    if (pair?.[1] && pair[2] && PERSON.test(pair[1]) && PERSON.test(pair[2]))
      out.push(pair[1], pair[2]);
    else out.push(s);
  }
  return out;
}

/**
 * Read a line as a byline. `kind` says whether the whole line is one: a
 * prose sentence, a headline or a caption comes back as `none`.
 */
export function readBylineLine(text: string, options: DateOptions = {}): BylineLine {
  const none: BylineLine = { kind: 'none', lead: false, authors: [] };
  const flat = text.replace(/\s+/g, ' ').replace(GLUED_LEAD, '$1$2 ').trim();
  if (flat.length === 0 || flat.length > 200) return none;
  const lead = LEAD.exec(flat);
  let t = flat;
  const result: BylineLine = { kind: 'none', lead: lead !== null, authors: [] };
  // Date part: from the first date word to the end.
  const dm = DATE_LEAD_ANY.exec(t);
  if (dm) {
    let dateText = dm[0].replace(/^[\s|•·–—-]+/, '').trim();
    t = t.slice(0, dm.index).trim();
    // "Updated 5 May 2015 | By Jane Doe": names after the date part go back to the names part.
    const back =
      /[|•·–—]\s*(?=(?:by|par|von|por|di|door|av|af)\s)/iu.exec(dateText) ??
      /\s(?=(?:by|par|von|por)\s+\p{Lu})/u.exec(dateText);
    if (back) {
      t = `${t} | ${dateText.slice(back.index + 1).trim()}`;
      dateText = dateText.slice(0, back.index).trim();
    }
    result.dateText = dateText;
    readDates(dateText, options, result);
  }
  if (lead) t = t.slice(lead[0].length);
  // "Jane Doe @janedoe February 1": a social handle after a name separates like a bar.
  t = t.replace(/(?:^|\s)@\w{2,}(?=\s|$)/gu, ' | ');
  // "Jane Doe (with John Smith and Ann Lee)": co-authors in brackets.
  t = t.replace(/\((?:avec|with|and|mit|con|com|met|med)\s+([^()]+)\)/giu, ', $1');
  // A date inside the names part ("Jane Doe · March 5, 2020"): take it out before splitting on commas.
  const inner = parseDate(t, { ...options, referenceDate: options.referenceDate ?? new Date(0) });
  if (inner && inner.text.length >= 6 && DATE_SUBSTANCE.test(inner.text)) {
    const dateText = inner.text;
    result.dateText ??= dateText;
    readDates(dateText, options, result);
    // "… RD on November 14, 2019": the preposition belongs to the date.
    const before = t
      .slice(0, inner.index)
      .replace(/\s(?:on|at|am|um|le|el|il|em|op|den)\s*$/iu, ' ');
    t = `${before} | ${t.slice(inner.index + dateText.length)}`;
  }
  t = t.replace(/^[\s,;|•·:–—-]+|[\s,;|•·:–—-]+$/g, '');
  const roles: string[] = [];
  let unknown = 0;
  let publication: string | undefined;
  let leadInside = false;
  let afterWho = false;
  let sinceRole = -1;
  for (let seg of splitSegments(t)) {
    const inner = LEAD.exec(seg);
    if (inner && !lead) {
      // "Le Monde | 4 May 2015 | By Jane Doe": the lead word opens a later segment.
      seg = seg.slice(inner[0].length).trim();
      leadInside = true;
    }
    const paren = /^(.*?)\s*\(([^()]{2,40})\)$/.exec(seg);
    if (paren?.[2]) {
      if (looksLikeOutlet(paren[2]) || /^\p{Lu}/u.test(paren[2])) publication ??= paren[2].trim();
      seg = paren[1]?.trim() ?? '';
      if (!seg) continue;
    }
    if (/^(?:\S+@\S+\.\S+|@\w+|https?:\/\/\S+|www\.\S+)$/i.test(seg)) continue;
    if (/^(?:follow|email|contact|bio|view profile|more from)\b/i.test(seg)) continue;
    if (isPlaceholderName(seg)) {
      unknown++;
      continue;
    }
    // Single-case names are re-cased: "JANE DOE" always, "jane doe" only after a lead word
    // (a lower-case phrase alone, "emerging tech", is no name).
    const recase =
      isSingleCase(seg) &&
      seg.length > 3 &&
      !/^[A-Z]{2,6}$/.test(seg) &&
      (lead !== null || leadInside || seg === seg.toUpperCase());
    const cased = recase ? fixNameCase(seg) : seg;
    if (sinceRole >= 0) sinceRole++;
    const split = splitTrailingOutlet(cased, lead !== null || leadInside);
    if (split) {
      if (!result.authors.includes(split.person)) result.authors.push(split.person);
      publication ??= split.outlet;
      afterWho = true;
      continue;
    }
    if (looksLikeRole(cased)) {
      roles.push(cased);
      sinceRole = 0;
    } else if (sinceRole > 1 && (lead || leadInside) && isTitleCased(seg)) {
      // Deep in a role description: "Senior Technologist, ACLU Speech, Privacy, and Technology Project".
      continue;
    } else if (looksLikeOutlet(seg))
      // Outlets keep their own casing ("USA TODAY", "BBC"); only all-lower-case ones are capitalised.
      publication ??= seg === seg.toLowerCase() && seg.length > 6 ? fixNameCase(seg) : seg;
    else if (looksLikePerson(cased)) {
      if (!result.authors.includes(cased)) result.authors.push(cased);
    } else if (dateSegment(seg, options)) {
      result.dateText ??= seg;
      readDates(seg, options, result);
    } else if ((lead || leadInside) && CJK_NAME.test(seg)) {
      // "作者：王小明", "记者 李华": a Chinese or Japanese name after a lead word.
      if (!result.authors.includes(seg)) result.authors.push(seg);
    } else if (afterWho && (lead || leadInside) && isTitleCased(seg.replace(/^and\s+/i, ''))) {
      // The rest of a role description: "Senior Technologist, ACLU Speech, Privacy, and Technology Project".
      continue;
    } else unknown++;
    afterWho = result.authors.length > 0 || roles.length > 0;
  }
  if (leadInside) result.lead = true;
  if (publication !== undefined) result.publication = publication;
  if (roles.length > 0) result.roles = roles;
  const hasWho = result.authors.length > 0 || publication !== undefined;
  if (lead || leadInside) {
    result.kind = hasWho && unknown === 0 ? 'byline' : 'none';
  } else if (result.authors.length > 0 && unknown === 0 && t.split(/\s+/).length <= 12) {
    // Without a lead word a name alone is not enough: it needs an outlet, a role or a date beside it.
    const beside = publication !== undefined || roles.length > 0 || result.dateText !== undefined;
    result.kind = beside ? 'byline' : 'none';
  } else if (result.authors.length === 0 && unknown === 0 && publication !== undefined) {
    // "Reuters November 18, 2019 11:03 PM": an outlet with a date.
    const dated = result.published !== undefined || result.modified !== undefined;
    result.kind = dated && t.split(/\s+/).length <= 6 ? 'byline' : 'none';
  } else if (result.authors.length === 0 && unknown === 0 && publication === undefined) {
    // "发布时间：2022-02-13 04:22:18 来源：…": a line that opens with a date label is a date line.
    const labelled =
      dm?.index === 0 && flat.length <= 90 && (result.published ?? result.modified) !== undefined;
    result.kind = labelled || isDateOnly(flat, options) ? 'date' : 'none';
    if (result.kind === 'date' && result.published === undefined && result.modified === undefined) {
      result.dateText = flat;
      readDates(flat, options, result);
    }
  }
  if (result.kind === 'none') return { ...none, lead: result.lead };
  return result;
}

/** Whether a whole line is a date line ("Published 12 March 2024", "2 hours ago"). */
function isDateOnly(line: string, options: DateOptions): boolean {
  return line.length <= 90 && dateSegment(line, options);
}

/** Whether a name token is an outlet's ("FOXBusiness", "USA", "WebMD"), not a person's. */
function outletToken(token: string): boolean {
  return (
    /^\p{Lu}{2,}(?:\p{Ll}|$)/u.test(token) ||
    /\p{Ll}\p{Lu}{2,}/u.test(token) ||
    /\.(?:com|org|net)$/i.test(token)
  );
}

/** "Jonathan Garber FOXBusiness", "Kevin McCoy USA TODAY": a name with its outlet glued on. */
function splitTrailingOutlet(
  segment: string,
  lead: boolean,
): { person: string; outlet: string } | undefined {
  const tokens = segment.split(/\s+/);
  if (tokens.length < 3 || isSingleCase(segment)) return undefined;
  for (let k = 2; k <= Math.min(4, tokens.length - 1); k++) {
    const person = tokens.slice(0, k).join(' ');
    const outlet = tokens.slice(k).join(' ');
    if (!looksLikePerson(person) || !isTitleCased(outlet)) continue;
    if (outletToken(tokens[k] ?? '') || (lead && ORG_WORD.test(outlet) && !looksLikePerson(outlet)))
      return { person, outlet };
  }
  return undefined;
}

/** Parse a byline line into authors and publication. */
export function parseByline(text: string, options: DateOptions = {}): ParsedByline {
  const line = readBylineLine(text, options);
  const result: ParsedByline = { authors: line.authors };
  if (line.publication !== undefined) result.publication = line.publication;
  if (line.dateText !== undefined) result.dateText = line.dateText;
  if (line.published !== undefined) result.published = line.published;
  if (line.modified !== undefined) result.modified = line.modified;
  if (line.roles !== undefined) result.roles = line.roles;
  return result;
}

/** The house-style byline line: "By A, B and C, Publication". */
export function formatByline(
  parsed: Pick<ParsedByline, 'authors' | 'publication'>,
): string | undefined {
  const names = parsed.authors;
  let who = '';
  if (names.length === 1) who = names[0] ?? '';
  else if (names.length > 1)
    who = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const parts = [who, parsed.publication ?? ''].filter((p) => p.length > 0);
  return parts.length > 0 ? `By ${parts.join(', ')}` : undefined;
}
