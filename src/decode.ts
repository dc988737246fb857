/**
 * Bytes → string, never fatal for text, always explicit about what it did.
 *
 * Order (first match wins):
 * 1. Known binary signatures (PNG, JPEG, GIF, PDF, ZIP, gzip…) and NUL-heavy or
 *    control-heavy bytes → `InputError('binary')`.
 * 2. A BOM: UTF-8, UTF-16LE, UTF-16BE. UTF-16 without a BOM is recognised by its
 *    NUL pattern (ASCII text has a NUL in every other byte).
 * 3. Strict UTF-8. Valid UTF-8 wins over an HTML `<meta charset>` declaration,
 *    because scrapers re-save pages as UTF-8 and keep the old declaration.
 * 4. HTML inputs: the charset declared in the document (WHATWG prescan, via
 *    encoding-sniffer: `<meta charset>`, `http-equiv`, XML declaration).
 * 5. Mostly-UTF-8 with a few bad bytes: UTF-8 with U+FFFD for the bad bytes.
 * 6. chardet's guess (windows-1252, ISO-8859-x, Shift_JIS, KOI8-R, GB18030…),
 *    decoded with iconv-lite. Never Node 20's TextDecoder('windows-1252'),
 *    which decodes like latin1 (LIBRARIES.md).
 *
 * Then: a leading BOM is dropped, CRLF and lone CR become LF, and stray NULs
 * become U+FFFD. Every U+FFFD the decoder had to insert is counted in
 * `replaced` (reported as a warning by `clean()`, never fatal).
 */
import chardet from 'chardet';
import { ResultType, Sniffer } from 'encoding-sniffer/sniffer';
import iconv from 'iconv-lite';
import { InputError } from './errors.js';

export interface Decoded {
  text: string;
  /** Charset the bytes were decoded with (lower-case iconv name). */
  encoding: string;
  /** Invalid byte sequences (and stray NULs) replaced with U+FFFD. */
  replaced: number;
  /** How the charset was chosen. */
  via: 'empty' | 'bom' | 'utf-8' | 'declared' | 'utf-8-lossy' | 'sniffed' | 'utf-16-pattern';
}

export interface DecodeOptions {
  /** Format hint: HTML inputs honour their declared charset. `auto` prescans when it looks like HTML. */
  format?: 'auto' | 'text' | 'markdown' | 'html' | undefined;
}

const SAMPLE = 8192;
/** Bytes scanned for control characters (64 kB: enough for a stable share, cheap). */
const CONTROL_SAMPLE = 65536;

const SIGNATURES: [string, number[]][] = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['bzip2 archive', [0x42, 0x5a, 0x68]],
  ['xz archive', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['7z archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['WebAssembly module', [0x00, 0x61, 0x73, 0x6d]],
  ['RIFF media (WebP/WAV/AVI)', [0x52, 0x49, 0x46, 0x46]],
  ['Ogg media', [0x4f, 0x67, 0x67, 0x53]],
  ['SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]],
];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

/** What kind of binary the bytes are, or `undefined` when they look like text. */
export function binaryKind(bytes: Uint8Array): string | undefined {
  for (const [name, sig] of SIGNATURES) if (startsWith(bytes, sig)) return name;
  if (utf16Bom(bytes) || utf16Pattern(bytes)) return undefined;
  const n = Math.min(bytes.length, SAMPLE);
  if (n === 0) return undefined;
  let nul = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) nul++;
  // A stray NUL in a scraped page is noise; many of them mean a binary format.
  if (nul > Math.max(2, n * 0.005)) return 'NUL bytes';
  // No text encoding but UTF-16/32 uses C0 controls other than tab, line ends, form feed and
  // ESC; random bytes have about 11% of them. Counted over the first CONTROL_SAMPLE bytes.
  const m = Math.min(bytes.length, CONTROL_SAMPLE);
  let control = 0;
  for (let i = 0; i < m; i++) {
    const b = bytes[i]!;
    if (b < 7 || (b > 13 && b < 32 && b !== 27) || b === 127) control++;
  }
  if (control > Math.max(16, m * 0.02)) return 'control bytes';
  return undefined;
}

/** Whether bytes look like binary data. */
export function looksBinary(bytes: Uint8Array): boolean {
  return binaryKind(bytes) !== undefined;
}

function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** UTF-16 without a BOM: mostly-ASCII text has NULs in every other byte. */
function utf16Pattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 8) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function countChar(text: string, ch: string): number {
  let n = 0;
  let i = text.indexOf(ch);
  while (i !== -1) {
    n++;
    i = text.indexOf(ch, i + 1);
  }
  return n;
}

