/**
 * Mojibake repair: text that was UTF-8 but got decoded as Windows-1252 (or
 * Latin-1), e.g. `donâ€™t` → `don’t`, `cafÃ©` → `café`, `ÐŸÑ€Ð¸Ð²ÐµÑ‚` → `Привет`.
 *
 * The repair maps each character back to the byte it came from with the
 * browser's "sloppy" cp1252 table (the five bytes cp1252 leaves undefined,
 * 0x81 0x8D 0x8F 0x90 0x9D, and every C1 control map to themselves, so `â€\x9d`
 * can become `”`), then decodes those bytes as UTF-8.
 *
 * It is applied only where it is unambiguous:
 * 1. the text must contain *suspicious sequences* (a lead such as `Ã`, `Â`,
 *    `â`, `Ð` followed by the right number of continuation characters that
 *    form valid UTF-8), else nothing changes;
 * 2. whole run: when every non-ASCII character belongs to a valid UTF-8 group,
 *    the whole text is re-decoded, provided the result has fewer suspicious
 *    sequences than the input and every sequence is convincing (or there are
 *    three or more and most are): it decodes to plausible text (no controls,
 *    unassigned or private code points, lone combining marks, IPA or spacing
 *    modifiers) and is not merely a letter followed by ordinary punctuation
 *    (`café’”`, `CAFÉ’S`);
 * 3. otherwise (proper characters mixed with mojibake) only the convincing
 *    suspicious sequences are replaced.
 * Repeated while it keeps improving (double-encoded text).
 *
 * Known ambiguity: a 2-byte sequence led by `ß` (U+07C0–U+07FF, NKo) is never
 * repaired, because `ß“` is ordinary German (`Straße“`).
 */
import { type Replacements, type RunTransform, toFixpoint } from '../shared/typography.js';

/** cp1252 bytes 0x80–0x9F that map to characters outside Latin-1. */
const CP1252_HIGH: Record<number, number> = {
  8364: 0x80,
  8218: 0x82,
  402: 0x83,
  8222: 0x84,
  8230: 0x85,
  8224: 0x86,
  8225: 0x87,
  710: 0x88,
  8240: 0x89,
  352: 0x8a,
  8249: 0x8b,
  338: 0x8c,
  381: 0x8e,
  8216: 0x91,
  8217: 0x92,
  8220: 0x93,
  8221: 0x94,
  8226: 0x95,
  8211: 0x96,
  8212: 0x97,
  732: 0x98,
  8482: 0x99,
  353: 0x9a,
  8250: 0x9b,
  339: 0x9c,
  382: 0x9e,
  376: 0x9f,
};

const BYTE_TO_CHAR: string[] = (() => {
  const table: string[] = [];
  for (let b = 0; b < 256; b++) table[b] = String.fromCharCode(b);
  for (const [cp, b] of Object.entries(CP1252_HIGH)) table[b] = String.fromCharCode(Number(cp));
  return table;
})();

/** The byte a character stands for under sloppy cp1252, or -1. */
export function byteOf(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c < 0x100) return c;
  return CP1252_HIGH[c] ?? -1;
}

/** Encode a string as UTF-8 and decode it as sloppy cp1252 (makes mojibake). */
export function toMojibake(text: string): string {
  let out = '';
  for (const b of Buffer.from(text, 'utf8')) out += BYTE_TO_CHAR[b];
  return out;
}

function continuations(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return 0;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decode one UTF-8 group of bytes, or undefined when invalid. */
function decodeGroup(bytes: number[]): string | undefined {
  try {
    return utf8.decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
}

interface Group {
  start: number;
  end: number;
  value: string;
}

/**
 * Every valid UTF-8 multi-byte group in `text` (as sloppy cp1252 characters),
 * skipping protected indices.
 */
function groups(text: string, protect?: Uint8Array): Group[] {
  const found: Group[] = [];
  for (let i = 0; i < text.length; i++) {
    if (protect?.[i]) continue;
    const lead = byteOf(text[i]!);
    const n = continuations(lead);
    if (n === 0 || i + n >= text.length) continue;
    const bytes = [lead];
    let ok = true;
    for (let k = 1; k <= n; k++) {
      const b = protect?.[i + k] ? -1 : byteOf(text[i + k]!);
      if (b < 0x80 || b > 0xbf) {
        ok = false;
        break;
      }
      bytes.push(b);
    }
    if (!ok) continue;
    const value = decodeGroup(bytes);
    if (value === undefined) continue;
    found.push({ start: i, end: i + n + 1, value });
    i += n;
  }
  return found;
}

/** A group is suspicious unless its lead is `ß` (2-byte NKo results, see above). */
function suspicious(text: string, g: Group): boolean {
  return text[g.start] !== '\u00DF';
}

/** Number of suspicious sequences (plus stray C1 controls) in a text. */
export function badness(text: string, protect?: Uint8Array): number {
  let n = 0;
  for (const g of groups(text, protect)) if (suspicious(text, g)) n++;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && c <= 0x9f && !protect?.[i]) n++;
  }
  return n;
}

