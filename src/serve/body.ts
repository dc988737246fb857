/**
 * Request bodies: the raw-body content types and the format each implies, and
 * content negotiation. Pure functions, no Fastify.
 */
import type { FromOption } from '../readers/index.js';

export { charsetOf, mediaType, toUtf8 } from '../content-type.js';

/** Raw-body content types and the format each one means. */
export const RAW_TYPES: Readonly<Record<string, FromOption>> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/plain': 'text',
};

export const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl'];

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
