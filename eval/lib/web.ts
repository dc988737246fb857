/**
 * The wide corpus (`../shared/corpus-web`, see its README): 1,739 pages of
 * many sites, page kinds and languages, gzipped HTML with gold text and (for
 * about half) gold title, authors and date.
 *
 * Sites are split deterministically into a *tune* half and a *check* half by
 * a hash of the site name (`halfOf`), so every page of a site is on one side.
 * Rules and fitted weights may look at the tune half; figures are reported on
 * the check half.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export type Half = 'tune' | 'check';

export interface WebPage {
  id: string;
  dir: string;
  dataset: string;
  lang: string;
  site: string;
  /** wcxb's page kind (article, forum, product…); `null` for the other datasets. */
  pageType: string | null;
  half: Half;
  goldWords: number;
}

export interface WebSource {
  url?: string;
  /** `true`, `false`, or a dataset's note ("sometimes (page-dependent)", "unknown"). */
  gold_includes_title?: boolean | string;
  gold_metadata?: { title?: string; authors?: string[]; date?: string };
}

/**
 * The half a site belongs to: the first byte of SHA-256 of the lower-cased
 * site name, even → tune, odd → check. Stable across runs and machines.
 */
export function halfOf(site: string): Half {
  const byte = createHash('sha256').update(site.trim().toLowerCase()).digest()[0] ?? 0;
  return byte % 2 === 0 ? 'tune' : 'check';
}

interface ManifestLine {
  id: string;
  dataset: string;
  lang: string;
  site: string;
  page_type: string | null;
  gold_words: number;
}

/** Every page listed in the corpus' manifest, with its half. */
export function loadWebPages(corpus: string): WebPage[] {
  const manifest = join(corpus, 'manifest.jsonl');
  if (!existsSync(manifest)) return [];
  return readFileSync(manifest, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ManifestLine)
    .map((m) => ({
      id: m.id,
      dir: join(corpus, 'articles', m.id),
      dataset: m.dataset,
      lang: m.lang,
      site: m.site,
      pageType: m.page_type,
      half: halfOf(m.site),
      goldWords: m.gold_words,
    }));
}

export interface WebFilter {
  half?: Half | 'all';
  datasets?: readonly string[];
  kinds?: readonly string[];
  langs?: readonly string[];
  ids?: readonly string[];
  /** At most this many pages (in manifest order, after the other filters). */
  limit?: number;
}

export function selectPages(pages: readonly WebPage[], f: WebFilter): WebPage[] {
  const out = pages.filter(
    (p) =>
      (!f.half || f.half === 'all' || p.half === f.half) &&
      (!f.datasets?.length || f.datasets.includes(p.dataset)) &&
      (!f.kinds?.length || f.kinds.includes(p.pageType ?? 'none')) &&
      (!f.langs?.length || f.langs.includes(p.lang)) &&
      (!f.ids?.length || f.ids.some((id) => p.id === id || p.id.endsWith(id))),
  );
  return f.limit !== undefined ? out.slice(0, f.limit) : out;
}

/** The page's HTML bytes (gunzipped; charset decoding is the cleaner's job). */
export function readWebHtml(page: WebPage): Uint8Array {
  return gunzipSync(readFileSync(join(page.dir, 'page.html.gz')));
}

export function readWebGold(page: WebPage): string {
  return readFileSync(join(page.dir, 'gold.txt'), 'utf8');
}

export function readWebSource(page: WebPage): WebSource {
  return JSON.parse(readFileSync(join(page.dir, 'source.json'), 'utf8')) as WebSource;
}