const IMPLAUSIBLE = /[\p{Cc}\p{Cn}\p{Co}\p{Cs}\p{M}\uFFFD\u0250-\u02FF]/u;

function plausible(value: string): boolean {
  return !IMPLAUSIBLE.test(value);
}

/**
 * Bytes of punctuation and symbols that legitimately follow a letter in
 * cp1252 text: ‚ „ … ‹ ‘ ’ “ ” • – — ™ › no-break space © « soft hyphen ® ° ² ³ ´ · ¹ ».
 */
const AFTER_LETTER = new Set([
  0x82, 0x84, 0x85, 0x8b, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x99, 0x9b, 0xa0, 0xa9, 0xab,
  0xad, 0xae, 0xb0, 0xb2, 0xb3, 0xb4, 0xb7, 0xb9, 0xbb,
]);
/** Leads that are almost never real text before such punctuation. */
const CLASSIC_LEAD = new Set(['\u00C2', '\u00C3', '\u00E2']);

/**
 * Whether a group is convincing mojibake on its own: it decodes to plausible
 * text, and it is not just a letter followed by ordinary punctuation
 * (`é’”` in `café’”`, `É’` in `CAFÉ’S`), unless the lead is `Â`, `Ã` or `â`.
 */
function convincing(text: string, g: Group): boolean {
  if (!plausible(g.value)) return false;
  if (CLASSIC_LEAD.has(text[g.start]!)) return true;
  for (let i = g.start + 1; i < g.end; i++) if (!AFTER_LETTER.has(byteOf(text[i]!))) return true;
  return false;
}

/**
 * Whether the groups of a run are evidence enough for a whole-run repair:
 * every one convincing, or three or more suspicious ones of which most are.
 */
function evidenceEnough(text: string, gs: Group[]): boolean {
  const good = gs.filter((g) => convincing(text, g)).length;
  if (good === gs.length) return true;
  const sus = gs.filter((g) => suspicious(text, g)).length;
  return sus >= 3 && good * 2 > gs.length;
}

/** One repair pass: replacements (index → string), or undefined. */
function pass(text: string, protect?: Uint8Array): Replacements | undefined {
  const gs = groups(text, protect);
  if (!gs.some((g) => suspicious(text, g))) return undefined;
  const before = badness(text, protect);
  // Whole run: every non-ASCII unprotected character inside a group.
  const covered = new Uint8Array(text.length);
  for (const g of gs) for (let i = g.start; i < g.end; i++) covered[i] = 1;
  let whole = true;
  for (let i = 0; i < text.length; i++) {
    if (protect?.[i] || covered[i]) continue;
    if (text.charCodeAt(i) >= 0x80) {
      whole = false;
      break;
    }
  }
  // A short whole-run repair must also look like text (`CAFÉ’S` is not `CAFɒS`);
  // three or more suspicious sequences that all decode are evidence enough.
  const wholeOk = whole && evidenceEnough(text, gs);
  const chosen = wholeOk ? gs : gs.filter((g) => suspicious(text, g) && convincing(text, g));
  if (chosen.length === 0) return undefined;
  const repl: Replacements = new Map();
  for (const g of chosen) {
    repl.set(g.start, g.value);
    for (let i = g.start + 1; i < g.end; i++) repl.set(i, '');
  }
  // Lost no-break space: `Ã ` (à whose 0xA0 became a space) in a run with other mojibake.
  if (!wholeOk) {
    for (let i = 1; i + 1 < text.length; i++) {
      if (
        text[i] === '\u00C3' &&
        text[i + 1] === ' ' &&
        !repl.has(i) &&
        !protect?.[i] &&
        /\p{L}/u.test(text[i - 1]!)
      ) {
        repl.set(i, '\u00E0');
        // `Ã` + the space that was its 0xA0 + the following space → `à` + space.
        if (/\s/.test(text[i + 2] ?? '')) repl.set(i + 1, '');
      }
    }
  }
  // Badness after, protected characters still protected.
  let after = '';
  const afterProtect: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const piece = repl.get(i) ?? text[i]!;
    after += piece;
    for (let k = 0; k < piece.length; k++) afterProtect.push(protect?.[i] ?? 0);
  }
  if (badness(after, Uint8Array.from(afterProtect)) >= before) return undefined;
  return repl;
}

function applyRepl(text: string, repl: Replacements): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += repl.get(i) ?? text[i];
  return out;
}

/**
 * Repair mojibake in a run. Returns per-index replacements relative to the
 * original text, or undefined when nothing is (unambiguously) broken. Passes
 * repeat while they improve the text (double and triple encodings).
 */
export const repairRun: RunTransform = toFixpoint(pass, 5);

/**
 * Whether the mis-decoding of `text` would be too ambiguous to undo as a
 * whole run (see `evidenceEnough`).
 */
export function ambiguousMojibake(text: string): boolean {
  const moj = toMojibake(text);
  const gs = groups(moj);
  return !gs.some((g) => suspicious(moj, g)) || !evidenceEnough(moj, gs);
}

/** Repair a plain string. */
export function repairMojibake(text: string): string {
  const repl = repairRun(text, new Uint8Array(text.length));
  return repl ? applyRepl(text, repl) : text;
}
