/**
 * remark-normalize-dashes — dashes and ellipses in one house style.
 *
 * What, per inline run (a block's text across emphasis, links…):
 * - a dash between words — `--`, `---`, a spaced hyphen ` - `, a spaced en
 *   dash ` – `, an em dash `—` — becomes the style's dash. With `dash: 'em'`
 *   (default) that is `—`, and the author's spacing is kept as written
 *   (`a--b` → `a—b`, `a - b` → `a — b`): copydesk does not re-space prose.
 *   With `'en-spaced'` every such dash becomes ` – ` (spaced en dash, the
 *   British habit). `'none'` leaves dashes alone;
 * - numeric ranges → en dash: `1990-95`, `1990-1995`, `10-20`, `pp. 4-7`,
 *   `2--3`. Only when the second number is larger than the first, so dates
 *   (2024-03-12), phone numbers (555-1234, 1-800-555-0199), ISBNs, scores
 *   like 3-1, model numbers after a capitalised word (Boeing 737-800) and
 *   hyphenated words (COVID-19) stay as they are;
 * - `...` → `…` (`ranges` / `ellipsis` switch these off).
 * A hyphen at the start of a block (a text list marker `- item`), lines of
 * hyphens (`---`), minus signs (`-5`, `10 - 5`) and words like `e-mail` are
 * never touched.
 *
 * When: after prune (only kept text is edited). Never inside code, inline
 * code, HTML, URLs or front matter.
 *
 * Options: `dash` (default: `'em'`), `ranges` (default: `true`), `ellipsis`
 * (default: `true`).
 *
 * Messages: `normalize-dashes`, one per changed block (old → new text).
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import {
  anyProtected,
  type Replacements,
  replaceSpan,
  transformMetaStrings,
  transformString,
  transformTree,
} from '../shared/typography.js';

export type DashStyle = 'em' | 'en-spaced' | 'none';

export interface Options {
  /** Dash between words (default: `'em'`). */
  dash?: DashStyle;
  /** Numeric ranges get an en dash (default: `true`). */
  ranges?: boolean;
  /** `...` becomes `…` (default: `true`). */
  ellipsis?: boolean;
}

export const defaults = {
  dash: 'em',
  ranges: true,
  ellipsis: true,
} as const satisfies Required<Options>;

export const RULE = 'normalize-dashes';

const DASHES: readonly DashStyle[] = ['em', 'en-spaced', 'none'];

