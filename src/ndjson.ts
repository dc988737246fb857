/**
 * `copydesk clean --ndjson`: a pipeline step for other systems.
 *
 * Reads records `{"id": …, "content": "…", "format"?: "html"|…, "url"?: "…"}`,
 * one JSON object per line, from a stream, and writes one line per record, in
 * input order:
 *
 * - `{"id", "markdown", "metadata"}` for a cleaned record (empty or
 *   whitespace-only content gives `markdown: ""` and `metadata.status: "empty"`);
 * - `{"id", "line", "error"}` for a bad record (not JSON, no string `content`,
 *   an unknown `format`, binary content, longer than the size limit), with
 *   `id: null` when it cannot be read. The run goes on; the caller exits 1.
 *
 * Streams: records are split from the incoming chunks as they arrive and
 * cleaned one at a time, and writing waits for the output to drain, so memory
 * stays bounded by the largest record (at most about `maxBytes`).
 */
import { type CleanJob, type JobResult, runJob } from './batch/job.js';
import { Cleaner } from './clean.js';
import type { CleanOptions } from './options.js';
import { FROM_CHOICES, type FromOption } from './readers/index.js';

export interface NdjsonOptions {
  /** Largest record content, in bytes of UTF-8 (the line may be up to 2× for JSON escapes). */
  maxBytes: number;
  /** Cleans one record (default: in-process); `copydesk serve` passes its worker pool here. */
  clean?: ((job: CleanJob) => Promise<JobResult>) | undefined;
}

export interface NdjsonResult {
  records: number;
  ok: number;
  empty: number;
  failed: number;
}

type Id = string | number | null;

function idOf(value: unknown): Id {
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

async function writeLine(out: NodeJS.WritableStream, value: unknown): Promise<void> {
  if (!out.write(`${JSON.stringify(value)}\n`))
    await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

/** Split a byte stream into lines without holding more than `maxLine` bytes of one. */
async function* lines(
  input: AsyncIterable<Buffer | string>,
  maxLine: number,
): AsyncGenerator<Buffer | 'overflow'> {
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = false;
  for await (const chunk of input) {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let nl = buf.indexOf(10);
    while (nl !== -1) {
      const head = buf.subarray(0, nl);
      if (overflow || size + head.length > maxLine) yield 'overflow';
      else yield parts.length === 0 ? head : Buffer.concat([...parts, head]);
      parts = [];
      size = 0;
      overflow = false;
      buf = buf.subarray(nl + 1);
      nl = buf.indexOf(10);
    }
    if (buf.length > 0 && !overflow) {
      if (size + buf.length > maxLine) {
        overflow = true;
        parts = [];
        size = 0;
      } else {
        parts.push(Buffer.from(buf));
        size += buf.length;
      }
    }
  }
  if (overflow) yield 'overflow';
  else if (size > 0) yield Buffer.concat(parts);
}

export async function runNdjson(
  input: AsyncIterable<Buffer | string>,
  output: NodeJS.WritableStream,
  options: CleanOptions,
  ndjson: NdjsonOptions,
): Promise<NdjsonResult> {
  const cleaner = ndjson.clean ? undefined : new Cleaner(options);
  const cleanOne = ndjson.clean ?? (async (job: CleanJob) => runJob(cleaner!, job));
  const result: NdjsonResult = { records: 0, ok: 0, empty: 0, failed: 0 };
  let line = 0;
  const fail = async (id: Id, error: string): Promise<void> => {
    result.failed++;
    await writeLine(output, { id, line, error });
  };
  for await (const raw of lines(input, ndjson.maxBytes * 2 + 1024)) {
    line++;
    if (raw === 'overflow') {
      result.records++;
      await fail(null, `record too large (limit ${ndjson.maxBytes} bytes, see --max-bytes)`);
      continue;
    }
    const text = raw.toString('utf8').trim();
    if (text === '') continue;
    result.records++;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      await fail(null, 'not a JSON object');
      continue;
    }
    if (!record || typeof record !== 'object' || Array.isArray(record)) {
      await fail(null, 'not a JSON object');
      continue;
    }
    const r = record as Record<string, unknown>;
    const id = idOf(r.id);
    if (typeof r.content !== 'string') {
      await fail(id, 'missing string field "content"');
      continue;
    }
    if (r.format !== undefined && !FROM_CHOICES.includes(r.format as FromOption)) {
      await fail(
        id,
        `unknown format ${JSON.stringify(r.format)} (choose from ${FROM_CHOICES.join(', ')})`,
      );
      continue;
    }
    if (r.url !== undefined && typeof r.url !== 'string') {
      await fail(id, '"url" must be a string');
      continue;
    }
    const bytes = Buffer.from(r.content, 'utf8');
    if (bytes.length > ndjson.maxBytes) {
      await fail(
        id,
        `content too large (${bytes.length} bytes; limit ${ndjson.maxBytes}, see --max-bytes)`,
      );
      continue;
    }
    const job = await cleanOne({
      bytes,
      path: id === null ? '-' : String(id),
      from: (r.format as FromOption | undefined) ?? options.from,
      url: r.url as string | undefined,
    });
    if (job.kind === 'failed') {
      await fail(id, job.reason);
      continue;
    }
    if (job.kind === 'empty') result.empty++;
    else result.ok++;
    await writeLine(output, { id, markdown: job.markdown, metadata: job.metadata });
  }
  return result;
}
