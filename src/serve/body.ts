/**
 * Request bodies → cleaning jobs: the raw-body content types, their charset,
 * and the format each implies. Pure functions, no Fastify.
 */
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';
import type { FromOption } from '../readers/index.js';

/** Raw-body content types and the format each one means. */
export const RAW_TYPES: Readonly<Record<string, FromOption>> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/plain': 'text',
};

export const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl'];

/** The media type of a `Content-Type` header, lower-cased, without parameters. */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** The `charset` parameter of a `Content-Type` header, lower-cased, if any. */
export function charsetOf(header: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(header ?? '');
  return m?.[1]?.toLowerCase();
}

/**
 * The body as UTF-8 bytes when the client named another charset (the decoder
 * then sees valid UTF-8, which wins over any `<meta charset>`); unchanged for
 * UTF-8 or no charset (the decoder sniffs). An unknown charset is bad input.
 */
export function toUtf8(body: Buffer, charset: string | undefined): Buffer {
  if (!charset || charset === 'utf-8' || charset === 'utf8' || charset === 'us-ascii') return body;
  if (!iconv.encodingExists(charset))
    throw new InputError('undecodable', `unknown charset ${JSON.stringify(charset)}`);
  return Buffer.from(iconv.decode(body, charset), 'utf8');
}

/**
 * Which representation the client prefers by `Accept`: `markdown` only when
 * text/markdown is acceptable with a higher quality than JSON (ties go to
 * JSON, the default).
 */
export function prefersMarkdown(accept: string | undefined): boolean {
  if (!accept) return false;
  let md = -1;
  let json = -1;
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q)) continue;
    if (type === 'text/markdown') md = Math.max(md, q);
    else if (type === 'application/json') json = Math.max(json, q);
  }
  return md > 0 && md > json;
}
