/**
 * Attribution in prose: who says, reports or is quoted. Generic patterns over
 * sentence structure, no list of outlets:
 *
 * - subject + reporting verb: "CBS News says…", "Sky News reports", "Putin said";
 * - reporting verb + subject (inverted): "…, says the BBC", "says Professor
 *   Andrei Lankov of Seoul's Kookmin University", "told Reuters";
 * - "according to the Russian presidential spokesman, Dmitry Peskov";
 * - the same shapes with common French, German, Spanish, Portuguese and
 *   Italian reporting verbs ("a déclaré", "sagte", "dijo", "selon", "laut");
 * - possessive: "The Guardian's Andrew Roth" (outlet and person);
 * - anaphora: "the broadcaster reports", "he said" (resolved by the caller).
 *
 * Quoted text is masked first, so names inside quotations are not sources.
 */

export type SourceKind = 'outlet' | 'person' | 'organisation' | 'unknown';

export interface Attribution {
  /** The name as written, titles stripped ("Andrei Lankov", "CBS News"). */
  name: string;
  kind: SourceKind;
  /** Offsets of the attribution (name and verb) in the text. */
  start: number;
  end: number;
  /** An outlet named with a person ("The Guardian's Andrew Roth"). */
  outlet?: string | undefined;
  /** Set for "the broadcaster", "he": the kind of earlier source it refers to. */
  anaphor?: 'outlet' | 'person' | 'organisation' | undefined;
}

const VERB =
  'says|said|say|reports|reported|report|told|tells|writes|wrote|notes|noted|adds|added|explains|explained|argues|argued|claims|claimed|warns|warned|believes|believed|states|stated|announced|announces|confirms|confirmed|reveals|revealed|suggests|suggested|insists|insisted|asks|asked|replied|recalls|recalled|observes|observed|predicts|predicted|estimates|estimated|concludes|concluded|reckons|reckoned|continues|continued|a déclaré|a dit|a expliqué|a affirmé|a estimé|a souligné|a ajouté|déclare|explique|affirme|estime|souligne|ajoute|sagte|sagt|erklärte|erklärt|betonte|meinte|dijo|afirmó|declaró|explicó|señaló|aseguró|disse|afirmou|declarou|explicou|ha detto|ha dichiarato|ha spiegato|ha affermato';

const CAP = "(?:\\p{Lu}(?:[\\p{L}\\p{M}.\\-]|['’](?=\\p{Lu}))*)";
const CONNECT = '(?:of|for|de|del|da|van|von|al|bin|la|le|du|y)';
const SPAN = `${CAP}(?:\\s+(?:${CONNECT}\\s+)?${CAP}){0,5}`;
/** A span without connectors: stops before "of", so "Andrei Lankov of Seoul's …" gives "Andrei Lankov". */
const PARTICLE = '(?:de|del|da|van|von|al|bin|la|le|du|der|den|ter|dos|das)';
const SPAN_NC = `${CAP}(?:\\s+(?:${PARTICLE}\\s+)*${CAP}){0,5}`;
/** Where an inverted attribution may start: after a quotation, a comma, or at the start. */
const INVERTED_BEFORE = '(?:^|[,\u2063”"»“]\\s*|[.!?]\\s+)';
const POSS = "['’]s";

/** Words capitalised only because they open a sentence or clause. */
const STARTERS = new Set(
  'But And Yet So However Meanwhile Also Then Now In On At As If When While After Before This That These Those It He She They We I You His Her Their Our Its A An For One Some Many Most Both Even Still Indeed Instead Moreover Furthermore Thus Last First Later Earlier Today Yesterday Speaking Asked Writing Separately There Here What Why How Who Where Which Under Over With Without From By To Of Since Until Despite Although Though Because'.split(
    ' ',
  ),
);

