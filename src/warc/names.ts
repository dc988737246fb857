/**
 * Output names for WARC records, from the record's URL: safe on every file
 * system, deterministic (the same archive gives the same names), and
 * collision-free within one archive.
 *
 * `https://www.example.com/news/2024/park?id=3` → `www.example.com/news/2024/park~1a2b3c4d`:
 * the host, then the path's segments with anything but letters, digits, `.`,
 * `_` and `-` replaced by `-`; an empty path or a trailing `/` gives `index`.
 * When the name had to lose something (a query, characters replaced, a
 * segment shortened), 8 hex digits of the URL's SHA-256 follow a `~`, so two
 * URLs that differ only there still get two names. The same URL seen again in
 * the archive gets `~2`, `~3`… in archive order.
 */
import { createHash } from 'node:crypto';

const MAX_SEGMENT = 80;

function hash8(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

function safeSegment(raw: string): { name: string; lossy: boolean } {
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // keep it encoded
  }
  let name = decoded
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[.-]+|-+$/g, '');
  let lossy = name !== decoded;
  if (name.length > MAX_SEGMENT) {
    name = name.slice(0, MAX_SEGMENT);
    lossy = true;
  }
  return { name: name || '_', lossy };
}

/** The name of one URL, before collisions (no extension). */
export function nameFromUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `record~${hash8(url)}`;
  }
  const host = safeSegment(parsed.hostname || 'no-host');
  const port = parsed.port ? `-${parsed.port}` : '';
  const raw = parsed.pathname.split('/').filter((s) => s !== '');
  if (raw.length === 0 || parsed.pathname.endsWith('/')) raw.push('index');
  let lossy = host.lossy || parsed.search !== '' || parsed.username !== '';
  const segments = raw.map((s) => {
    const seg = safeSegment(s);
    lossy ||= seg.lossy;
    return seg.name;
  });
  // A `.html` extension would be dropped with the output's; keep names extension-free.
  const last = segments.length - 1;
  segments[last] =
    (segments[last] ?? 'index').replace(/\.(x?html?|php|aspx?|jsp)$/i, '') || 'index';
  const name = [`${host.name}${port}`, ...segments].join('/');
  return lossy ? `${name}~${hash8(url)}` : name;
}

/** Names for the records of one archive: deterministic and unique (case-insensitively). */
export class RecordNames {
  readonly #taken = new Set<string>();
  readonly #seen = new Map<string, number>();

  next(url: string): string {
    let name = nameFromUrl(url);
    const n = (this.#seen.get(url) ?? 0) + 1;
    this.#seen.set(url, n);
    if (n > 1) name = `${name}~${n}`;
    if (this.#taken.has(name.toLowerCase())) name = `${name}~${hash8(`${url}#${n}`)}`;
    this.#taken.add(name.toLowerCase());
    return name;
  }
}
