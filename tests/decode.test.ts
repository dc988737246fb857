import { randomBytes } from 'node:crypto';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { binaryKind, declaredCharset, decode, normalizeText } from '../src/decode.js';
import { InputError } from '../src/errors.js';

const enc = (text: string, encoding: string): Uint8Array => iconv.encode(text, encoding);

const FRENCH =
  '« Le café était déjà plein », dit-elle. Les élèves répètent leçon après leçon; ' +
  'l’été à Orléans était très chaud. Où êtes-vous allés? Ça coûte 5 € — naïf!\n';
const ENGLISH_1252 =
  '“Quotes” and ‘apostrophes’ aren’t rare — they’re everywhere… Price: €5. Café au lait, naïve résumé.\n';
const JAPANESE =
  '日本語のテキストです。これは長い文章のサンプルです。東京都は日本の首都であり、多くの人々が住んでいます。\n';
const RUSSIAN =
  'Привет, как дела? Это длинный текст на русском языке для проверки определения кодировки.\n';

describe('decode', () => {
  it('should decode plain UTF-8 as is', () => {
    const d = decode(Buffer.from('Héllo “world”\n'), 'x.txt');
    expect(d).toMatchObject({ text: 'Héllo “world”\n', encoding: 'utf-8', replaced: 0 });
  });

  it('should return an empty string for empty bytes', () => {
    expect(decode(new Uint8Array(), 'x').text).toBe('');
  });

  it('should drop a UTF-8 BOM', () => {
    const d = decode(Buffer.from('\uFEFFHello'), 'x');
    expect(d.text).toBe('Hello');
    expect(d.via).toBe('bom');
  });

  it('should decode UTF-16LE and UTF-16BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Grüße “x”', 'utf16le')]);
    expect(decode(le, 'x').text).toBe('Grüße “x”');
    const be = Buffer.from(Buffer.from('Grüße “x”', 'utf16le')).swap16();
    expect(decode(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'x')).toMatchObject({
      text: 'Grüße “x”',
      encoding: 'utf-16be',
    });
  });

  it('should recognise UTF-16LE without a BOM by its NUL pattern', () => {
    const d = decode(Buffer.from('Plain ASCII text saved as UTF-16.\n', 'utf16le'), 'x');
    expect(d.text).toBe('Plain ASCII text saved as UTF-16.\n');
    expect(d.encoding).toBe('utf-16le');
  });

  it('should decode windows-1252 with curly quotes and the euro sign (not like latin1)', () => {
    const d = decode(enc(ENGLISH_1252.repeat(3), 'windows-1252'), 'x.txt');
    expect(d.text).toBe(ENGLISH_1252.repeat(3));
    expect(d.replaced).toBe(0);
  });

  it('should decode latin-1 French text', () => {
    const latin = FRENCH.replace(/[€’—]/g, 'E');
    const d = decode(enc(latin.repeat(2), 'latin1'), 'x.txt');
    expect(d.text).toBe(latin.repeat(2));
  });

  it('should sniff Shift_JIS', () => {
    const d = decode(enc(JAPANESE.repeat(2), 'shift_jis'), 'x.txt');
    expect(d.encoding).toBe('shift_jis');
    expect(d.text).toBe(JAPANESE.repeat(2));
  });

  it('should sniff KOI8-R', () => {
    const d = decode(enc(RUSSIAN.repeat(3), 'koi8-r'), 'x.txt');
    expect(d.text).toBe(RUSSIAN.repeat(3));
  });

  it('should honour the charset an HTML page declares', () => {
    const html = `<!doctype html><html><head><meta charset="windows-1251"><title>т</title></head><body><p>${RUSSIAN}</p></body></html>`;
    const d = decode(enc(html, 'windows-1251'), 'x.html', { format: 'html' });
    expect(d.via).toBe('declared');
    expect(d.text).toBe(html);
  });

  it('should honour an http-equiv content-type declaration', () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head><body>${JAPANESE}</body></html>`;
    const d = decode(enc(html, 'shift_jis'), 'x.html');
    expect(d.encoding).toBe('shift_jis');
    expect(d.text).toBe(html);
  });

  it('should prefer valid UTF-8 over a stale declaration', () => {
    const html = '<html><head><meta charset="iso-8859-1"></head><body>Café “ok”</body></html>';
    expect(decode(Buffer.from(html), 'x.html').text).toBe(html);
  });

  it('should read a declared charset only from a real prescan', () => {
    expect(declaredCharset(Buffer.from('<meta charset="koi8-r">'))).toBe('koi8-r');
    expect(declaredCharset(Buffer.from('<p>no declaration</p>'))).toBeUndefined();
  });

  it('should replace and count invalid bytes in mostly-UTF-8 text, not fail', () => {
    const good = Buffer.from('Ça va très bien, “merci” — vraiment. ');
    const bytes = Buffer.concat([good, Buffer.from([0xff]), good, Buffer.from([0xc3]), good]);
    const d = decode(bytes, 'x.txt');
    expect(d.encoding).toBe('utf-8');
    expect(d.replaced).toBe(2);
    expect(d.text.split('\uFFFD')).toHaveLength(3);
  });

  it('should count a literal U+FFFD in the input as text, not as a replacement', () => {
    const bytes = Buffer.concat([Buffer.from('ok \uFFFD ok é è à '), Buffer.from([0xff])]);
    expect(decode(bytes, 'x').replaced).toBe(1);
  });

  it('should normalise CRLF and lone CR line endings', () => {
    expect(decode(Buffer.from('a\r\nb\rc\n'), 'x').text).toBe('a\nb\nc\n');
    expect(normalizeText('\uFEFFa\r\n\r\nb').text).toBe('a\n\nb');
  });

  it('should replace a stray NUL and report it', () => {
    const d = decode(Buffer.from(`${'text '.repeat(200)}\0 more`), 'x');
    expect(d.replaced).toBe(1);
    expect(d.text).not.toContain('\0');
  });

  it('should refuse NUL-heavy bytes as binary', () => {
    const bytes = Buffer.alloc(1000);
    for (let i = 0; i < bytes.length; i += 3) bytes[i] = 0x41;
    expect(() => decode(bytes, 'blob.txt')).toThrow(InputError);
    try {
      decode(bytes, 'blob.txt');
    } catch (e) {
      expect((e as InputError).problem).toBe('binary');
      expect((e as Error).message).toMatch(/^blob\.txt: binary, not text/);
    }
  });

  it('should name known binary formats', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect(binaryKind(png)).toBe('PNG image');
    expect(binaryKind(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]))).toBe('gzip archive');
    expect(binaryKind(Buffer.from('%PDF-1.7\n'))).toBe('PDF document');
    expect(() => decode(png, 'a.png')).toThrow(/a\.png: binary, not text \(PNG image\)/);
  });

  it('should refuse control-byte-heavy content', () => {
    const bytes = Buffer.from(Array.from({ length: 500 }, (_, i) => (i % 4 === 0 ? 0x01 : 0x61)));
    expect(binaryKind(bytes)).toMatch(/control bytes/);
  });

  it('should refuse random bytes every time, whatever the draw', () => {
    for (let i = 0; i < 50; i++)
      expect(binaryKind(randomBytes(i % 2 === 0 ? 64 * 1024 : 3000))).toBeDefined();
  });

  it('should keep text with a few stray control characters (near miss of random bytes)', () => {
    const text = `${'A line of ordinary scraped prose, with a comma.\n'.repeat(100)}`;
    const junk = text.replace(/comma/g, (m, at: number) => (at % 7 === 0 ? `\u0008${m}` : m));
    expect(binaryKind(Buffer.from(junk))).toBeUndefined();
    expect(binaryKind(Buffer.from(`${text}\u0001\u0002\u0003`))).toBeUndefined();
  });

  it('should keep text with tabs, form feeds and escape sequences', () => {
    expect(binaryKind(Buffer.from('a\tb\fc\x1b[0m d\n'.repeat(20)))).toBeUndefined();
  });
});