const TITLES =
  /^(?:(?:\p{Lu}\.)+\s+)?(?:(?:Professor|Prof\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Mx\.?|Sir|Dame|Lord|Lady|President|Vice President|Prime Minister|Minister|Chancellor|Senator|Sen\.?|Rep\.?|Representative|Governor|Gov\.?|Mayor|General|Gen\.?|Colonel|Col\.?|Captain|Capt\.?|Judge|Justice|Chief|Secretary|Ambassador|King|Queen|Prince|Princess|Pope|Rev\.?|Father|Sister|Brother|Saint|Coach|Detective|Officer|Sergeant|Sgt\.?|Director|Chairman|Chairwoman|Spokesman|Spokeswoman|Leader|Premier|Commissioner|Inspector|Economist|Analyst|Author|Editor|Correspondent|Reporter|Attorney|Attorney General|Prosecutor|Sheriff|Deputy|Lawyer|Dean|CEO|Chief Executive|Founder|Administrator|Lt\.?|Lieutenant|Major|Maj\.?|Admiral|Adm\.?|Commander|Cmdr\.?)\s+)+/u;
/** A title inside a span, before a name ("InfoNation President Dan McDowell"). */
const TITLE_INSIDE = new RegExp(`\\s(?=${TITLES.source.slice(1)}\\p{Lu}\\S*\\s+\\p{Lu})`, 'u');

const OUTLET_WORDS =
  /\b(?:News|Times|Post|Journal|Guardian|Independent|Telegraph|Herald|Tribune|Gazette|Daily|Weekly|Magazine|Radio|TV|Television|Broadcasting|Broadcast|Press|Wire|Reuters|Bloomberg|Welle|Observer|Chronicle|Express|Mirror|Standard|Economist|Monitor|Review|Zeitung|Nachrichten|Rundfunk|Presse|Spiegel|Monde|Figaro|Libération|País|Mundo|Corriere|Repubblica|Pravda|Izvestia|Network|Channel|Insider|Wired|Atlantic|Politico|Axios|Vox|Slate|Salon|Report|Dispatch|Bulletin|Courier|Sentinel|Examiner|Inquirer|Enquirer|Register|Record|Star|Sun|Globe|Mail|Today|Online|Media)\b/u;

const ORG_WORDS =
  /\b(?:Ministry|Department|Government|Kremlin|White House|Pentagon|University|College|Institute|Council|Commission|Agency|Bank|Company|Corporation|Corp|Inc|Ltd|Party|Office|Committee|Court|Police|Army|Navy|Association|Foundation|Union|Organisation|Organization|Centre|Center|Group|Authority|Board|Bureau|Federation|Parliament|Congress|Senate|Assembly|Embassy|Service|Services|Trust|Society|Fund|Alliance|League|Club|Church|Hospital|School|Academy|Laboratory|Lab|Cabinet|Administration|Coalition|Movement|District|County|Province|Equities|Capital|Partners|Securities|Holdings|Research|Analytics|Consulting|Associates|Ventures|Labs|Systems|Technologies|Industries|Motors|Airlines|Energy|Pharmaceuticals|Studios|Entertainment|Games|Software|Bureau|International|Worldwide|Global)\b/u;

const ORG_ACRONYMS = new Set([
  'UN',
  'EU',
  'NATO',
  'WHO',
  'IMF',
  'FBI',
  'CIA',
  'NASA',
  'UNICEF',
  'OPEC',
  'WTO',
  'NSA',
  'IAEA',
  'OECD',
  'ECB',
  'FDA',
  'CDC',
  'SEC',
  'MI5',
  'MI6',
  'KGB',
  'FSB',
  'ASEAN',
]);

const ANAPHOR_OUTLET =
  /^(?:the|this|that)\s+(?:broadcaster|newspaper|paper|agency|news agency|network|channel|outlet|site|website|magazine|station|publication|daily|tabloid|journal|wire service|programme|program|blog)$/i;
