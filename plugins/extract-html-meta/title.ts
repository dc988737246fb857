/**
 * The page's title from head evidence: JSON-LD headline, og:title,
 * twitter:title, citation/dc titles, then `<title>` without its site suffix.
 * Also used by the headline detector to match head titles against blocks.
 */
import type { HtmlMeta } from '../../src/types.js';
import { pickArticle, str } from './json-ld.js';

const SEPARATOR = /(?<!\s)\s+(?:[|•·»]|::|[-–—]|\/)\s+/;

function norm(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * "Headline | Site" → "Headline". A part is dropped when it names the site
 * (`siteName`), or when it is short (at most 4 words) at either end while the
 * rest is a real title (at least 3 words). Titles without a separator come
 * back unchanged. With `guess: false` only parts naming the site are dropped.
 */
export function stripTitleSuffix(title: string, siteName?: string, guess = true): string {
  const t = title.replace(/\s+/g, ' ').trim();
  const parts = t.split(SEPARATOR);
  if (parts.length < 2) return t;
  const site = siteName ? norm(siteName) : '';
  const isSite = (p: string): boolean =>
    site !== '' && (norm(p) === site || norm(p).includes(site) || site.includes(norm(p)));
  let start = 0;
  let end = parts.length;
  while (end - start > 1 && isSite(parts[end - 1] ?? '')) end--;
  while (end - start > 1 && isSite(parts[start] ?? '')) start++;
  if (guess && end - start === parts.length) {
    // No part names the site: drop one short trailing part if what is left still reads as a title.
    const last = parts[parts.length - 1] ?? '';
    const rest = parts.slice(0, -1).join(' ');
    if (words(last) <= 4 && words(rest) >= 3) end = parts.length - 1;
  }
  return joinParts(t, parts, start, end);
}

/** Re-join kept parts with the separators they had in the original. */
function joinParts(original: string, parts: string[], start: number, end: number): string {
  if (start === 0 && end === parts.length) return original;
  const first = parts[start] ?? '';
  const last = parts[end - 1] ?? '';
  const from = original.indexOf(first);
  const to = original.lastIndexOf(last) + last.length;
  return from >= 0 && to > from
    ? original.slice(from, to).trim()
    : parts.slice(start, end).join(' - ');
}

/** Title candidates from head evidence, strongest first. */
export function titleCandidates(html: HtmlMeta, siteName?: string): string[] {
  const m = html.meta;
  const article = pickArticle(html.jsonLd);
  const declared = [
    str(article?.headline),
    m['og:title'],
    m['twitter:title'],
    m.citation_title,
    m['dc.title'],
    m['parsely-title'],
    m['sailthru.title'],
  ]
    .filter((s): s is string => typeof s === 'string' && s.trim().length > 0)
    .map((s) => stripTitleSuffix(s, siteName, false));
  const out = html.title ? [...declared, stripTitleSuffix(html.title, siteName)] : declared;
  return [...new Set(out)];
}

/** The page's title, or undefined. */
export function pageTitle(html: HtmlMeta, siteName?: string): string | undefined {
  return titleCandidates(html, siteName)[0];
}
