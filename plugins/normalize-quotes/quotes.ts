/**
 * The quotation-mark engine: reads every quote-like mark of a run (straight,
 * curly, low-9, reversed, guillemets, primes, acute, `` and ''), decides what
 * each one *is* — an opening or closing quotation mark, an apostrophe, or a
 * prime — from its neighbours and the quote structure of the whole run, and
 * writes it in the chosen style. Nesting depth comes from the structure, not
 * from the input's choice of double or single marks, so a UK-style input
 * (‘outer “inner”’) comes out right in US style (“outer ‘inner’”) and back.
 */
import type { Replacements, RunTransform } from '../shared/typography.js';
import { frenchInnerSpace, nbspRequired, toFixpoint } from '../shared/typography.js';

/** A concrete style: what each role is written as. */
export interface Glyphs {
  /** [open, close] per nesting level (0 = outermost, 1 = nested; deeper levels alternate). */
  levels: readonly [readonly [string, string], readonly [string, string]];
  apostrophe: string;
  /** Marks that pair with nothing keep their kind: [open, close] for double and single. */
  double: readonly [string, string];
  single: readonly [string, string];
  /** Spaces inside the outer marks (French), '' otherwise. */
  innerSpace: string;
}

export type ConcreteStyle = 'curly' | 'uk' | 'straight' | 'fr' | 'de';

const NBSP = '\u00A0';

export const STYLES: Readonly<Record<ConcreteStyle, Glyphs>> = {
  curly: {
    levels: [
      ['“', '”'],
      ['‘', '’'],
    ],
    apostrophe: '’',
    double: ['“', '”'],
    single: ['‘', '’'],
    innerSpace: '',
  },
  uk: {
    levels: [
      ['‘', '’'],
      ['“', '”'],
    ],
    apostrophe: '’',
    double: ['“', '”'],
    single: ['‘', '’'],
    innerSpace: '',
  },
  straight: {
    levels: [
      ['"', '"'],
      ["'", "'"],
    ],
    apostrophe: "'",
    double: ['"', '"'],
    single: ["'", "'"],
    innerSpace: '',
  },
  de: {
    levels: [
      ['„', '“'],
      ['‚', '‘'],
    ],
    apostrophe: '’',
    double: ['„', '“'],
    single: ['‚', '‘'],
    innerSpace: '',
  },
  fr: {
    levels: [
      ['«', '»'],
      ['“', '”'],
    ],
    apostrophe: '’',
    double: ['«', '»'],
    single: ['‘', '’'],
    innerSpace: NBSP,
  },
};