const ANAPHOR_PERSON =
  /^(?:he|she|the\s+(?:official|spokesman|spokeswoman|spokesperson|minister|president|professor|analyst|expert|researcher|author|reporter|correspondent|leader|chancellor|senator|governor|mayor|economist|scientist|man|woman|former\s+\w+))$/i;
const ANAPHOR_ORG =
  /^(?:the\s+(?:company|firm|ministry|department|government|agency|group|organisation|organization|university|bank|council|party|court|police))$/i;

/** Known multi-word person names in the text, to tell "Kim" or "Putin" from "Moscow". */
export type NameIndex = ReadonlySet<string>;

/** Classify a source name. `names` holds single tokens that belong to a person name seen in the text. */
export function kindOf(name: string, names: NameIndex = new Set()): SourceKind {
  let n = name.replace(/^the\s+/i, '');
  // "USA TODAY": classify capitals as title case (acronyms of one word stay).
  if (/\s/.test(n) && n === n.toUpperCase())
    n = n.replace(/\p{L}+/gu, (w) => (w.length <= 3 ? w : w.charAt(0) + w.slice(1).toLowerCase()));
  if (ORG_ACRONYMS.has(n)) return 'organisation';
  if (OUTLET_WORDS.test(n)) return 'outlet';
  if (ORG_WORDS.test(n)) return 'organisation';
  // "The Hollywood Reporter", "The We Company": a name with an article is not a person's.
  if (/^The\s/.test(name)) return 'outlet';
  if (/^\p{Lu}{2,5}$/u.test(n)) return /[BCSNR]$/.test(n) ? 'outlet' : 'organisation';
  const tokens = n.split(/\s+/);
  if (
    tokens.length >= 2 &&
    tokens.length <= 4 &&
    tokens.every((t) => /^\p{Lu}/u.test(t) || /^(?:de|van|von|da|al|bin|del|la|le)$/.test(t))
  )
    return 'person';
  if (tokens.length === 1 && names.has(n)) return 'person';
  return 'unknown';
}

const PERSON_RUN = new RegExp(`(?<![\\p{L}])(${CAP}(?:\\s+${CAP}){1,2})(?![\\p{L}])`, 'gu');

/** Single tokens that belong to person-shaped spans of the text ("Vladimir Putin" → Vladimir, Putin). */
export function personTokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(PERSON_RUN)) {
    const span = stripStarters(m[1] ?? '');
    const tokens = span.split(/\s+/);
    if (tokens.length < 2 || kindOf(span) !== 'person') continue;
    for (const t of tokens) if (!STARTERS.has(t)) out.add(t);
  }
  return out;
}

function stripStarters(span: string): string {
  const tokens = span.split(/\s+/);
  while (tokens.length > 0 && STARTERS.has(tokens[0] ?? '')) tokens.shift();
  return tokens.join(' ');
}

/** Words that are never a source on their own, and trailing dates ("Argus Leader Monday"). */
const NOT_SOURCE =
  /^(?:The|A|An|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Rs|Mr|Mrs|Ms|Dr)$/;
const TRAILING_DAY =
  /\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday)$/;

/** Titles off, "X of Y" cut after a person's name, trailing punctuation off. */
function tidy(name: string): string {
  let n = name
    .replace(/(?<![.,;:])[.,;:]+$/, '')
    .replace(TRAILING_DAY, '')
    .trim();
  // "InfoNation President Dan McDowell": the name after a title inside the span.
  const inner = TITLE_INSIDE.exec(n);
  if (inner) n = n.slice(inner.index + 1);
  const hadTitle = TITLES.test(n) || inner !== null;
  n = n.replace(TITLES, '');
  const of = /^(.+?)\s+(?:of|for|from|at)\s+(.+)$/u.exec(n);
  if (of?.[1] && (hadTitle || kindOf(of[1]) === 'person')) n = of[1];
  return n;
}

