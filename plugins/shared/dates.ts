/**
 * Dates from byline-ish text and from metadata values, as ISO 8601 strings.
 *
 * - A date with a certain time and zone keeps its local time and offset
 *   (`2020-03-05T15:45:00-04:00`), so the calendar day stays the one written.
 * - A date with a time but no zone is floating (`2020-03-05T15:45:00`).
 * - A date alone is `YYYY-MM-DD`.
 * - Relative dates ("2 hours ago", "yesterday") and dates without a year are
 *   resolved only against a caller's reference date; otherwise unresolved
 *   (an empty field beats a wrong one).
 */
import * as chrono from 'chrono-node';

declare module 'vfile' {
  interface DataMap {
    /** Date readings of this document's text, shared by the byline readings (see `parseDate`). */
    dateCache: globalThis.Map<string, ParsedDate | null>;
  }
}

export interface ParsedDate {
  /** ISO 8601. */
  iso: string;
  /** The text chrono read the date from. */
  text: string;
  /** Offset of `text` in the input. */
  index: number;
  /** Whether the date depends on the reference date (relative or year-less). */
  relative: boolean;
}

export interface DateOptions {
  /** Resolve relative dates against this instant. */
  referenceDate?: Date | undefined;
  /** BCP-47 language of the text; picks a chrono locale (default: English). */
  language?: string | undefined;
  /**
   * Readings already made for this document (`file.data.dateCache`), keyed by
   * text, language and reference date; `null` for "no date". Parsing is a pure
   * function of those, so a cache changes nothing but the time.
   */
  cache?: Map<string, ParsedDate | null> | undefined;
}

type ChronoLike = Pick<typeof chrono, 'parse'>;

const LOCALES: Record<string, ChronoLike> = {
  en: chrono.en,
  fr: chrono.fr,
  de: chrono.de,
  es: chrono.es,
  pt: chrono.pt,
  nl: chrono.nl,
  it: chrono.it,
  ja: chrono.ja,
  ru: chrono.ru,
  sv: chrono.sv,
  zh: chrono.zh,
  uk: chrono.uk,
};

/** Two far-apart probes: a date that depends on the reference moves between them. */
const PROBE_A = new Date(Date.UTC(2001, 0, 10, 12));
const PROBE_B = new Date(Date.UTC(2013, 6, 20, 12));

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

function componentsIso(c: chrono.ParsedComponents): string {
  const y = c.get('year') ?? 0;
  const date = `${pad(y, 4)}-${pad(c.get('month') ?? 1)}-${pad(c.get('day') ?? 1)}`;
  if (!c.isCertain('hour')) return date;
  const time = `${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}:${pad(c.get('second') ?? 0)}`;
  const tz = c.isCertain('timezoneOffset') ? c.get('timezoneOffset') : null;
  return `${date}T${time}${tz === null || tz === undefined ? '' : offsetText(tz)}`;
}

const FALLBACK: ChronoLike[] = [
  chrono.en,
  chrono.fr,
  chrono.de,
  chrono.es,
  chrono.pt,
  chrono.it,
  chrono.nl,
];

function localeFor(language: string | undefined): ChronoLike[] {
  const primary = language?.toLowerCase().split('-')[0];
  if (!primary) return FALLBACK;
  const own = LOCALES[primary];
  return own && own !== chrono.en ? [own, chrono.en] : [chrono.en];
}

/** Local date and time of a parse, without zone: what the text says. */
function wallClock(c: chrono.ParsedComponents): string {
  return [c.get('year'), c.get('month'), c.get('day'), c.get('hour'), c.get('minute')].join('/');
}

/**
 * The first date in `text`, or undefined. Relative dates need
 * `options.referenceDate`.
 */
