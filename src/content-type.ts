/**
 * `Content-Type` headers (HTTP requests, WARC records): the media type, the
 * charset, and bytes re-encoded to UTF-8 when a charset other than UTF-8 is
 * declared. Pure functions.
 */
import iconv from 'iconv-lite';
import { InputError } from './errors.js';

/** The media type of a `Content-Type` header, lower-cased, without parameters. */
export function mediaType(header: string | null | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** The `charset` parameter of a `Content-Type` header, lower-cased, if any. */
export function charsetOf(header: string | null | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(header ?? '');
  return m?.[1]?.toLowerCase();
}

/**
 * The bytes as UTF-8 when another charset is declared (the decoder then sees
 * valid UTF-8, which wins over any `<meta charset>`); unchanged for UTF-8 or
 * no charset (the decoder sniffs). An unknown charset is bad input.
 */
export function toUtf8(body: Uint8Array, charset: string | undefined): Uint8Array {
  if (!charset || charset === 'utf-8' || charset === 'utf8' || charset === 'us-ascii') return body;
  if (!iconv.encodingExists(charset))
    throw new InputError('undecodable', `unknown charset ${JSON.stringify(charset)}`);
  return Buffer.from(iconv.decode(Buffer.from(body), charset), 'utf8');
}
