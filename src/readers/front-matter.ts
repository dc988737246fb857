/**
 * Front matter of a Markdown input: YAML (`---` … `---`) or TOML (`+++` …
 * `+++`), read into `file.data.frontMatter` (the raw fields, for
 * `extract-html-meta`: title, author(s), dates, lang) and into the facts only
 * front matter has: `file.data.tags` (tags, categories, keywords) and
 * `file.data.description`.
 *
 * Bounded: a block over `FRONT_MATTER_MAX_BYTES` is not parsed, and YAML
 * aliases are capped; a block that does not parse is a warning (rule
 * `front-matter`). Either way the block never reaches the body.
 *
 * TOML is read by a small subset reader: top-level `key = value` lines with
 * strings, numbers, booleans, dates and one-line arrays of those (what
 * Hugo-style front matter holds); `[tables]` and what follows them are
 * skipped.
 */
import type { VFile } from 'vfile';
import YAML from 'yaml';

/** Front matter larger than this is not parsed (64 KiB). */
export const FRONT_MATTER_MAX_BYTES = 64 * 1024;
/** At most this many tags are kept. */
const MAX_TAGS = 50;
const MAX_TAG_LENGTH = 100;

export type FrontMatterKind = 'yaml' | 'toml';

function warn(file: VFile, reason: string): void {
  file.message(reason, { ruleId: 'front-matter', source: 'copydesk' });
}

/** Parse a front-matter block's text and record what it says on `file.data`. */
export function readFrontMatter(kind: FrontMatterKind, value: string, file: VFile): void {
  if (Buffer.byteLength(value, 'utf8') > FRONT_MATTER_MAX_BYTES) {
    warn(file, `front matter is over ${FRONT_MATTER_MAX_BYTES / 1024} KiB; not read`);
    return;
  }
  let parsed: unknown;
  try {
    parsed = kind === 'yaml' ? YAML.parse(value, { maxAliasCount: 50 }) : parseToml(value);
  } catch {
    warn(file, `front matter is not valid ${kind.toUpperCase()}; ignored`);
    return;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    if (parsed !== null && parsed !== undefined)
      warn(file, 'front matter is not a set of fields; ignored');
    return;
  }
  const fields = parsed as Record<string, unknown>;
  file.data.frontMatter = fields;
  const tags = tagsOf(fields);
  if (tags.length > 0) file.data.tags = tags;
  const description = textOf(fields.description ?? fields.summary ?? fields.excerpt);
  if (description) file.data.description = description;
}

function textOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const s = value.replace(/\s+/g, ' ').trim();
  return s === '' ? undefined : s;
}

/** Tags, categories and keywords, in that order, without repeats (case folded). */
export function tagsOf(fields: Readonly<Record<string, unknown>>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const key of ['tags', 'categories', 'category', 'keywords']) {
    const value = fields[key];
    const items = Array.isArray(value)
      ? value
      : typeof value === 'string'
        ? value.split(/[,;]/)
        : [];
    for (const item of items) {
      const tag = typeof item === 'string' || typeof item === 'number' ? textOf(String(item)) : '';
      if (!tag || tag.length > MAX_TAG_LENGTH || seen.has(tag.toLowerCase())) continue;
      seen.add(tag.toLowerCase());
      out.push(tag);
      if (out.length >= MAX_TAGS) return out;
    }
  }
  return out;
}

/** A TOML value: a string, number, boolean, date, or one-line array of those. */
function tomlValue(raw: string): unknown {
  const s = raw.trim();
  if (s.startsWith('[')) {
    if (!s.endsWith(']')) throw new Error('unclosed array');
    const inner = s.slice(1, -1).trim();
    if (inner === '') return [];
    const items: unknown[] = [];
    const re = /\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^,]+)\s*(?:,|$)/gy;
    let m: RegExpExecArray | null = re.exec(inner);
    let at = 0;
    while (m && m[0] !== '') {
      items.push(tomlValue(m[1]!));
      at = re.lastIndex;
      m = re.exec(inner);
    }
    if (inner.slice(at).trim() !== '') throw new Error('bad array');
    return items;
  }
  if (s.startsWith('"')) {
    if (!/^"(?:[^"\\]|\\.)*"$/.test(s)) throw new Error('bad string');
    return JSON.parse(s.replace(/\\u([\da-fA-F]{4})/g, '\\u$1')) as string;
  }
  if (s.startsWith("'")) {
    if (!/^'[^']*'$/.test(s)) throw new Error('bad string');
    return s.slice(1, -1);
  }
  if (s === 'true' || s === 'false') return s === 'true';
  if (/^[+-]?\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(s)) return Number(s.replace(/_/g, ''));
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/.test(s))
    return s;
  throw new Error(`bad value: ${s.slice(0, 20)}`);
}

/** The top-level fields of a TOML document (tables skipped). */
export function parseToml(value: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const raw of value.split(/\r?\n/)) {
    const line = raw.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('[')) break; // a table: the top level ends
    const m = /^([A-Za-z0-9_-]+|"[^"]*")\s*=\s*(.*?)\s*(?:#[^"'\]]*)?$/.exec(line);
    if (!m) throw new Error('not a key = value line');
    const key = m[1]!.replace(/^"|"$/g, '');
    if (key === '__proto__') continue;
    out[key] = tomlValue(m[2]!);
  }
  return out;
}
