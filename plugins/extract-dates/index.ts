/**
 * remark-extract-dates — the last word on `published` and `modified`.
 *
 * What: after the byline detector (visible text) and `extract-html-meta`
 * (JSON-LD, meta tags, `<time>`) have offered their dates, this plugin
 * - falls back to a date in the page's URL path (`/2019/11/18/…`, evidence
 *   `url`, the weakest) when nothing else gave a publication date;
 * - drops a `modified` date that is earlier than `published` (an "updated"
 *   date cannot precede publication; an empty field beats a wrong one);
 * - drops a date later than the fetch date (a day's grace for time zones):
 *   a page cannot be published after it was fetched.
 *
 * When: after `extract-html-meta`, before `assemble`.
 *
 * Options:
 * - `fetchDate` (default: the time of cleaning) — when the page was fetched.
 *
 * Messages: none.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { offerDate } from '../shared/evidence.js';

export interface Options {
  /** When the page was fetched; later dates are dropped (default: the time of cleaning). */
  fetchDate?: Date | string | undefined;
}

/** Grace after the fetch date for time zones and clock skew (ms). */
const GRACE = 36 * 3600 * 1000;

const URL_DATE = /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/-]|$)/;

/** `YYYY-MM-DD` from a URL path, or undefined. */
export function dateFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const m = URL_DATE.exec(path);
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

/** Milliseconds of an ISO string (floating times read as UTC), NaN when unreadable. */
function instant(iso: string): number {
  return Date.parse(/T.*(?:Z|[+-]\d{2}:\d{2})$/.test(iso) || !iso.includes('T') ? iso : `${iso}Z`);
}

export const remarkExtractDates: Plugin<[Readonly<Options>?], Root> = (options) => {
  const fetchDate = options?.fetchDate === undefined ? undefined : new Date(options.fetchDate);
  if (fetchDate && Number.isNaN(fetchDate.getTime()))
    throw new Error('remark-extract-dates: `fetchDate` is not a date');
  return (_tree, file) => {
    file.data.meta ??= { authors: [] };
    const meta = file.data.meta;
    const limit = (fetchDate?.getTime() ?? Date.now()) + GRACE;
    for (const field of ['published', 'modified'] as const) {
      const iso = meta[field];
      if (iso !== undefined && instant(iso) > limit) {
        meta[field] = undefined;
        if (meta.dateEvidence) meta.dateEvidence[field] = undefined;
      }
    }
    if (meta.published === undefined)
      offerDate(meta, 'published', dateFromUrl(meta.canonicalUrl ?? file.data.source?.url), 'url');
    if (meta.published !== undefined && meta.modified !== undefined) {
      // Compare calendar days when either is a bare date; instants otherwise.
      const bare = !meta.published.includes('T') || !meta.modified.includes('T');
      const early = bare
        ? meta.modified.slice(0, 10) < meta.published.slice(0, 10)
        : instant(meta.modified) < instant(meta.published);
      if (early) {
        meta.modified = undefined;
        if (meta.dateEvidence) meta.dateEvidence.modified = undefined;
      }
    }
  };
};

export default remarkExtractDates;