/** Occurrences of the 3-byte UTF-8 encoding of U+FFFD already in the input. */
function literalReplacementChars(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i + 2 < bytes.length; i++)
    if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  return n;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').trimStart().toLowerCase();
  return /^<(?:!doctype|html|head|meta|\?xml)/.test(head) || head.includes('<meta');
}

/** The charset an HTML document declares (meta or XML declaration), if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const sniffer = new Sniffer({ maxBytes: 4096 });
  sniffer.write(bytes.subarray(0, 4096));
  if (sniffer.resultType === ResultType.META_TAG || sniffer.resultType === ResultType.XML_ENCODING)
    return sniffer.encoding.toLowerCase();
  return undefined;
}

/** Count valid multi-byte UTF-8 sequences and invalid bytes (for the lossy decision). */
function utf8Evidence(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len =
      b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/** Final text clean-up shared by every path (and by string inputs to `clean()`). */
export function normalizeText(text: string): { text: string; nul: number } {
  let out = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  out = out.replace(/\r\n?/g, '\n');
  const nul = countChar(out, '\0');
  if (nul > 0) out = out.replaceAll('\0', '\uFFFD');
  return { text: out, nul };
}

function finish(text: string, encoding: string, replaced: number, via: Decoded['via']): Decoded {
  const n = normalizeText(text);
  return { text: n.text, encoding, replaced: replaced + n.nul, via };
}

function withIconv(bytes: Uint8Array, encoding: string, via: Decoded['via']): Decoded {
  const text = iconv.decode(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    encoding,
  );
  return finish(text, encoding, countChar(text, '\uFFFD'), via);
}

function utf8Lossy(bytes: Uint8Array, via: Decoded['via']): Decoded {
  const text = new TextDecoder('utf-8').decode(bytes);
  return finish(text, 'utf-8', countChar(text, '\uFFFD') - literalReplacementChars(bytes), via);
}

/**
 * Decode `bytes` (named `name` in errors). Throws `InputError('binary')` for
 * binary content; everything else decodes, with bad bytes counted.
 */
export function decode(bytes: Uint8Array, name: string, options: DecodeOptions = {}): Decoded {
  if (bytes.length === 0) return { text: '', encoding: 'utf-8', replaced: 0, via: 'empty' };
  const kind = binaryKind(bytes);
  if (kind) throw new InputError('binary', `${name}: binary, not text (${kind})`);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return utf8Lossy(bytes.subarray(3), 'bom');
  const bom = utf16Bom(bytes);
  if (bom) return withIconv(bytes.subarray(2), bom, 'bom');
  const pattern = utf16Pattern(bytes);
  if (pattern) return withIconv(bytes, pattern, 'utf-16-pattern');
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return finish(text, 'utf-8', 0, 'utf-8');
  } catch {
    // not valid UTF-8: look further
  }
  const format = options.format ?? 'auto';
  if (format === 'html' || (format === 'auto' && looksLikeHtml(bytes))) {
    const declared = declaredCharset(bytes);
    if (declared && declared !== 'utf-8' && iconv.encodingExists(declared))
      return withIconv(bytes, declared, 'declared');
    if (declared === 'utf-8') return utf8Lossy(bytes, 'declared');
  }
  const evidence = utf8Evidence(bytes);
  if (evidence.valid >= 4 && evidence.valid >= evidence.invalid * 4)
    return utf8Lossy(bytes, 'utf-8-lossy');
  const guess = chardet.detect(bytes)?.toLowerCase();
  const encoding =
    guess && guess !== 'utf-8' && !guess.startsWith('utf-') && iconv.encodingExists(guess)
      ? guess
      : 'windows-1252';
  // ISO-8859-1 is almost always windows-1252 in practice (WHATWG treats them as one).
  return withIconv(bytes, encoding === 'iso-8859-1' ? 'windows-1252' : encoding, 'sniffed');
}