const DOUBLE = new Set(['"', '“', '”', '„', '‟', '″', '«', '»']);
const SINGLE = new Set(["'", '‘', '’', '‚', '‛', '´', '′', '‹', '›']);
const GUILLEMET = new Set(['«', '»', '‹', '›']);
const PRIME = new Set(['′', '″']);
/** Characters a quotation may open after. */
const OPENISH = /[([{<\u2014\u2013\-/\u2012\u2015]/;
/** Characters a quotation may close before. */
const CLOSISH = /[.,;:!?)\]}>\u2026\u2014\u2013\-/\u2012\u2015*]/;
const WORD = /[\p{L}\p{N}\p{M}\uFFFC]/u;
const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\p{Nd}/u;
const INLINE_SPACE = /[ \t\u00A0\u202F\u2009\u200A]/;
/** Elisions that start with an apostrophe (checked case-insensitively after the mark). */
const ELISION =
  /^(?:n['’‘]?(?![\p{L}\p{N}])|tis\b|twas\b|em\b|cause\b|til\b|bout\b|cuz\b|n\b|\d\d(?:s\b|(?![\p{L}\p{N}])))/iu;

type Role = 'open' | 'close' | 'apos' | 'prime' | 'keep';

interface Token {
  start: number;
  end: number;
  kind: 'd' | 's';
  canOpen: boolean;
  canClose: boolean;
  role?: Role;
  partner?: number;
  /** A guillemet with spaces on both sides (`a » b`): maybe a separator, not a quote. */
  spacedBoth?: boolean;
}

function isSpace(c: string): boolean {
  return c === '' || /\s/.test(c);
}

/** Any character `tokenize` reads (`DOUBLE`, `SINGLE`, the backtick): text without one has no tokens. */
const QUOTE_LIKE = /["“”„‟″«»'‘’‚‛´′‹›`]/;

function isQuoteChar(c: string): boolean {
  return DOUBLE.has(c) || SINGLE.has(c) || c === '`';
}

/** Read the quote-like marks of a run. */
function tokenize(text: string, protect: Uint8Array): Token[] {
  if (!QUOTE_LIKE.test(text)) return [];
  const tokens: Token[] = [];
  // `''` closes a double quotation only in a run that uses `` to open one (TeX style).
  let texOpen = false;
  for (let i = 0; i < text.length; i++) {
    if (protect[i]) continue;
    const c = text[i]!;
    let end = i + 1;
    let kind: 'd' | 's';
    if (c === '`' && text[i + 1] === '`' && !protect[i + 1]) {
      kind = 'd';
      end = i + 2;
      texOpen = true;
    } else if (c === "'" && text[i + 1] === "'" && !protect[i + 1] && texOpen) {
      kind = 'd';
      end = i + 2;
    } else if (DOUBLE.has(c)) kind = 'd';
    else if (SINGLE.has(c)) kind = 's';
    else continue;
    tokens.push({ start: i, end, kind, canOpen: false, canClose: false });
    i = end - 1;
  }
  for (const t of tokens) flank(text, t);
  return tokens;
}

function flank(text: string, t: Token): void {
  const p = text[t.start - 1] ?? '';
  const n = text[t.end] ?? '';
  const pSpace = isSpace(p);
  const nSpace = isSpace(n);
  t.canOpen = !nSpace && (pSpace || OPENISH.test(p) || isQuoteChar(p));
  t.canClose = !pSpace && (nSpace || CLOSISH.test(n) || isQuoteChar(n));
  const c = text[t.start]!;
  if (!GUILLEMET.has(c)) return;
  // French spacing: « word » — the inner space is part of the mark.
  let j = t.end;
  while (INLINE_SPACE.test(text[j] ?? '')) j++;
  let k = t.start - 1;
  while (k >= 0 && INLINE_SPACE.test(text[k]!)) k--;
  const after = text[j] ?? '';
  const before = text[k] ?? '';
  if ((c === '«' || c === '‹') && j > t.end && frenchInnerSpace(true, after)) {
    t.spacedBoth = pSpace;
    t.canOpen = true;
    t.canClose = false;
    t.end = j;
  } else if ((c === '»' || c === '›') && k < t.start - 1 && frenchInnerSpace(false, before)) {
    t.spacedBoth = nSpace;
    t.canClose = true;
    t.canOpen = false;
    t.start = k + 1;
  }
}

function markChar(text: string, t: Token): string {
  // The mark itself, skipping absorbed French spaces.
  for (let i = t.start; i < t.end; i++) if (!INLINE_SPACE.test(text[i]!)) return text[i]!;
  return text[t.start]!;
}

/** Feet and inches, degrees-minutes-seconds: marks that are primes. */
function primeIndices(text: string): Set<number> {
  const primes = new Set<number>();
  const feet = /\d(['’′])\s?\d+(?:\.\d+)?(["”″]|'')?/g;
  for (let m = feet.exec(text); m; m = feet.exec(text)) {
    primes.add(m.index + 1);
    if (m[2]) primes.add(m.index + m[0].length - m[2].length);
  }
  const degrees = /\d°\s?\d+(?:\.\d+)?(['’′])(?:\s?\d+(?:\.\d+)?(["”″]|''))?/g;
  for (let m = degrees.exec(text); m; m = degrees.exec(text)) {
    const minutes = m.index + m[0].indexOf(m[1]!, m[0].indexOf('°'));
    primes.add(minutes);
    if (m[2]) primes.add(m.index + m[0].length - m[2].length);
  }
  return primes;
}

/** Decide the role of every token. */
/** Which glyphs read as opening / closing when the neighbours cannot tell. */
interface Hints {
  open: ReadonlySet<string>;
  close: ReadonlySet<string>;
}

/**
 * Hints follow the target style, so that a mark the first pass wrote is read
 * the same way by the next (`“` closes in German, opens elsewhere).
 */
function hintsFor(style: ConcreteStyle): Hints {
  // Straight marks say nothing about their role: the stack alone decides.
  if (style === 'straight') return { open: new Set(), close: new Set() };
  if (style === 'de')
    return {
      open: new Set(['„', '‚', '«', '‹', '``', '‟', '‛']),
      close: new Set(['“', '‘', '”', '’', '»', '›']),
    };
  return {
    open: new Set(['“', '‘', '„', '‚', '‟', '‛', '«', '‹', '``']),
    close: new Set(['”', '’', '»', '›', "''"]),
  };
}

function decide(text: string, tokens: Token[], hints: Hints): void {
  const primes = primeIndices(text);
  const stack: number[] = [];
  const nearest = (kind: 'd' | 's', stopAtDouble: boolean): number => {
    for (let s = stack.length - 1; s >= 0; s--) {
      const t = tokens[stack[s]!]!;
      if (t.kind === kind) return s;
      if (stopAtDouble && t.kind === 'd') return -1;
    }
    return -1;
  };
  const closeAt = (s: number, idx: number) => {
    const openIdx = stack[s]!;
    for (let x = stack.length - 1; x > s; x--) tokens[stack[x]!]!.role = 'open'; // unmatched
    stack.length = s;
    tokens[openIdx]!.partner = idx;
    tokens[idx]!.partner = openIdx;
    tokens[idx]!.role = 'close';
  };

  // Neither side tells: the glyph may (by the style's hints), else the stack.
  const ambiguous = (idx: number, s: number) => {
    const t = tokens[idx]!;
    const glyph = text.slice(t.start, t.end).trim();
    if (hints.open.has(glyph) || (s < 0 && !hints.close.has(glyph))) {
      t.role = 'open';
      stack.push(idx);
    } else if (s >= 0) closeAt(s, idx);
    else t.role = 'close';
  };

  for (let idx = 0; idx < tokens.length; idx++) {
    const t = tokens[idx]!;
    const c = markChar(text, t);
    const p = text[t.start - 1] ?? '';
    const n = text[t.end] ?? '';
    if (primes.has(t.start) || (PRIME.has(c) && DIGIT.test(p))) {
      t.role = 'prime';
      continue;
    }
    // `» Home`, `Read more »»`, `« Back`: guillemets as bullets and arrows.
    if (
      GUILLEMET.has(c) &&
      ((isSpace(p) && isSpace(n)) || p === c || n === c || text[t.end] === c)
    ) {
      t.role = 'keep';
      continue;
    }
    if (t.spacedBoth) {
      // `News » World`: a separator unless it closes an open quotation;
      // `a « b`: a separator unless a closing guillemet follows.
      const closes = c === '»' || c === '›';
      const pairs = closes
        ? nearest(t.kind, false) >= 0
        : tokens.slice(idx + 1).some((u) => u.kind === t.kind && u.canClose && !u.canOpen);
      if (!pairs) {
        t.role = 'keep';
        continue;
      }
    }
    if (t.kind === 's') {
      if (WORD.test(p) && LETTER.test(n)) {
        t.role = 'apos'; // don't, Russia's, rock'n'roll
        continue;
      }
      const rest = text.slice(t.end, t.end + 8);
      // `'90s` is always an elision; `'95 was good,' he said` may open a quotation.
      const decade = /^\d\ds\b/.test(rest);
      if (
        t.canOpen &&
        ELISION.test(rest) &&
        (decade || /^n['’‘]/i.test(rest) || !closesLater(tokens, idx, text))
      ) {
        t.role = 'apos'; // '90s, 'tis, rock 'n' roll
        if (/^n['’‘]/i.test(rest)) {
          const next = tokens[idx + 1];
          if (next && next.start === t.end + 1) next.role = 'apos';
        }
        continue;
      }
      if (t.role === 'apos') continue; // set by a preceding elision
      if (DIGIT.test(p) && !t.canOpen) {
        const s = nearest('s', true);
        if (s >= 0 && stack.length - 1 === s) closeAt(s, idx);
        else t.role = 'prime';
        continue;
      }
      if (t.canOpen && !t.canClose) {
        t.role = 'open';
        stack.push(idx);
        continue;
      }
      const s = nearest('s', true);
      if (t.canClose && !t.canOpen) {
        if (s >= 0 && !(LETTER.test(p) && possessive(text, tokens, idx))) closeAt(s, idx);
        else t.role = s >= 0 || LETTER.test(p) ? 'apos' : 'close';
        continue;
      }
      ambiguous(idx, s);
      continue;
    }
    // double
    if (DIGIT.test(p) && !t.canOpen) {
      const s = nearest('d', false);
      if (s >= 0) closeAt(s, idx);
      else t.role = 'prime';
      continue;
    }
    const s = nearest('d', false);
    if (t.canOpen && !t.canClose) {
      t.role = 'open';
      stack.push(idx);
    } else if (t.canClose && !t.canOpen) {
      if (s >= 0) closeAt(s, idx);
      else t.role = 'close';
    } else ambiguous(idx, s);
  }
}

/**
 * A closing-looking single mark after a letter inside an open single
 * quotation: is it a plural possessive ("the students' books") rather than the
 * close? Yes when the sentence goes on in lower case and a later mark can
 * close the quotation before any new single quotation opens.
 */
function possessive(text: string, tokens: Token[], idx: number): boolean {
  const t = tokens[idx]!;
  if (!/^\s+\p{Ll}/u.test(text.slice(t.end, t.end + 3))) return false;
  for (let j = idx + 1; j < tokens.length; j++) {
    const u = tokens[j]!;
    if (u.kind === 'd') return false;
    if (u.canOpen && !u.canClose) return false;
    if (u.canClose && !u.canOpen && !LETTER.test(text[u.end] ?? '')) return true;
  }
  return false;
}

/** For `'tis`: is there a later single mark that could close a quotation opened here? */
function closesLater(tokens: Token[], idx: number, text: string): boolean {
  for (let j = idx + 1; j < tokens.length; j++) {
    const u = tokens[j]!;
    if (u.kind === 'd') return false;
    const intraWord = WORD.test(text[u.start - 1] ?? '') && LETTER.test(text[u.end] ?? '');
    if (u.canClose && !u.canOpen && !intraWord) return true;
    if (u.canOpen && !u.canClose) return false;
  }
  return false;
}

/** Quote-mark replacements for one run in the given style. */
export function quoteTransform(
  style: ConcreteStyle,
): (text: string, protect: Uint8Array) => Replacements | undefined {
  const pass = onePass(style);
  return toFixpoint((text, protect) => pass(text, protect) ?? strayNoBreakSpaces(text, protect));
}

/**
 * No-break spaces next to a quotation mark that typography does not require
 * (left behind when a guillemet became another mark) become plain spaces,
 * as the white-space normaliser would make them.
 */
function strayNoBreakSpaces(text: string, protect: Uint8Array): Replacements | undefined {
  if (!text.includes('\u00A0') && !text.includes('\u202F')) return undefined;
  const repl: Replacements = new Map();
  for (let i = 0; i < text.length; i++) {
    if (protect[i] || !/[\u00A0\u202F]/.test(text[i]!)) continue;
    const prev = text[i - 1] ?? '';
    const next = text[i + 1] ?? '';
    if (!isQuoteChar(prev) && !isQuoteChar(next)) continue;
    if (!nbspRequired(text[i - 2] ?? '', prev, next, text[i + 2] ?? '')) repl.set(i, ' ');
  }
  return repl.size > 0 ? repl : undefined;
}

/** One reading of the marks; `quoteTransform` repeats it to a fixed point. */
function onePass(style: ConcreteStyle): RunTransform {
  const g = STYLES[style];
  const hints = hintsFor(style);
  return (text, protect) => {
    const tokens = tokenize(text, protect);
    if (tokens.length === 0) return undefined;
    decide(text, tokens, hints);
    // Depth of matched pairs.
    let open = 0;
    const level = new Map<number, number>();
    tokens.forEach((t, i) => {
      if (t.role === 'open' && t.partner !== undefined) {
        level.set(i, open % 2);
        open++;
      } else if (t.role === 'close' && t.partner !== undefined) {
        open = Math.max(0, open - 1);
        level.set(i, open % 2);
      }
    });
    const repl: Replacements = new Map();
    tokens.forEach((t, i) => {
      let out: string;
      const lv = level.get(i);
      if (t.role === 'prime' || t.role === 'keep' || t.role === undefined) return;
      if (t.role === 'apos') out = g.apostrophe;
      else {
        const pair =
          lv !== undefined ? g.levels[lv as 0 | 1] : t.kind === 'd' ? g.double : g.single;
        out = t.role === 'open' ? pair[0] : pair[1];
        const outer = lv === 0 || (lv === undefined && t.kind === 'd');
        if (g.innerSpace && outer) {
          if (t.role === 'open') {
            // absorb spaces already there
            let j = t.end;
            while (j < text.length && INLINE_SPACE.test(text[j]!) && !protect[j]) j++;
            if (
              nbspRequired(text[t.start - 1] ?? '', out, text[j] ?? '', text[j + 1] ?? '') &&
              !(t.partner !== undefined && tokens[t.partner]!.start <= j)
            ) {
              out += g.innerSpace;
              t.end = j;
            }
          } else {
            let k = t.start;
            while (k > 0 && INLINE_SPACE.test(text[k - 1]!) && !protect[k - 1]) k--;
            if (
              nbspRequired(text[k - 2] ?? '', text[k - 1] ?? '', out, text[t.end] ?? '') &&
              !(t.partner !== undefined && tokens[t.partner]!.end >= k)
            ) {
              out = g.innerSpace + out;
              t.start = k;
            }
          }
        }
      }
      const current = text.slice(t.start, t.end);
      if (current === out) return;
      repl.set(t.start, out);
      for (let k = t.start + 1; k < t.end; k++) repl.set(k, '');
    });
    return repl.size > 0 ? repl : undefined;
  };
}

/** Run the transform on a plain string. */
export function normalizeQuotes(text: string, style: ConcreteStyle): string {
  const protect = new Uint8Array(text.length);
  const repl = quoteTransform(style)(text, protect);
  if (!repl) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) out += repl.get(i) ?? text[i];
  return out;
}