/** Something a sentence dash can follow (word, closing punctuation or quote). */
const BEFORE = /[\p{L}\p{N}\p{M}.,;:!?)\]’”'"»\uFFFC*_]/u;
/** Something a sentence dash can precede. */
const AFTER = /[\p{L}\p{N}\p{M}([‘“'"«\uFFFC*_]/u;
const SP = '[ \\t\\u00A0]';
const DAYS_MONTHS =
  '(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?|Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
const DAY_OR_MONTH_END = new RegExp(`\\b(?:${DAYS_MONTHS})\\.?$`);
const DAY_OR_MONTH_START = new RegExp(`^(?:${DAYS_MONTHS})\\b`);

const HAS_DASH = /[-–—]/;

/** The dash transform for a style. */
export function dashTransform(
  options: Readonly<Required<Options>>,
): (text: string, protect: Uint8Array) => Replacements | undefined {
  return (text, protect) => {
    // Every rule needs a hyphen or dash (ranges, sentence dashes) or `...` (ellipsis).
    if (!HAS_DASH.test(text) && !text.includes('...')) return undefined;
    const repl: Replacements = new Map();
    const free = (from: number, to: number) => {
      if (anyProtected(protect, from, to)) return false;
      for (let i = from; i < to; i++) if (repl.has(i)) return false;
      return true;
    };
    if (options.ranges) ranges(text, free, repl);
    if (options.dash !== 'none') {
      // Sentence dashes: `a--b`, `a -- b`, `a - b`, `a – b`, `a—b`, `a — b`.
      const re = new RegExp(`(${SP}*)(-{1,3}|[–—])(${SP}*)`, 'gu');
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        const core = m[2]!;
        const prev = text[start - 1] ?? '';
        const next = text[end] ?? '';
        if (!BEFORE.test(prev) || !AFTER.test(next)) continue;
        const left = m[1]!.length > 0;
        const right = m[3]!.length > 0;
        const spaced = left || right;
        // A single hyphen is a dash only when spaced on both sides (`a - b`).
        if (core === '-' && !(left && right)) continue;
        // `10 - 5`: arithmetic, not a dash.
        if (core === '-' && /\d/.test(prev) && /\d/.test(next)) continue;
        // `Tue – Sat`, `May - June`: a range of days or months, not a break.
        if (
          core !== '--' &&
          core !== '---' &&
          DAY_OR_MONTH_END.test(text.slice(Math.max(0, start - 10), start)) &&
          DAY_OR_MONTH_START.test(text.slice(end, end + 10))
        )
          continue;
        // Unspaced en dash between words or numbers is a range or compound: keep.
        if (core === '–' && !spaced) continue;
        // `2--3`: LaTeX-style range.
        if (core === '--' && !spaced && /\d/.test(prev) && /\d/.test(next)) {
          if (free(start, end)) replaceSpan(repl, start, end, '–');
          continue;
        }
        let out: string;
        if (options.dash === 'em') out = spaced ? ' — ' : '—';
        else out = ' – ';
        if (text.slice(start, end) === out || !free(start, end)) continue;
        replaceSpan(repl, start, end, out);
      }
    }
    if (options.ellipsis) {
      const re = /(?<!\.)\.\.\.(?!\.)/g;
      for (let m = re.exec(text); m; m = re.exec(text))
        if (free(m.index, m.index + 3)) replaceSpan(repl, m.index, m.index + 3, '…');
    }
    return repl.size > 0 ? repl : undefined;
  };
}

const RANGE = /(?<![\p{L}\p{N}\-–/.,:#+])(\d{1,4})-(\d{1,4})(?![\p{N}\-–/]|[.,:]\d|\p{L}(?<!s))/gu;

function ranges(text: string, free: (a: number, b: number) => boolean, repl: Replacements): void {
  RANGE.lastIndex = 0;
  for (let m = RANGE.exec(text); m; m = RANGE.exec(text)) {
    const a = m[1]!;
    const b = m[2]!;
    if (a.startsWith('0') || b.startsWith('0')) continue;
    if (a.length === 3 && b.length === 4) continue; // phone number
    const first = Number(a);
    let second = Number(b);
    if (a.length === 4 && b.length === 2)
      second = Math.floor(first / 100) * 100 + second; // 1990-95
    else if (b.length < a.length) continue;
    if (!(second > first)) continue;
    // Scores: `7-5, 3-6, 7-6` — a neighbouring pair that falls is a score line.
    const around = text.slice(Math.max(0, m.index - 14), m.index + m[0].length + 14);
    if (
      [...around.matchAll(/(?<!\d)(\d{1,2})-(\d{1,2})(?!\d)/g)].some(
        (x) => Number(x[2]) <= Number(x[1]),
      )
    )
      continue;
    // Model numbers: `Boeing 737-800`, `Airbus A320-200` (capitalised word before, mid-sentence).
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const word = /(\p{Lu}[\p{L}\p{N}]*)\s+$/u.exec(before);
    if (
      word &&
      !/(?:^|[.!?:]\s+|\n)$/u.test(before.slice(0, word.index)) &&
      !/^(?:[A-Z][a-z]*\.)$/.test(word[1]!)
    ) {
      const w = word[1]!;
      if (
        !/^(?:From|Between|In|On|At|During|Pages|Page|Chapters?|Verses?|Ages?|Aged|Years?|Between)$/.test(
          w,
        )
      )
        continue;
    }
    const dash = m.index + a.length;
    if (free(dash, dash + 1)) repl.set(dash, '–');
  }
}

export const remarkNormalizeDashes: Plugin<[Readonly<Options>?], Root> = (options) => {
  const resolved = {
    dash: options?.dash ?? defaults.dash,
    ranges: options?.ranges ?? defaults.ranges,
    ellipsis: options?.ellipsis ?? defaults.ellipsis,
  };
  if (!DASHES.includes(resolved.dash))
    throw new Error(
      `remark-normalize-dashes: invalid dash '${String(resolved.dash)}' (choose from ${DASHES.join(', ')})`,
    );
  if (typeof resolved.ranges !== 'boolean' || typeof resolved.ellipsis !== 'boolean')
    throw new Error('remark-normalize-dashes: `ranges` and `ellipsis` must be booleans');
  const transform = dashTransform(resolved);
  return (tree, file) => {
    transformTree(tree, file, RULE, 'dashes and ellipses normalised', transform);
    transformMetaStrings(file, transform);
  };
};

/** Run the transform on a plain string. */
export function normalizeDashes(text: string, options: Options = {}): string {
  return transformString(
    text,
    dashTransform({
      dash: options.dash ?? defaults.dash,
      ranges: options.ranges ?? defaults.ranges,
      ellipsis: options.ellipsis ?? defaults.ellipsis,
    }),
  );
}

export default remarkNormalizeDashes;
