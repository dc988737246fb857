/**
 * Metadata evidence precedence: a field set from stronger evidence is never
 * overwritten by weaker evidence. Order (strongest first): a caller's option,
 * JSON-LD and front matter, meta tags, HTML byline/time elements, visible
 * text, a date in the URL.
 */
import type { ArticleMeta, Evidence } from './types.js';

export const EVIDENCE_RANK: Readonly<Record<Evidence, number>> = {
  option: 6,
  'json-ld': 5,
  'front-matter': 5,
  meta: 4,
  html: 3,
  text: 2,
  url: 1,
};

function rank(evidence: Evidence | undefined): number {
  return evidence === undefined ? 0 : EVIDENCE_RANK[evidence];
}

/** Set `published`/`modified` unless stronger (or equal, earlier) evidence set it. Returns whether it was set. */
export function offerDate(
  meta: ArticleMeta,
  field: 'published' | 'modified',
  iso: string | undefined,
  evidence: Evidence,
): boolean {
  if (!iso) return false;
  const current = meta.dateEvidence?.[field];
  if (meta[field] !== undefined && rank(current) >= rank(evidence)) return false;
  meta[field] = iso;
  meta.dateEvidence = { ...meta.dateEvidence, [field]: evidence };
  return true;
}

/** Set `authors` unless stronger (or equal, earlier) evidence set them. Returns whether they were set. */
export function offerAuthors(
  meta: ArticleMeta,
  authors: readonly string[],
  evidence: Evidence,
): boolean {
  const clean = [...new Set(authors.map((a) => a.trim()).filter((a) => a.length > 0))];
  if (clean.length === 0) return false;
  if (meta.authors.length > 0 && rank(meta.authorEvidence) >= rank(evidence)) return false;
  meta.authors = clean;
  meta.authorEvidence = evidence;
  return true;
}
