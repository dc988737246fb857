/**
 * The metadata record (`<name>.json`), built from `file.data` and the
 * messages alone. Its shape is `schema/metadata.schema.json`; bump
 * `SCHEMA_VERSION` on any change to it.
 */
import type { VFile } from 'vfile';
import { confidenceOf } from '../../plugins/shared/evidence.js';
import { editsOf, removalsOf } from '../../plugins/shared/messages.js';
import { countWords } from '../../plugins/shared/text.js';
import { tagsOf } from '../readers/front-matter.js';
import type {
  Counts,
  Edit,
  Evidence,
  QuoteFound,
  RelatedItem,
  RemovedBlock,
  SourceCited,
  SourceInfo,
  Status,
} from '../types.js';

export const SCHEMA_VERSION = '1.4.0';

export interface Metadata {
  schemaVersion: string;
  source: SourceInfo;
  title: string | null;
  titleEvidence: Evidence | null;
  headline: string | null;
  dek: string | null;
  /** The page's own summary (front matter `description`/`summary`, else the description meta tag). Since 1.3.0. */
  description: string | null;
  /** Tags, categories and keywords the page declares (front matter, else the keywords meta tag). Since 1.3.0. */
  tags: string[];
  byline: string | null;
  /** Which evidence the byline line came from. Since 1.4.0. */
  bylineEvidence: Evidence | null;
  authors: string[];
  publication: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  published: string | null;
  modified: string | null;
  dateEvidence: { published: string | null; modified: string | null };
  authorEvidence: Evidence | null;
  confidence: { title: number | null; authors: number | null; published: number | null };
  language: string | null;
  counts: Counts;
  status: Status;
  statusReasons: string[];
  related: RelatedItem[];
  sources: SourceCited[];
  quotes: QuoteFound[];
  removed: RemovedBlock[];
  edits: Edit[];
  warnings: { ruleId: string | null; reason: string }[];
}

const WORDS_PER_MINUTE = 230;

function countsOf(file: VFile, markdown: string): Counts {
  if (file.data.counts) return file.data.counts;
  const body = markdown.replace(/^# .*\n?/, '');
  const words = countWords(body);
  return {
    words,
    characters: body.replace(/\s+/g, '').length,
    paragraphs: body.split(/\n{2,}/).filter((b) => b.trim().length > 0).length,
    readingMinutes: Math.max(words > 0 ? 1 : 0, Math.round(words / WORDS_PER_MINUTE)),
    inputWords: file.data.inputWords ?? 0,
  };
}

export function buildMetadata(file: VFile, markdown: string): Metadata {
  const meta = file.data.meta ?? { authors: [] };
  const source = file.data.source ?? {
    path: file.path ?? '-',
    format: 'text',
    sha256: '',
    bytes: 0,
    encoding: 'utf-8',
  };
  const status: Status = file.data.status ?? (markdown.trim() ? 'ok' : 'empty');
  return {
    schemaVersion: SCHEMA_VERSION,
    source: stripUndefined(source),
    title: meta.title ?? null,
    titleEvidence: meta.title === undefined ? null : (meta.titleEvidence ?? 'text'),
    headline: meta.headline ?? null,
    dek: meta.dek ?? null,
    description: file.data.description ?? htmlDescription(file) ?? null,
    tags: file.data.tags ?? htmlKeywords(file),
    byline: meta.byline ?? null,
    bylineEvidence: meta.byline === undefined ? null : (meta.bylineEvidence ?? 'text'),
    authors: meta.authors,
    publication: meta.publication ?? null,
    siteName: meta.siteName ?? null,
    canonicalUrl: meta.canonicalUrl ?? null,
    published: meta.published ?? null,
    modified: meta.modified ?? null,
    dateEvidence: {
      published: meta.dateEvidence?.published ?? null,
      modified: meta.dateEvidence?.modified ?? null,
    },
    authorEvidence: meta.authors.length > 0 ? (meta.authorEvidence ?? 'text') : null,
    confidence: {
      title: confidenceOf('title', meta.titleEvidence ?? 'text', meta.title !== undefined),
      authors: confidenceOf('authors', meta.authorEvidence ?? 'text', meta.authors.length > 0),
      published: confidenceOf(
        'published',
        meta.dateEvidence?.published,
        meta.published !== undefined,
      ),
    },
    language: meta.language ?? null,
    counts: countsOf(file, markdown),
    status,
    statusReasons: file.data.statusReasons ?? [],
    related: (file.data.related ?? []).map(stripUndefined),
    sources: file.data.sources ?? [],
    quotes: (file.data.quotes ?? []).map(stripUndefined),
    removed: removalsOf(file).map(stripUndefined),
    edits: editsOf(file).map(stripUndefined),
    warnings: file.messages
      .filter((m) => m.fatal === false)
      .map((m) => ({ ruleId: m.ruleId ?? null, reason: m.reason })),
  };
}

/** The HTML page's description meta tag (`description`, then `og:description`). */
function htmlDescription(file: VFile): string | undefined {
  const m = file.data.htmlMeta?.meta;
  const d = (m?.description ?? m?.['og:description'])?.replace(/\s+/g, ' ').trim();
  return d ? d : undefined;
}

/** The HTML page's keywords meta tag (`keywords`, then `news_keywords`), split on commas. */
function htmlKeywords(file: VFile): string[] {
  const m = file.data.htmlMeta?.meta;
  const raw = m?.keywords ?? m?.news_keywords;
  return raw ? tagsOf({ keywords: raw }) : [];
}

/** JSON has no `undefined`: drop such keys so the record matches its schema. */
function stripUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}
