/**
 * remark-normalize-whitespace — white space and invisible characters.
 *
 * What, per inline run (a block's text across emphasis, links…):
 * - Unicode NFC (`e` + U+0301 → `é`);
 * - zero-width characters removed: U+200B, U+2060, U+FEFF always; U+200D
 *   (ZWJ) and U+200C (ZWNJ) only where they join nothing: ZWJ is kept inside
 *   emoji sequences (👩‍💻) and between letters of scripts that use it
 *   (Devanagari, Arabic…), ZWNJ between non-Latin letters (Persian `می‌خواهم`);
 * - soft hyphens (U+00AD) removed;
 * - no-break and odd-width spaces (U+00A0, U+202F, U+2007, U+2000–U+200A,
 *   U+205F) become a normal space, except where typography wants them: before
 *   `; : ! ? »` and after `«` (French), next to a digit (`10 000`, `5 km`,
 *   `p. 5`);
 * - runs of spaces and tabs collapsed to one; white space at the start and end
 *   of a block and before a line break removed.
 * Line breaks themselves (soft breaks in Markdown) are kept.
 *
 * When: early, before the detectors, so phrase matching sees clean text.
 * Never inside code, inline code, HTML, URLs or front matter.
 *
 * Options: `nfc` (default: `true`), `keepNbsp` (default: `true`: keep
 * no-break spaces where typography requires them; `false` turns every one
 * into a space).
 *
 * Messages: `normalize-whitespace`, one per changed block (old → new text).
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { nbspRequired, type Replacements, transformTree } from '../shared/typography.js';

export interface Options {
  /** Compose to Unicode NFC (default: `true`). */
  nfc?: boolean;
  /** Keep no-break spaces where typography requires them (default: `true`). */
  keepNbsp?: boolean;
}

export const defaults = { nfc: true, keepNbsp: true } as const satisfies Required<Options>;

export const RULE = 'normalize-whitespace';

/** Spaces that collapse (ASCII space, tab, no-break and odd-width spaces): `isSpaceAt`. */
const NBSP_LIKE = /[\u00A0\u202F\u2007\u2000-\u200A\u205F]/;
const ZW_ALWAYS = /[\u200B\u2060\uFEFF\u00AD]/;
/** Any character step 1 looks at (most runs hold none: the step is skipped). */
const ANY_INVISIBLE = /[\u200B\u2060\uFEFF\u00AD\u200C\u200D]/;
/** Whether `text` holds a non-ASCII character: only such text can change under NFC (step 2). */
function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return true;
  return false;
}

/** `SPACE.test(text[i])` by character code (called on every character of a run). */
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x20 || c === 0x09) return true;
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x202f || c === 0x2007 || (c >= 0x2000 && c <= 0x200a) || c === 0x205f;
}
const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F|\u20E3/u;
const NON_LATIN_LETTER = /[\p{L}\p{M}]/u;
const LATIN_LIKE = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;

function codePointBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) return text.slice(i - 2, i);
  return text[i - 1]!;
}

function codePointAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** Combining marks no script owns (U+0301 …): they take the script of their base letter. */
const INHERITED = /\p{Script=Inherited}/u;
const MARK = /\p{M}/u;

/**
 * The letter a joiner at `i` follows, past combining marks that belong to
 * no script: in `e` + U+0301 + ZWJ it is `e` (Latin), so the joiner goes
 * whether or not the text is NFC yet (normalising twice changes nothing).
 */
function baseBefore(text: string, i: number): string {
  let j = i;
  let prev = codePointBefore(text, j);
  while (prev && MARK.test(prev) && INHERITED.test(prev)) {
    j -= prev.length;
    prev = codePointBefore(text, j);
  }
  return prev || codePointBefore(text, i);
}

/** Whether a zero-width joiner / non-joiner at `i` does a job. */
function joinerNeeded(text: string, i: number): boolean {
  const prev = codePointBefore(text, i);
  const next = codePointAt(text, i + 1);
  if (!prev || !next) return false;
  if (text[i] === '\u200D' && EMOJI.test(prev) && EMOJI.test(next)) return true;
  const base = baseBefore(text, i);
  return (
    NON_LATIN_LETTER.test(base) &&
    NON_LATIN_LETTER.test(next) &&
    !(LATIN_LIKE.test(base) && LATIN_LIKE.test(next))
  );
}

