/**
 * The page's title from head evidence: JSON-LD headline, og:title,
 * twitter:title, citation/dc titles, then `<title>` without its site suffix.
 * Also used by the headline detector to match head titles against blocks.
 */
import type { HtmlMeta } from '../shared/types.js';
import { articlesOf, pickArticle, str } from './json-ld.js';

const SEPARATOR = /(?<!\s)\s+(?:[|•·»]|::|[-–—]|\/)\s+/;

/**
 * Separators around a site's name: those of `SEPARATOR` plus `›`, `«`, `‹`,
 * `~` and a spaced colon (`Headline : Site`). Only used to drop a part that
 * names the site or repeats the visible headline, never to guess, since
 * French typography writes `Titre : sous-titre`.
 */
const SITE_SEPARATOR = /(?<!\s)\s+(?:[|•·»›«‹~:]|::|[-–—]|\/)\s+/;

/** Words of a text, lower-cased, without punctuation ("What Is X?" → "what is x"). */
function spaced(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Whether a head title is the visible headline with something added: the
 * headline followed by more words ("Staple Tee: Men's Cotton Shirt",
 * "GPS Watches + Heart Rate Monitors | Shop") or preceded by a separated part
 * ("Shop | GPS Watches"). The visible heading is then the article's title and
 * the rest is the site's name, a category or search keywords.
 */
export function extendsHeadline(title: string, headline: string): boolean {
  const t = spaced(title);
  const h = spaced(headline);
  if (h.length < 2 || t === h) return false;
  if (t.startsWith(`${h} `)) return true;
  const parts = title.replace(/\s+/g, ' ').trim().split(SITE_SEPARATOR);
  for (let k = 1; k < parts.length; k++) if (spaced(parts.slice(k).join(' ')) === h) return true;
  return false;
}

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

/** Where a chosen title came from: JSON-LD, the head's tags (`og:title`, `<title>`…), or the visible headline. */
export type TitleEvidence = 'json-ld' | 'meta' | 'text';

export interface TitleChoice {
  title: string;
  evidence: TitleEvidence;
  /** The JSON-LD key, meta tag or element it was read from (`og:title`, `<title>`, `headline`). */
  from: string;
}

export interface TitleContext {
  /** Names the site goes by (og:site_name, application-name, JSON-LD WebSite/publisher name…). */
  siteNames?: readonly (string | undefined)[];
  /** Host of the page (canonical URL, og:url or the caller's URL). */
  host?: string | undefined;
  /** The visible headline (the body's `# ` line), when one was found. */
  headline?: string | undefined;
}

/** Titles that name no article: placeholders of templates and CMSs. */
const PLACEHOLDER = new Set(
  [
    'home',
    'homepage',
    'home page',
    'index',
    'untitled',
    'untitled document',
    'document',
    'new tab',
    'title',
    'null',
    'undefined',
    'loading',
    'page not found',
    '404',
    'startseite',
    'accueil',
    'inicio',
    'portada',
  ].map(norm),
);

/** A head title longer than this (characters) is a description or keyword list, not a title. */
const MAX_TITLE = 250;

/** The label of a host that names the site (`www.theguardian.com` → `theguardian`). */
function hostLabels(host: string | undefined): string[] {
  if (!host) return [];
  const labels = host.toLowerCase().split('.');
  if (labels.length < 2) return [];
  // The label before the public suffix (`com`, `de`, `co.uk`, `com.au`); subdomains are generic.
  const tail =
    labels.length >= 3 && (labels.at(-2) ?? '').length <= 3 && (labels.at(-1) ?? '').length === 2
      ? 2
      : 1;
  const label = norm(labels.at(-1 - tail) ?? '');
  return label.length >= 3 ? [label] : [];
}

/** Does `part` of a title name the site? Exact name, or a short part starting/ending with it. */
function namesSite(part: string, sites: readonly string[]): boolean {
  const n = norm(part);
  if (!n) return false;
  const short = words(part) <= 4;
  return sites.some(
    (s) =>
      n === s ||
      (short && s.length >= 3 && (n.startsWith(s) || n.endsWith(s))) ||
      (s.length >= 6 && n.length >= 3 && s.includes(n) && short),
  );
}

/**
 * A head title without the site's name around it. A separated part at either
 * end is dropped when it names the site (`sites`), when it is an affix that
 * another head title repeats (`affixes`), or when the rest is exactly the
 * visible headline; a leading "Site: " goes when it is exactly the site's name.
 * With `guess` (for `<title>` only), a short trailing part
 * goes when nothing else did (see `stripTitleSuffix`).
 */
function stripSiteAffixes(
  title: string,
  sites: readonly string[],
  affixes: ReadonlySet<string>,
  headline: string | undefined,
  guess: boolean,
): string {
  const t = title.replace(/\s+/g, ' ').trim();
  // "Site: Headline": a colon separates only a part that is exactly the site's name.
  const colon = /^([^:]{2,60}):\s+(\S.*)$/.exec(t);
  if (colon?.[1] && colon[2] && sites.includes(norm(colon[1])) && words(colon[2]) >= 2)
    return stripSiteAffixes(colon[2], sites, affixes, headline, guess);
  const parts = t.split(SITE_SEPARATOR);
  if (parts.length < 2) return t;
  const head = headline ? norm(headline) : '';
  if (head) {
    for (let k = 1; k < parts.length; k++) {
      if (norm(parts.slice(0, k).join(' ')) === head) return joinParts(t, parts, 0, k);
      if (norm(parts.slice(k).join(' ')) === head) return joinParts(t, parts, k, parts.length);
    }
  }
  const drop = (p: string): boolean => namesSite(p, sites) || affixes.has(norm(p));
  let start = 0;
  let end = parts.length;
  while (end - start > 1 && drop(parts[end - 1] ?? '')) end--;
  while (end - start > 1 && drop(parts[start] ?? '')) start++;
  // `<title>` conventionally ends with the site's name: without other evidence,
  // one short trailing part goes when what is left still reads as a title.
  if (guess && start === 0 && end === parts.length) return stripTitleSuffix(t, undefined, true);
  return joinParts(t, parts, start, end);
}

/** End parts (first and last) that two different head titles share: the site's name. */
function sharedAffixes(titles: readonly string[]): Set<string> {
  const seen = new Map<string, Set<string>>();
  for (const t of new Set(titles)) {
    const parts = t.replace(/\s+/g, ' ').trim().split(SEPARATOR);
    if (parts.length < 2) continue;
    for (const p of new Set([parts[0] ?? '', parts.at(-1) ?? ''])) {
      const key = norm(p);
      if (!key) continue;
      const rest = norm(t).replace(key, '');
      const owners = seen.get(key) ?? new Set<string>();
      owners.add(rest);
      seen.set(key, owners);
    }
  }
  // Two titles that differ apart from the affix (not one extending the other).
  const differ = (rests: Set<string>): boolean =>
    [...rests].some((a) => [...rests].some((b) => a && b && !a.includes(b) && !b.includes(a)));
  return new Set([...seen].filter(([, rests]) => differ(rests)).map(([k]) => k));
}

/** Why a head title is no title, or undefined when it is one. */
export function junkTitle(
  title: string,
  sites: readonly string[],
  headline: string | undefined,
): string | undefined {
  const n = norm(title);
  if (!n) return 'empty';
  if (title.length > MAX_TITLE) return 'too long';
  if (PLACEHOLDER.has(n)) return 'placeholder';
  if (sites.includes(n)) return 'the site name';
  if (headline) {
    const h = norm(headline);
    // An SEO string: the visible headline plus a run of keywords.
    if (
      h.length >= 8 &&
      n.includes(h) &&
      n.length >= 1.8 * h.length &&
      words(title) >= words(headline) + 6
    )
      return 'the headline padded with keywords';
    // Cut short ("…"): the headline is the whole of it.
    const cut = /(?:…|\.\.\.)$/.test(title.trim())
      ? norm(title.replace(/(?:…|\.\.\.)\s*$/, ''))
      : '';
    if (cut && h.length > cut.length && h.startsWith(cut)) return 'truncated';
  }
  return undefined;
}

/**
 * The article's title by precedence: JSON-LD (the article object's
 * `headline`, else `name`), then meta tags (`og:title`, `twitter:title`,
 * citation/Dublin Core/Parse.ly/Sailthru titles) and `<title>`, each without
 * the site's name around it, then the visible headline. A head title that is
 * empty, a placeholder ("Home"), only the site's name, longer than
 * 250 characters, the visible headline padded with six or more keywords, or a
 * truncated copy of it is passed over.
 */
export function chooseTitle(html: HtmlMeta, context: TitleContext = {}): TitleChoice | undefined {
  const { present, sites, headline, head, named, cleaned } = prepareTitles(html, context);
  if (headline && !named && junkTitle(headline, sites, undefined) === undefined) {
    // Only the strongest head title that is a title at all: a weaker one does not overrule it.
    const strongest = present.find(([value]) => junkTitle(value, sites, headline) === undefined);
    const extended = strongest && extendsHeadline(strongest[0], headline) ? strongest : undefined;
    if (extended)
      return {
        title: stripSiteAffixes(headline, sites, new Set(), undefined, false),
        evidence: 'text',
        from: 'headline',
      };
  }
  for (const c of cleaned) {
    if (sites.includes(norm(c.raw)) || junkTitle(c.title, sites, headline) !== undefined) continue;
    if (c.from === 'headline' && disowned(c.title, cleaned, head)) continue;
    return { title: c.title, evidence: c.evidence, from: c.from };
  }
  return headline ? { title: headline, evidence: 'text', from: 'headline' } : undefined;
}

/** A head title as declared and without the site's name around it. */
export interface CleanedTitle {
  raw: string;
  title: string;
  evidence: TitleEvidence;
  from: string;
}

/** What the title choosers start from: the head titles present, cleaned, and the names the site goes by. */
export interface PreparedTitles {
  present: [string, TitleEvidence, string][];
  /** Names of the site, folded (`norm`). */
  sites: string[];
  /** End parts that several head titles share (folded). */
  affixes: Set<string>;
  headline: string | undefined;
  /** The visible headline, folded. */
  head: string;
  /** Whether a site name given is the visible headline (a CMS filling application-name with the title). */
  named: boolean;
  cleaned: CleanedTitle[];
}

export function prepareTitles(html: HtmlMeta, context: TitleContext = {}): PreparedTitles {
  const m: Record<string, string> = {};
  for (const [k, v] of Object.entries(html.meta))
    for (const name of k.split(/\s+/)) {
      const key = name.replace(/^(dc|dcterms):/, '$1.');
      if (!(key in m)) m[key] = v;
    }
  const headline = context.headline?.trim() || undefined;
  const article = titledArticle(html, m, headline);
  const raw: [string | undefined, TitleEvidence, string][] = [
    [str(article?.headline), 'json-ld', 'headline'],
    [str(article?.name), 'json-ld', 'name'],
    [m['og:title'], 'meta', 'og:title'],
    [m['twitter:title'], 'meta', 'twitter:title'],
    [m.citation_title, 'meta', 'citation_title'],
    [m['dc.title'], 'meta', 'dc.title'],
    [m['dcterms.title'], 'meta', 'dcterms.title'],
    [m['parsely-title'], 'meta', 'parsely-title'],
    [m['sailthru.title'], 'meta', 'sailthru.title'],
    [html.title, 'meta', '<title>'],
  ];
  const present = raw.filter((c): c is [string, TitleEvidence, string] => !!c[0]?.trim());
  const head = headline ? norm(headline) : '';
  // A "site name" that is the visible headline (a CMS filling application-name with the title) names no site.
  const sites = [
    ...new Set([
      ...(context.siteNames ?? []).filter((s): s is string => !!s).map(norm),
      ...hostLabels(context.host),
    ]),
  ].filter((s) => s !== '' && s !== head);
  const named = (context.siteNames ?? []).some((s) => !!s && norm(s) === head);
  const affixes = sharedAffixes(present.map((c) => c[0]));
  const cleaned = present.map(([value, evidence, from]) => ({
    raw: value,
    title: stripSiteAffixes(value, sites, affixes, headline, from === '<title>'),
    evidence,
    from,
  }));
  return { present, sites, affixes, headline, head, named, cleaned };
}

/** A text without the site's name around it (the cleaning head titles get), for other title sources such as `<h1>`. */
export function withoutSiteName(text: string, prepared: PreparedTitles): string {
  return stripSiteAffixes(text, prepared.sites, prepared.affixes, undefined, false);
}

export { disowned, namesSite, norm as foldTitle, SITE_SEPARATOR, words as titleWords };

/**
 * The JSON-LD object whose title stands for the page. With several stories
 * (a live blog, a front page listing NewsArticles), only the one that
 * another title of the page (og:title, twitter:title, `<title>`, the visible
 * headline) names — none when no title names one.
 */
function titledArticle(
  html: HtmlMeta,
  m: Readonly<Record<string, string>>,
  headline: string | undefined,
): Record<string, unknown> | undefined {
  const articles = articlesOf(html.jsonLd);
  const titleOf = (a: Record<string, unknown>): string =>
    norm(str(a.headline) ?? str(a.name) ?? '');
  if (new Set(articles.map(titleOf)).size <= 1) return pickArticle(html.jsonLd);
  const others = [m['og:title'], m['twitter:title'], html.title, headline]
    .map((t) => norm(t ?? ''))
    .filter((t) => t.length > 0);
  return articles.find((a) => {
    const t = titleOf(a);
    return t.length > 0 && others.some((o) => o.includes(t) || t.includes(o));
  });
}

/**
 * A JSON-LD `headline` that its own object's `name` contradicts: the name
 * agrees with another head title or the visible headline, the headline with
 * none (some sites put a description in `headline`).
 */
function disowned(
  headline: string,
  cleaned: readonly { title: string; from: string }[],
  visible: string,
): boolean {
  const name = cleaned.find((c) => c.from === 'name');
  if (!name || norm(name.title) === norm(headline)) return false;
  const others = cleaned
    .filter((c) => c.from !== 'headline' && c.from !== 'name')
    .map((c) => norm(c.title));
  if (visible) others.push(visible);
  return others.includes(norm(name.title)) && !others.includes(norm(headline));
}
