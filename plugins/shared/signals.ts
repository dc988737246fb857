/**
 * Per-block signals for the generic boilerplate detectors, the same for all
 * three input forms (text, Markdown, HTML): length, words, sentence shape,
 * stopword density for the page's language, link density, markup overhead,
 * list/heading structure, position, repetition, lexicon hits and HTML hints.
 *
 * `pageSignals(tree, file, lexicon)` splits the page into *units* (the blocks
 * the detectors score and label whole) and measures each one. Pure: nothing
 * is written to the tree.
 */
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { peek } from './label.js';
import { fold, type Lexicon, type LexiconHit, lexiconHitsFolded } from './lexicon.js';
import { PIECE, segments } from './segment.js';
import { STOPWORDS } from './stopwords.js';
import { blockText } from './text.js';
import type { Hints } from './types.js';

declare module 'vfile' {
  interface DataMap {
    /** Per-text block measurements of this document, shared by `pageSignals` calls (see `textSignals`). */
    signalCache: globalThis.Map<string, TextSignals>;
  }
}

export type UnitKind =
  | 'paragraph'
  | 'heading'
  | 'list'
  | 'quote'
  | 'table'
  | 'code'
  | 'media'
  | 'other';

export interface BlockSignals {
  node: RootContent;
  /** Index in the page's unit list. */
  index: number;
  kind: UnitKind;
  text: string;
  /** Non-space characters, CJK-aware (`cjk` chars count 3 each, as a short word). */
  chars: number;
  /** Word-like segments (Intl.Segmenter: CJK split into dictionary words). */
  words: number;
  /** Sentence-ending punctuation marks followed by space or end. */
  sentences: number;
  /** The text ends like a sentence (. ! ? … : and CJK equivalents, closing quotes allowed). */
  endsWithPunct: boolean;
  /**
   * Stopwords of the page language / words (`undefined` when the language is
   * unknown), scaled up on a page whose sentences the list covers thinly
   * (`scaleStopwords`).
   */
  stopwordDensity: number | undefined;
  /** Characters inside links / characters (0..1). */
  linkDensity: number;
  /** Number of links in the block. */
  links: number;
  /** Source characters that are not text / source characters (Markdown syntax, URLs), 0..1. */
  markupOverhead: number;
  /** List items (0 if not a list). */
  items: number;
  /** Mean words per list item (0 if not a list). */
  itemWords: number;
  /** Share of list items ending like a sentence (0 if not a list). */
  itemSentences: number;
  /** Relative position of the block's first word in the page's words (0..1). */
  position: number;
  /** How many units of the page have the same folded text (1 = unique). */
  repeats: number;
  lexicon: LexiconHit[];
  hints: Hints | undefined;
  /** The block is only a date and/or time (“Tuesday November 19, 2019”, “11/20/2019 01:14 PM”). */
  dateOnly: boolean;
  /** Lines of a list or list item that are only a date (stamps of teaser cards; 0 for other blocks). */
  dateLines: number;
}

