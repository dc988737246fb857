/**
 * Reading crawl archives (`.warc`, `.warc.gz`) with warcio, one document at a
 * time (memory bounded by the largest record).
 *
 * - Every `response` record with an HTTP 2xx status and an HTML payload, and
 *   every HTML `resource` record, is a document: its payload (content and
 *   transfer encodings undone by warcio, the HTTP charset applied), its
 *   target URI and its WARC-Date.
 * - Other `response`/`resource` records are *skipped* and counted: not HTML
 *   (images, scripts, PDFs…), HTTP errors and redirects, over the size limit.
 *   `request`, `metadata`, `warcinfo`, `revisit` records are not documents.
 * - Damage (a truncated file, a cut gzip member, bytes that are not a WARC
 *   record) throws a `WarcError` naming the record and the reason, after the
 *   records before it have been yielded.
 *
 * Gzip is undone here with node:zlib (multi-member), not by warcio, because
 * warcio ends quietly at a cut gzip member; a cut plain record is detected by
 * comparing the bytes read with the record's Content-Length.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { WARCParser, type WARCRecord } from 'warcio';
import { charsetOf, mediaType, toUtf8 } from '../content-type.js';
import { InputError } from '../errors.js';

export interface WarcDocument {
  kind: 'document';
  /** 1-based position of the record in the archive. */
  record: number;
  url: string;
  /** WARC-Date (ISO 8601), when the record has one. */
  date?: string | undefined;
  /** The payload, UTF-8 when the HTTP header named another charset. */
  bytes: Uint8Array;
  /** The payload's media type (`text/html`, `application/xhtml+xml`). */
  type: string;
}

export interface WarcSkip {
  kind: 'skipped';
  record: number;
  url: string;
  reason: 'not-html' | 'http-error' | 'too-large' | 'undecodable';
  detail: string;
}

export type WarcItem = WarcDocument | WarcSkip;

export class WarcError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WarcError';
  }
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

export { isWarcPath } from './path.js';

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** Counts the (uncompressed) bytes going through, and whether the source has ended. */
class Counter extends Transform {
  bytes = 0;
  ended = false;
  override _transform(
    chunk: Buffer,
    _enc: BufferEncoding,
    done: (e?: Error | null, d?: Buffer) => void,
  ): void {
    this.bytes += chunk.length;
    done(null, chunk);
  }
  override _flush(done: () => void): void {
    this.ended = true;
    done();
  }
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').trimStart().toLowerCase();
  return (
    head.startsWith('<!doctype html') || head.startsWith('<html') || /<(head|body)[\s>]/.test(head)
  );
}

/** Read the records of `file`; see the module comment. */
export async function* readWarc(
  file: string,
  options: { maxBytes: number },
): AsyncGenerator<WarcItem> {
  const counter = new Counter();
  const raw = createReadStream(file);
  const gz = await isGzip(file);
  const gunzip = gz ? createGunzip() : undefined;
  const source = gunzip ? raw.pipe(gunzip).pipe(counter) : raw.pipe(counter);
  let sourceError: Error | undefined;
  // pipe() does not forward errors. A read or gunzip error ends the data where the damage
  // starts: the records before it are still read, the one it cuts fails with the error.
  const onError = (error: Error): void => {
    sourceError ??= error;
    counter.end();
  };
  raw.on('error', onError);
  gunzip?.on('error', onError);
  const parser = new WARCParser(source, { keepHeadersCase: false });
  let n = 0;
  const describe = (error: unknown): string => {
    const e = sourceError ?? error;
    const message = e instanceof Error ? e.message : String(e);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(message))
      return 'truncated (the gzip data ends mid-record)';
    if (code?.startsWith('Z_') || /incorrect header check|invalid/i.test(message))
      return `corrupt gzip data (${message})`;
    return `not a valid WARC record (${message.split('\n')[0]})`;
  };
  for (;;) {
    let record: WARCRecord | null;
    try {
      record = await parser.parse();
    } catch (error) {
      throw new WarcError(`record ${n + 1}: ${describe(error)}`);
    }
    if (!record) break;
    n++;
    if (!record.warcHeaders.statusline.startsWith('WARC/'))
      throw new WarcError(
        `record ${n}: not a WARC record (starts ${JSON.stringify(record.warcHeaders.statusline.slice(0, 30))})`,
      );
    const url = record.warcTargetURI ?? '';
    const where = `record ${n}${url ? ` (${url})` : ''}`;
    const type = record.warcType;
    const isDocument = type === 'response' || type === 'resource';
    let payload: Uint8Array = new Uint8Array(0);
    try {
      if (isDocument) payload = await record.readFully(true);
      else await record.skipFully();
    } catch (error) {
      throw new WarcError(`${where}: ${describe(error)}`);
    }
    // warcio's `_warcHeadersLength` is the read offset just after this record's WARC headers.
    const expectedEnd = parser._warcHeadersLength + record.warcContentLength;
    if (counter.ended && counter.bytes < expectedEnd)
      throw new WarcError(
        `${where}: ${sourceError ? describe(sourceError) : `truncated (the archive ends ${expectedEnd - counter.bytes} bytes before the record's end)`}`,
      );
    if (!isDocument) continue;
    const info = type === 'response' ? record.getResponseInfo() : null;
    if (type === 'response') {
      const status = Number(info?.status ?? 0);
      if (!(status >= 200 && status < 300)) {
        yield {
          kind: 'skipped',
          record: n,
          url,
          reason: 'http-error',
          detail: `HTTP ${status || 'status missing'}`,
        };
        continue;
      }
    }
    const contentType =
      (type === 'response' ? info?.headers.get('content-type') : record.warcContentType) ?? '';
    const media = mediaType(contentType);
    if (!(HTML_TYPES.has(media) || (media === '' && looksLikeHtml(payload)))) {
      yield {
        kind: 'skipped',
        record: n,
        url,
        reason: 'not-html',
        detail: media || 'no content type',
      };
      continue;
    }
    if (payload.length > options.maxBytes) {
      yield {
        kind: 'skipped',
        record: n,
        url,
        reason: 'too-large',
        detail: `${payload.length} bytes`,
      };
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = toUtf8(payload, charsetOf(contentType));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      yield { kind: 'skipped', record: n, url, reason: 'undecodable', detail: error.message };
      continue;
    }
    yield {
      kind: 'document',
      record: n,
      url,
      date: record.warcDate ?? undefined,
      bytes,
      type: media || 'text/html',
    };
  }
  if (sourceError) throw new WarcError(`after record ${n}: ${describe(sourceError)}`);
  if (n === 0 && counter.bytes > 0)
    throw new WarcError('not a WARC archive (no WARC record found)');
}