export function parseDate(text: string, options: DateOptions = {}): ParsedDate | undefined {
  if (text.length > 500 || !SUBSTANCE.test(text)) return undefined;
  const cache = options.cache;
  if (!cache) return parseUncached(text, options);
  const key = `${options.referenceDate?.getTime() ?? ''}\u0000${options.language ?? ''}\u0000${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const found = parseUncached(text, options);
  cache.set(key, found ?? null);
  return found;
}

function parseUncached(text: string, options: DateOptions): ParsedDate | undefined {
  let best: ParsedDate | undefined;
  for (const parser of localeFor(options.language)) {
    const found = parseWith(parser, text, options);
    // Several locales may read something: keep the longest reading ("24 novembre 2017 à 18:42", not "18:42").
    if (found !== null && (!best || (found && found.text.length > best.text.length))) best = found;
    if (best && best.text.length >= text.trim().length - 2) break;
    // Without a language, other locales are only worth trying on text English cannot be all of.
    if (parser === chrono.en && !options.language && !FOREIGN.test(text)) break;
  }
  return best ?? undefined;
}

/** Cues that a date is not written in English: accented letters, dd.mm.yyyy, other languages' month names and links. */
const FOREIGN =
  /[^\x00-\x7f]|\d{1,2}\.\d{1,2}\.\d{2,4}|\b(?:janv|févr|avr|mai|juin|juil|sept|oct|nov|déc|janvier|mars|avril|juillet|août|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|januari|februari|maart|mei|augustus|le|la|el|de|del|am|um|à|h\d)\b/iu;

/**
 * A date needs the shape of one: a year, a day.month pair, a clock time, a
 * month name next to a number, a CJK date, or a relative word. Anything else
 * ("Top 10 stories", "5 comments") is not worth a parse, which matters:
 * chrono builds its patterns on every call.
 */
/** Month names by their first letters (en, fr, de, es, pt, it, nl, sv). */
const MONTH =
  '(?:jan|feb|fév|fev|mar|mär|apr|avr|abr|may|mai|mag|mei|jun|juin|giu|jul|juil|lug|aug|aoû|ago|sep|set|oct|okt|out|ott|nov|dec|déc|dez|dic|ene|gen|maa)\\p{L}*\\.?';

const SUBSTANCE = new RegExp(
  [
    '(?<!\\d)(?:1[89]|20)\\d\\d(?!\\d)',
    '\\d{1,2}\\s*[./-]\\s*\\d{1,2}',
    '\\d{1,2}\\s*[:h.]\\s*\\d{2}\\s*(?:[ap]\\.?m|uhr|h)?',
    '\\d{1,2}\\s*(?:[ap]\\.?m\\b)',
    '\\d+\\s*(?:年|月|日|일|월|년)',
    '\\d+\\s*(?:sec|min|hour|hr|day|week|month|year|std|stunde|tag|jour|heure|mois|an|día|hora|mes|año|dia|mês|ano|giorn|or[ae]|mes|ann|dag|uur|maand|jaar|час|дн|недел|месяц|год)',
    '\\b(?:ago|yesterday|today|hier|aujourd|gestern|heute|vorgestern|ayer|hoy|ontem|hoje|ieri|oggi|gisteren|vandaag|igår|idag)\\b',
    'вчера|сегодня|昨日|今日|昨天|今天',
    `\\d{1,2}\\.?\\s*(?:de\\s+)?${MONTH}`,
    `${MONTH}\\s+\\d{1,2}(?!\\d)`,
  ].join('|'),
  'iu',
);

/** One locale's reading: a date, `undefined` (read but unresolved), or `null` (nothing read). */
function parseWith(
  parser: ChronoLike,
  text: string,
  options: DateOptions,
): ParsedDate | undefined | null {
  const [a] = parser.parse(text, PROBE_A);
  if (!a) return null;
  const [b] = parser.parse(text, PROBE_B);
  const relative = !b || wallClock(b.start) !== wallClock(a.start);
  if (!relative) {
    if (!a.start.isCertain('day') || !a.start.isCertain('month')) return undefined;
    // Zone names such as "ET" resolve by the reference's daylight saving: parse again at the
    // date itself. Without a zone in the text the reading does not depend on the reference
    // (same text, same wall clock: same ISO string), so one parse is enough.
    const [own] = a.start.isCertain('timezoneOffset') ? parser.parse(text, a.start.date()) : [];
    const c = own && wallClock(own.start) === wallClock(a.start) ? own.start : a.start;
    return { iso: componentsIso(c), text: a.text, index: a.index, relative };
  }
  if (!options.referenceDate) return undefined;
  const [r] = parser.parse(text, options.referenceDate);
  if (!r) return undefined;
  const iso = r.start.isCertain('hour')
    ? r.start
        .date()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z')
    : componentsIso(r.start);
  return { iso, text: r.text, index: r.index, relative };
}

const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A machine date from metadata (`article:published_time`, JSON-LD,
 * `<time datetime>`), normalised to ISO 8601; free text goes through
 * `parseDate`. Unreadable values give undefined.
 */
export function normalizeDate(value: unknown, options: DateOptions = {}): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Unix seconds or milliseconds.
    const ms = value > 1e11 ? value : value * 1000;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!text) return undefined;
  const m = ISO_LIKE.exec(text);
  if (m) {
    const [, y, mo, d, h, mi, s, tz] = m;
    const month = Number(mo);
    const day = Number(d);
    if (month < 1 || month > 12 || day < 1 || day > 31 || Number(y) < 1900) return undefined;
    if (h === undefined) return `${y}-${mo}-${d}`;
    const zone =
      tz === undefined
        ? ''
        : tz === 'Z'
          ? 'Z'
          : tz.includes(':')
            ? tz
            : `${tz.slice(0, 3)}:${tz.slice(3)}`;
    return `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${zone}`;
  }
  if (/^\d{8}$/.test(text)) {
    const iso = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
    return normalizeDate(iso);
  }
  return parseDate(text, options)?.iso;
}

/** The calendar day (`YYYY-MM-DD`) of an ISO string. */
export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

/** A full date written the Chinese way or as digits: `2021-1-29`, `2005/09/07`, `2004年12月27日`, with an optional time. */
const CJK_DATE =
  /((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?![\d])\s*日?(?:\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?/gu;

/** Labels right before a publication date: 发布 (published), 发表 (posted), 时间/日期 (time/date), 发布于/发表于 (posted on). */
const CJK_DATE_BEFORE = /(?:发布|发表|时间|日期|发布于|发表于)\s*[:：]?\s*$/u;

/** A bare 于 ("on") before the date counts only in a line that says it was posted (发表/发布): "本贴由 某某 于…发表". */
const CJK_ON = /于\s*$/u;
const CJK_POSTED = /发表|发布/u;

/** Labels of a post's meta line right after its date: reads, clicks, views, source, comments, author, editor. */
const CJK_META_AFTER = /^\s*[|｜]?\s*(?:阅读|点击|浏览|来源|来自|评论|作者|编辑|人气)/u;

/**
 * The publication date of a short Chinese meta line: one full date with a
 * label before it ("发布: 2021-1-29 13:18 | 点击: 313", "某某 发表于
 * 2005-9-15 11:46:00"; a bare 于 only when 发表/发布 follows, as in "本贴由
 * 某某 于2005年8月12日16:12:21…发表", not "建立于…" or prose) or a
 * post's meta label after it ("2004-12-10 阅读10544次"). A line with two
 * dates (a list of links with their days) or without Han characters gives
 * none. ISO `YYYY-MM-DD`, with `THH:MM[:SS]` when the line has the time.
 */
export function cjkMetaDate(line: string): string | undefined {
  const text = line.replace(/\s+/g, ' ').trim();
  if (text.length > 120 || !/\p{Script=Han}/u.test(text)) return undefined;
  const dates = [...text.matchAll(CJK_DATE)];
  if (dates.length !== 1) return undefined;
  const m = dates[0]!;
  const before = text.slice(Math.max(0, m.index - 8), m.index);
  const after = text.slice(m.index + m[0].length);
  const labelled =
    CJK_DATE_BEFORE.test(before) ||
    CJK_META_AFTER.test(after) ||
    (CJK_ON.test(before) && CJK_POSTED.test(after));
  if (!labelled) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (m[4] === undefined || m[5] === undefined) return date;
  const hour = Number(m[4]);
  if (hour > 23 || Number(m[5]) > 59) return date;
  return `${date}T${pad(hour)}:${m[5]}${m[6] ? `:${m[6]}` : ''}`;
}