export interface PageSignals {
  /** Detected language (`en`, `fr`, …) or `und`. */
  language: string;
  blocks: BlockSignals[];
  words: number;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const TERMINAL = /[.!?…。！？](?=[\s"'”’»)\]]|$)/gu;
/**
 * A sentence end: terminal punctuation (the wave dash `~`/`～` closes informal
 * Korean, Japanese and Chinese sentences) or an emoji, which ends a sentence
 * in informal writing (“…known to the world 🙂”), then closing quotes,
 * brackets, emphasis marks or more emoji (“…at the festival! 🙂”).
 */
const ENDS =
  /(?:[.!?…:;。！？：~～]|\p{Extended_Pictographic})(?:[\s"'”’»)\]*_]|\p{Extended_Pictographic}|\u200d|\ufe0f)*$/u;
const SEPARATORS = /\s[»›|•·/>]\s/gu;
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/**
 * The page's units: root children, descending into a container (list,
 * blockquote) that holds most of the page, as some dumps wrap the whole
 * layout in one list.
 */
export function pageUnits(tree: Root): RootContent[] {
  let units: RootContent[] = tree.children;
  for (let depth = 0; depth < 4; depth++) {
    const total = units.reduce((n, u) => n + blockText(u).length, 0);
    const big = units.find(
      (u) =>
        (u.type === 'list' || u.type === 'blockquote' || u.type === 'listItem') &&
        u.children.length > 1 &&
        blockText(u).length > 0.6 * total,
    );
    if (!big || total === 0) break;
    const inner = (big as Parent).children as RootContent[];
    units = units.flatMap((u) => (u === big ? inner : [u]));
  }
  return units;
}

function kindOf(node: RootContent): UnitKind {
  switch (node.type) {
    case 'paragraph': {
      const kids = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
      return kids.length > 0 && kids.every((c) => c.type === 'image' || c.type === 'imageReference')
        ? 'media'
        : 'paragraph';
    }
    case 'heading':
      return 'heading';
    case 'list':
    case 'listItem':
      return 'list';
    case 'blockquote':
      return 'quote';
    case 'table':
      return 'table';
    case 'code':
      return 'code';
    default:
      return 'other';
  }
}

function linkChars(node: Nodes): { chars: number; links: number } {
  let chars = 0;
  let links = 0;
  const walk = (n: Nodes) => {
    if (n.type === 'link' || n.type === 'linkReference') {
      links++;
      chars += blockText(n).replace(/\s+/g, '').length;
      return;
    }
    if ('children' in n) for (const c of (n as Parent).children) walk(c as Nodes);
  };
  walk(node);
  return { chars, links };
}

/** List items at any depth (a menu nests its sections). */
function countItems(node: Nodes): number {
  let n = 0;
  const walk = (x: Nodes) => {
    if (x.type === 'listItem') n++;
    if ('children' in x) for (const c of (x as Parent).children) walk(c as Nodes);
  };
  walk(node);
  return Math.max(1, node.type === 'listItem' ? n - 1 : n);
}

/** Share of the leaf list items whose text ends like a sentence. */
function itemSentenceShare(node: Nodes): number {
  let n = 0;
  let ended = 0;
  const walk = (x: Nodes) => {
    if (x.type === 'listItem' && !x.children.some((c) => c.type === 'list')) {
      n++;
      if (ENDS.test(blockText(x).trim())) ended++;
      return;
    }
    if ('children' in x) for (const c of (x as Parent).children) walk(c as Nodes);
  };
  walk(node);
  return n > 0 ? ended / n : 0;
}

/**
 * Text in ASCII and Latin letters without `_`, combining marks or format
 * characters: there the segmenter's word-like segments are exactly
 * `LATIN_WORD`'s matches (UAX #29: letters and digits run together; `.` `'`
 * `’` `:` join letters, `.` `,` `;` `'` `’` join digits), which is many
 * times faster. Checked against Intl.Segmenter on every corpus block and
 * line and on a million fuzzed strings over these characters.
 */
const LATIN_TEXT =
  /^[\t\n\r\x20-\x5E\x60-\x7E\u00A0\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F\u2013\u2014\u201C\u201D\u2019\u2026]*$/;
const LATIN_WORD =
  /[a-zA-Z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F0-9]+(?:(?:(?<=[a-zA-Z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F])[.'’:](?=[a-zA-Z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F])|(?<=[0-9])[.,;'’](?=[0-9]))[a-zA-Z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F0-9]+)*/g;
/** A stretch `segments()` would have to cut inside (no white space for half a piece). */
const UNSPACED_STRETCH = new RegExp(`[^ \\t\\n\\u3000]{${PIECE >> 1}}`);

/** Words of `text` as folded word-like segments. */
export function wordsOf(text: string): string[] {
  const lower = text.toLowerCase();
  if (LATIN_TEXT.test(lower) && (lower.length <= PIECE || !UNSPACED_STRETCH.test(lower)))
    return lower.match(LATIN_WORD) ?? [];
  const out: string[] = [];
  for (const s of segments(segmenter, lower)) if (s.isWordLike) out.push(s.segment);
  return out;
}

const DATE_WORDS = new Set(
  (
    'jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december ' +
    'mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday ' +
    'am pm a.m p.m utc gmt et est edt pt pst pdt bst cet cest at on published updated posted ago hour hours minute minutes min mins day days week weeks ' +
    'janvier février mars avril mai juin juillet août septembre octobre novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche le à publié mis jour il y ' +
    'januar februar märz juni juli oktober dezember montag dienstag mittwoch donnerstag freitag samstag sonntag uhr um am vor stunden ' +
    'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre de del hace horas ' +
    'gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre ore fa ' +
    'janeiro fevereiro março maio junho julho setembro outubro novembro dezembro há ' +
    'januari februari maart mei augustus oktober uur geleden'
  ).split(' '),
);

/** Only date and time words and numbers, with at least one number. */
function isDateOnly(words: readonly string[], text: string): boolean {
  if (words.length === 0 || words.length > 10 || !/\d/.test(text)) return false;
  return words.every(
    (w) => /^\d+(?:st|nd|rd|th|h)?$/.test(w) || DATE_WORDS.has(w.replace(/\.$/, '')),
  );
}

/** Lines of a block's text that are only a date. */
function countDateLines(text: string): number {
  let n = 0;
  for (const line of text.split('\n')) if (/\d/.test(line) && isDateOnly(wordsOf(line), line)) n++;
  return n;
}

/** Sentence ends, not counting abbreviations such as “Mr.”, “Sen.”, “U.S.” or initials. */
function countSentences(text: string): number {
  let n = 0;
  for (const m of text.matchAll(TERMINAL)) {
    const before = text.slice(Math.max(0, m.index - 6), m.index);
    if (m[0] === '.' && /(?:^|[\s(“"'])(?:\p{Lu}[\p{L}.]{0,3}|\p{Ll})$/u.test(before)) continue;
    n++;
  }
  return n;
}

/** The stopword languages, and for each stopword the indices of the languages that list it. */
const LANGS = [...STOPWORDS.keys()];
const STOPWORD_LANGS: ReadonlyMap<string, readonly number[]> = (() => {
  const out = new Map<string, number[]>();
  LANGS.forEach((lang, i) => {
    for (const w of STOPWORDS.get(lang) ?? []) {
      const list = out.get(w);
      if (list) list.push(i);
      else out.set(w, [i]);
    }
  });
  return out;
})();

/** Guess the page language from stopword hits; `und` when too few. */
export function detectLanguage(words: readonly string[]): string {
  return languageOfUnits([words]);
}

/**
 * `detectLanguage` over the words of several units, without joining them:
 * one look-up per word; the first language (in `STOPWORDS` order) with the
 * most hits wins.
 */
function languageOfUnits(units: readonly (readonly string[])[]): string {
  const hits = new Array<number>(LANGS.length).fill(0);
  let total = 0;
  for (const words of units) {
    total += words.length;
    for (const w of words) {
      const langs = STOPWORD_LANGS.get(w);
      if (langs) for (const i of langs) hits[i]! += 1;
    }
  }
  let best = 'und';
  let bestHits = 0;
  for (const [i, lang] of LANGS.entries())
    if (hits[i]! > bestHits) {
      best = lang;
      bestHits = hits[i]!;
    }
  return bestHits >= 5 && bestHits >= 0.05 * total ? best : 'und';
}

/** What `pageSignals` measures on a unit's text alone (shared, read-only). */
export interface TextSignals {
  words: string[];
  /** `fold(text)`. */
  key: string;
  sentences: number;
  /** Lexicon hits by lexicon signature (`lexiconSignature`). */
  hits: Map<string, LexiconHit[]>;
}

/** Identifies a compiled lexicon by content (plugins compile their own copies). */
export function lexiconSignature(lexicon: Lexicon): string {
  let sig = '';
  for (const [concept, re] of lexicon) sig += `${concept}\u0000${re.source}\u0001`;
  return sig;
}

/**
 * The text measurements of one unit, remembered for the document
 * (`file.data.signalCache`): several detectors measure the same page.
 */
function textSignals(text: string, file: VFile | undefined): TextSignals {
  if (file) file.data.signalCache ??= new Map();
  const cache = file?.data.signalCache;
  let hit = cache?.get(text);
  if (!hit) {
    hit = {
      words: wordsOf(text),
      key: fold(text),
      sentences: countSentences(text),
      hits: new Map(),
    };
    cache?.set(text, hit);
  }
  return hit;
}

function hitsOf(t: TextSignals, lexicon: Lexicon, signature: string): LexiconHit[] {
  let hits = t.hits.get(signature);
  if (!hits) {
    hits = lexiconHitsFolded(lexicon, t.key);
    t.hits.set(signature, hits);
  }
  return hits;
}

/** Measure every unit of the page. */
export function pageSignals(tree: Root, file: VFile | undefined, lexicon: Lexicon): PageSignals {
  const units = pageUnits(tree);
  const source = typeof file?.value === 'string' ? file.value : undefined;
  const texts = units.map((u) => blockText(u));
  const measured = texts.map((t) => textSignals(t, file));
  const signature = lexiconSignature(lexicon);
  const words = measured.map((m) => m.words);
  const language = languageOfUnits(words);
  const stop = STOPWORDS.get(language);
  const counts = new Map<string, number>();
  const keys = measured.map((m) => m.key);
  for (const k of keys) if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  const total = words.reduce((n, w) => n + w.length, 0);
  let seen = 0;
  const blocks = units.map((node, index): BlockSignals => {
    const text = texts[index]!;
    const w = words[index]!;
    const bare = text.replace(/\s+/g, '');
    const cjk = bare.match(CJK)?.length ?? 0;
    const chars = bare.length + 2 * cjk;
    const { chars: lc, links } = linkChars(node);
    let markupOverhead = 0;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (source && start !== undefined && end !== undefined && end > start) {
      const raw = source.slice(start, end).replace(/\s+/g, '').length;
      markupOverhead = raw > 0 ? Math.max(0, Math.min(1, 1 - bare.length / raw)) : 0;
    }
    const items = node.type === 'list' || node.type === 'listItem' ? countItems(node) : 0;
    const position = total > 0 ? seen / total : 0;
    seen += w.length;
    let stopwords = 0;
    if (stop) for (const x of w) if (stop.has(x)) stopwords++;
    return {
      node,
      index,
      kind: kindOf(node),
      text,
      chars,
      words: w.length,
      sentences: measured[index]!.sentences,
      endsWithPunct: ENDS.test(text.trim()),
      stopwordDensity: stop && w.length > 0 ? stopwords / w.length : undefined,
      linkDensity: bare.length > 0 ? Math.min(1, lc / bare.length) : 0,
      links,
      markupOverhead,
      items,
      itemWords: items > 0 ? w.length / items : 0,
      itemSentences: items > 0 ? itemSentenceShare(node) : 0,
      position,
      repeats: keys[index] ? (counts.get(keys[index]!) ?? 1) : 1,
      lexicon: hitsOf(measured[index]!, lexicon, signature),
      hints: peek(node)?.hints,
      dateOnly: isDateOnly(w, text),
      dateLines: node.type === 'list' || node.type === 'listItem' ? countDateLines(text) : 0,
    };
  });
  scaleStopwords(blocks);
  return { language, blocks, words: total };
}

/** Stopword density of sentences in a language its list covers well (English prose: about 0.4). */
const SENTENCE_DENSITY = 0.25;

/**
 * A stopword list covers some pages thinly: a language close to a listed one
 * (Ukrainian read with the Russian list, Slovak with the Czech one). Measured
 * on the page's own sentences (8+ words, ending like a sentence), a thin
 * cover scales every block's density up (at most 3×), so the page's prose is
 * not taken for stopword-poor chrome. Pages of a listed language are left as
 * they are.
 */
function scaleStopwords(blocks: BlockSignals[]): void {
  let hits = 0;
  let count = 0;
  for (const b of blocks) {
    // Undefined: no list for the page language (then on every block), or an empty block.
    if (b.stopwordDensity === undefined || b.words < 8) continue;
    if (!b.endsWithPunct || b.kind === 'heading') continue;
    // The block's stopword count, back from its density (exact after rounding).
    hits += Math.round(b.stopwordDensity * b.words);
    count += b.words;
  }
  if (count < 60) return;
  const density = hits / count;
  if (density >= SENTENCE_DENSITY) return;
  const k = Math.min(3, SENTENCE_DENSITY / Math.max(density, 0.01));
  for (const b of blocks)
    if (b.stopwordDensity !== undefined) b.stopwordDensity = Math.min(1, b.stopwordDensity * k);
}

const CHROME_TOKENS =
  /(?:^|[-_])(?:nav|navbar|menu|header|footer|sidebar|aside|widget|comments?|related|recommend\w*|share|sharing|social|newsletter|subscribe|promo|advert\w*|ads?|banner|cookie\w*|breadcrumbs?|pagination|tags?|byline|author-bio|popular|trending|more-stories)(?:$|[-_])/;
const ARTICLE_TOKENS =
  /(?:^|[-_])(?:article|post|entry|story|content|body|text|main)(?:-?(?:body|content|text))?(?:$|[-_])/;

/**
 * HTML evidence as a number: negative for chrome landmarks/classes, positive
 * inside `<article>`/`<main>`/articleBody, 0 without hints.
 */
export function hintScore(hints: Hints | undefined): number {
  if (!hints) return 0;
  let score = 0;
  const anc = hints.ancestors ?? [];
  const roles = hints.roles ?? [];
  if (anc.includes('article') || anc.includes('main') || roles.includes('main')) score += 1;
  if ((hints.itemprops ?? []).some((p) => /articlebody|text/i.test(p))) score += 1;
  if (
    anc.some((a) => a === 'nav' || a === 'aside' || a === 'footer' || a === 'header') ||
    roles.some((r) => /navigation|complementary|contentinfo|banner|search/.test(r))
  )
    score -= 1.5;
  const tokens = hints.tokens ?? [];
  if (tokens.some((t) => CHROME_TOKENS.test(t))) score -= 1;
  else if (tokens.some((t) => ARTICLE_TOKENS.test(t))) score += 0.5;
  return score;
}

/** Concepts that mark chrome when they cover a good share of a short block. */
export function strongLexicon(b: BlockSignals): LexiconHit | undefined {
  let best: LexiconHit | undefined;
  for (const h of b.lexicon) {
    // A long block is chrome by its phrases only when they make up a good part
    // of it (a share bar of twenty “Share this with …” items), never for a
    // mention in running text.
    const need = b.words <= 4 ? 0.3 : b.words <= 12 ? 0.15 : b.words <= 25 ? 0.1 : 0.25;
    if (h.coverage >= need && (!best || h.coverage > best.coverage)) best = h;
  }
  return best;
}

/** Stopword density is plausible for prose (true when the language is unknown). */
export function proseStopwords(b: BlockSignals): boolean {
  return b.stopwordDensity === undefined || b.stopwordDensity >= 0.12;
}

/** A block that reads as running prose: long enough, sentence-shaped, few links. */
export function isProse(b: BlockSignals): boolean {
  if (b.kind === 'heading' || b.kind === 'code' || b.kind === 'media') return false;
  if (b.linkDensity > 0.4) return false;
  // Breadcrumbs and menus on one line: “News » World » Europe”, “Home | About | Jobs”.
  if (b.words < 25 && (b.text.match(SEPARATORS)?.length ?? 0) >= 2) return false;
  if (b.kind === 'list' && b.itemWords < 8) return false;
  // A list of titles (“Ten things…”, “How to…”) is not prose; a list of sentences is.
  if (b.kind === 'list' && b.itemWords < 15 && b.itemSentences < 0.5) return false;
  const sentence = b.endsWithPunct || b.sentences >= 1;
  // Name-heavy news prose (sports, markets) has few stopwords but sentence punctuation.
  if (b.words >= 25 && sentence && (b.stopwordDensity ?? 1) >= 0.05) return true;
  if (!proseStopwords(b)) return false;
  if (b.words >= 25) return true;
  return b.words >= 8 && (b.endsWithPunct || b.sentences >= 1) && b.chars >= 40;
}