/** Replace quoted passages with a placeholder of the same length. */
export function maskQuotes(text: string, spans: readonly { start: number; end: number }[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    parts.push(text.slice(at, s.start), '\u2063'.repeat(s.end - s.start));
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

// The patterns of `findAttributions` (global, used with `matchAll` only: no shared `lastIndex`).
const SUBJECT_VERB = new RegExp(
  `(?<![\\p{L}\\p{N}])((?:The\\s+)?${SPAN})(?:${POSS}\\s+(${SPAN_NC}))?\\s+(?:also\\s+|later\\s+|then\\s+|previously\\s+|has\\s+|had\\s+|have\\s+)?(?:${VERB})(?![\\p{L}])`,
  'gu',
);
const VERB_SUBJECT = new RegExp(
  `(${INVERTED_BEFORE}(?:${VERB})|(?<![\\p{L}])told)\\s+(?:the\\s+)?((?:The\\s+)?${SPAN_NC})(?:${POSS}\\s+(${SPAN_NC}))?`,
  'gu',
);
const APPOSITIVE = new RegExp(
  `${INVERTED_BEFORE}(?:${VERB})\\s+(?:the|a|an|its|their|his|her)\\s+(?:[\\p{Ll}-]+\\s+){0,4}[\\p{Ll}-]+,\\s+(${SPAN_NC})`,
  'gu',
);
/** Every pattern but "according to" needs a reporting verb: a text without one skips them. */
const ANY_VERB = new RegExp(`(?:${VERB})`, 'u');
const ANY_SPAN = new RegExp(`(?:The\\s+)?${SPAN}`, 'gu');
const ANAPHORA = new RegExp(
  `(?<![\\p{L}])((?:[Tt]he|[Tt]his|[Tt]hat)\\s+(?:former\\s+)?\\p{Ll}+(?:\\s+\\p{Ll}+)?|[Hh]e|[Ss]he)\\s+(?:${VERB})(?![\\p{L}])|(?:${VERB})\\s+((?:the|this|that)\\s+\\p{Ll}+(?:\\s+\\p{Ll}+)?|he|she)(?![\\p{L}])`,
  'gu',
);

/**
 * Attributions in `text` (quotations already masked). Returns them in text
 * order; anaphora ("the broadcaster reports") carry `anaphor` and an empty name.
 */
export function findAttributions(text: string, names: NameIndex = new Set()): Attribution[] {
  const out: Attribution[] = [];
  const starts = new Set<number>();
  const push = (a: Attribution): void => {
    if (
      !a.anaphor &&
      (!a.name || STARTERS.has(a.name) || NOT_SOURCE.test(a.name) || a.name.length < 2)
    )
      return;
    if (starts.has(a.start)) return;
    starts.add(a.start);
    out.push(a);
  };
  const verb = ANY_VERB.test(text);
  const all = (re: RegExp): Iterable<RegExpMatchArray> => (verb ? text.matchAll(re) : []);
  // 1. subject + verb: "CBS News says", "The Independent reports", "Putin said"
  for (const m of all(SUBJECT_VERB)) {
    const owner = stripStarters(m[1] ?? '');
    if (!owner) continue;
    const start = (m.index ?? 0) + m[0].indexOf(owner);
    if (m[2]) {
      const person = tidy(m[2]);
      push({
        name: person,
        kind: kindOf(person, names),
        start,
        end: (m.index ?? 0) + m[0].length,
        outlet: tidy(owner),
      });
    } else {
      const name = tidy(owner);
      push({ name, kind: kindOf(name, names), start, end: (m.index ?? 0) + m[0].length });
    }
  }
  // 2. verb + subject: "says the BBC", "says Professor Andrei Lankov", "told Reuters", "says The Guardian's Andrew Roth"
  for (const m of all(VERB_SUBJECT)) {
    const owner = m[2] ?? '';
    const start = (m.index ?? 0) + (m[1]?.search(/\p{L}/u) ?? 0);
    const end = (m.index ?? 0) + m[0].length;
    if (m[3]) {
      const person = tidy(m[3]);
      push({ name: person, kind: kindOf(person, names), start, end, outlet: tidy(owner) });
    } else {
      const name = tidy(stripStarters(owner));
      push({ name, kind: kindOf(name, names), start, end });
    }
  }
  // 2b. verb + role + name: "said the project architect, Tomasz Wierzbicki"
  for (const m of all(APPOSITIVE)) {
    const name = tidy(m[1] ?? '');
    const start = (m.index ?? 0) + (m[0].search(/\p{L}/u) ?? 0);
    push({ name, kind: kindOf(name, names), start, end: (m.index ?? 0) + m[0].length });
  }
  // 3. "according to …": the person-like span of the clause, else its first name.
  const acc =
    /(?<![\p{L}])(?:according to|selon|laut|según|segundo|secondo)\s+([^.;!?\u2063]{2,120})/giu;
  for (const m of text.matchAll(acc)) {
    const clause = m[1] ?? '';
    const spans = [...clause.matchAll(ANY_SPAN)]
      .map((s) => tidy(stripStarters(s[0])))
      .filter((s) => s.length > 1);
    const pick =
      spans.find((s) => kindOf(s, names) === 'person') ??
      spans.find((s) => kindOf(s, names) !== 'unknown') ??
      spans[0];
    const start = m.index ?? 0;
    if (pick) push({ name: pick, kind: kindOf(pick, names), start, end: start + m[0].length });
  }
  // 4. anaphora: "the broadcaster reports", "he said"
  for (const m of all(ANAPHORA)) {
    const phrase = (m[1] ?? m[2] ?? '').toLowerCase();
    const anaphor = ANAPHOR_OUTLET.test(phrase)
      ? 'outlet'
      : ANAPHOR_PERSON.test(phrase)
        ? 'person'
        : ANAPHOR_ORG.test(phrase)
          ? 'organisation'
          : undefined;
    if (!anaphor) continue;
    const start = m.index ?? 0;
    push({ name: '', kind: anaphor, start, end: start + m[0].length, anaphor });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A quotation in a text: offsets include the marks; `text` is without them. */
export interface Quotation {
  start: number;
  end: number;
  text: string;
}

const CLOSERS: Readonly<Record<string, readonly string[]>> = {
  '“': ['”'],
  '„': ['“', '”'],
  '«': ['»'],
  '»': ['«'],
  '‹': ['›'],
  '「': ['」'],
  '『': ['』'],
  '"': ['"'],
};

/**
 * Direct quotations: “…”, "…", « … », „…“, 「…」; UK-style ‘…’ only when the
 * text has no double marks (apostrophes make single marks ambiguous).
 * Nested quotations stay inside their outer quotation.
 */
export function findQuotations(text: string): Quotation[] {
  const out: Quotation[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    const closers = CLOSERS[ch];
    if (!closers || (ch === '"' && !/^\S/.test(text.slice(i + 1, i + 2)))) {
      i++;
      continue;
    }
    let j = -1;
    for (let k = i + 1; k < text.length && k - i < 5000; k++) {
      const c = text[k] ?? '';
      if (closers.includes(c) && !(ch === '"' && /\p{L}/u.test(text[k + 1] ?? ''))) {
        j = k;
        break;
      }
    }
    if (j === -1) break;
    const inner = text.slice(i + 1, j).trim();
    if (inner.length > 0) out.push({ start: i, end: j + 1, text: inner });
    i = j + 1;
  }
  if (out.length === 0 && !/[“”"«»„]/.test(text)) return findSingleQuotations(text);
  return out;
}

function findSingleQuotations(text: string): Quotation[] {
  const out: Quotation[] = [];
  const re = /(?<![\p{L}\p{N}])‘(\p{L}[^‘]*?[\p{L}\p{N}.,!?])’(?![\p{L}])/gu;
  for (const m of text.matchAll(re)) {
    const inner = m[1] ?? '';
    if (inner.split(/\s+/).length >= 3)
      out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: inner });
  }
  return out;
}
