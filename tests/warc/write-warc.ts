/** Test helper: write small WARC archives with warcio itself. */
import { WARCRecord, WARCSerializer } from 'warcio';

export interface TestRecord {
  url: string;
  type?: 'response' | 'resource' | 'request' | 'metadata';
  status?: string;
  contentType?: string;
  body: string | Uint8Array;
  date?: string;
}

async function* chunks(body: string | Uint8Array): AsyncGenerator<Uint8Array> {
  yield typeof body === 'string' ? new TextEncoder().encode(body) : body;
}

/** The bytes of an archive holding `records`, gzipped per record when `gzip`. */
export async function warcBytes(records: readonly TestRecord[], gzip = false): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (const r of records) {
    const type = r.type ?? 'response';
    const http = type === 'response' || type === 'request';
    const record = WARCRecord.create(
      {
        url: r.url,
        date: r.date ?? '2024-03-01T10:00:00Z',
        type,
        ...(http
          ? {
              httpHeaders: { 'Content-Type': r.contentType ?? 'text/html; charset=utf-8' },
              statusline:
                type === 'request' ? 'GET / HTTP/1.1' : `HTTP/1.1 ${r.status ?? '200 OK'}`,
            }
          : { warcHeaders: { 'Content-Type': r.contentType ?? 'text/html' } }),
      },
      chunks(r.body),
    );
    parts.push(Buffer.from(await WARCSerializer.serialize(record, { gzip })));
  }
  return Buffer.concat(parts);
}

export function articleHtml(title: string, sentence: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${title}</h1>
<p>${sentence} The meeting ran late into the evening and several members asked for more time.</p>
<p>Officials said the decision would be reviewed next month, after the public had a chance to comment.</p>
<p>Local groups welcomed the news but warned that the work was far from finished.</p>
</article><footer>© Example News</footer></body></html>`;
}