/** The whitespace transform on one run. */
export function whitespaceTransform(
  options: Readonly<Required<Options>>,
): (text: string, protect: Uint8Array) => Replacements | undefined {
  return (text, protect) => {
    const repl: Replacements = new Map();
    // 1. invisible characters
    if (ANY_INVISIBLE.test(text))
      for (let i = 0; i < text.length; i++) {
        if (protect[i]) continue;
        const ch = text[i]!;
        if (ZW_ALWAYS.test(ch)) repl.set(i, '');
        else if ((ch === '\u200C' || ch === '\u200D') && !joinerNeeded(text, i)) repl.set(i, '');
      }
    // 2. NFC, per base character + its combining marks (every match holds a non-ASCII character)
    if (options.nfc && hasNonAscii(text)) {
      const cluster = /\P{M}\p{M}+|[\u1100-\u1112][\u1161-\u1175][\u11A8-\u11C2]?|[^\p{ASCII}]/gsu;
      for (let m = cluster.exec(text); m; m = cluster.exec(text)) {
        const s = m[0];
        const nfc = s.normalize('NFC');
        if (nfc === s) continue;
        let prot = false;
        for (let k = m.index; k < m.index + s.length; k++)
          if (protect[k] || repl.has(k)) prot = true;
        if (prot) continue;
        repl.set(m.index, nfc);
        for (let k = m.index + 1; k < m.index + s.length; k++) repl.set(k, '');
      }
    }
    // 3. spaces: collapse runs, fix no-break spaces, trim block and line ends.
    // Indices already deleted (zero-width) are invisible here.
    const live: number[] = [];
    if (repl.size === 0) for (let i = 0; i < text.length; i++) live.push(i);
    else for (let i = 0; i < text.length; i++) if (repl.get(i) !== '') live.push(i);
    let k = 0;
    while (k < live.length) {
      const i = live[k]!;
      if (protect[i] || !isSpaceAt(text, i)) {
        k++;
        continue;
      }
      let e = k;
      while (e < live.length && !protect[live[e]!] && isSpaceAt(text, live[e]!)) e++;
      // run = live[k..e)
      const prevIdx = k > 0 ? live[k - 1]! : -1;
      const nextIdx = e < live.length ? live[e]! : -1;
      const prev = prevIdx < 0 ? '' : (repl.get(prevIdx) ?? text[prevIdx]!);
      const next = nextIdx < 0 ? '' : (repl.get(nextIdx) ?? text[nextIdx]!);
      const beforeIdx = k > 1 ? live[k - 2]! : -1;
      const afterIdx = e + 1 < live.length ? live[e + 1]! : -1;
      const before = beforeIdx < 0 ? '' : (repl.get(beforeIdx) ?? text[beforeIdx]!);
      const after = afterIdx < 0 ? '' : (repl.get(afterIdx) ?? text[afterIdx]!);
      const first = live[k]!;
      const atEdge = prev === '' || next === '' || prev === '\n' || next === '\n';
      let keepChar: string | undefined;
      if (!atEdge) {
        const nbsp = live.slice(k, e).find((x) => NBSP_LIKE.test(text[x]!));
        keepChar =
          nbsp !== undefined &&
          options.keepNbsp &&
          nbspRequired(before.slice(-1), prev.slice(-1), next.slice(0, 1), after.slice(0, 1))
            ? text[nbsp]!
            : ' ';
      }
      if (keepChar === undefined) repl.set(first, '');
      else repl.set(first, keepChar);
      for (let x = k + 1; x < e; x++) repl.set(live[x]!, '');
      k = e;
    }
    for (const [i, r] of repl) if (r === text[i]) repl.delete(i);
    return repl.size > 0 ? repl : undefined;
  };
}

export const remarkNormalizeWhitespace: Plugin<[Readonly<Options>?], Root> = (options) => {
  const resolved = {
    nfc: options?.nfc ?? defaults.nfc,
    keepNbsp: options?.keepNbsp ?? defaults.keepNbsp,
  };
  if (typeof resolved.nfc !== 'boolean' || typeof resolved.keepNbsp !== 'boolean')
    throw new Error('remark-normalize-whitespace: `nfc` and `keepNbsp` must be booleans');
  const transform = whitespaceTransform(resolved);
  return (tree, file) => {
    transformTree(tree, file, RULE, 'normalised white space and invisible characters', transform);
  };
};

export default remarkNormalizeWhitespace;
