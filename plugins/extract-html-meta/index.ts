/**
 * remark-extract-html-meta — document-level metadata from HTML head evidence
 * and Markdown front matter.
 *
 * What: combines `file.data.htmlMeta` (read by the HTML reader before
 * conversion) and `file.data.frontMatter` into `file.data.meta`, in a fixed
 * precedence: JSON-LD (NewsArticle/Article/BlogPosting…: headline, authors
 * incl. nested Person/Organization, datePublished, dateModified,
 * publisher.name), then meta tags (author, article:published_time,
 * article:modified_time, og:*, citation_*, dc.*, parsely-*, sailthru.* …),
 * then `<time datetime>` and byline-classed elements, then visible text (set
 * earlier by `detect-byline`, and overridden here only by stronger evidence).
 * Fills `authors`/`authorEvidence`, `published`/`modified`/`dateEvidence`,
 * `siteName`, `publication` (when unset), `canonicalUrl`, and `title` with
 * `titleEvidence` by the same precedence (`chooseTitle`): the JSON-LD
 * article's headline/name, then og:title, twitter:title, citation/Dublin
 * Core/Parse.ly/Sailthru titles and `<title>` without the site's name around
 * them, then the visible headline `detect-headline` set (`meta.headline`,
 * which stays the body's `# ` line); junk head titles are passed over. For
 * Markdown, front matter's `title` comes first. When the page's text had no
 * byline line, `byline` is made from these authors (or a JSON-LD
 * Organization author).
 *
 * When: after prune, before `assemble` (which falls back to `meta.title`).
 *
 * Options: none.
 *
 * Messages: none.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import {
  formatByline,
  isPlaceholderName,
  looksLikeOutlet,
  readBylineLine,
} from '../shared/byline.js';
import { cjkMetaDate, normalizeDate, parseDate } from '../shared/dates.js';
import { offerAuthors, offerDate } from '../shared/evidence.js';
import { fixNameCase, isSingleCase } from '../shared/names.js';
import type { ArticleMeta, Evidence, HtmlMeta } from '../shared/types.js';
import { hostOfUrl } from '../shared/url.js';
import { authorsOfJsonLd, type JsonObject, pickArticle, str, typesOf } from './json-ld.js';
import { chooseTitle, type TitleContext } from './title.js';

export {
  chooseTitle,
  junkTitle,
  pageTitle,
  stripTitleSuffix,
  type TitleChoice,
  titleCandidates,
} from './title.js';
export { pickTitle, type TitleOption, titleOptions } from './title-model.js';

export type Options = Record<string, never>;

const PUBLISHED_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'article.published',
  'parsely-pub-date',
  'sailthru.date',
  'citation_publication_date',
  'citation_date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.date',
  'dcterms.created',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'date',
  'og:pubdate',
];

const MODIFIED_KEYS = [
  'article:modified_time',
  'og:updated_time',
  'datemodified',
  'article.updated',
  'dcterms.modified',
  'last-modified',
  'lastmod',
];

const AUTHOR_KEYS = [
  'dc.creator',
  'dcterms.creator',
  'author',
  'article:author',
  'parsely-author',
  'sailthru.author',
  'citation_author',
  'byl',
  'og:article:author',
  'cxenseparse:author',
];

export const remarkExtractHtmlMeta: Plugin<[Readonly<Options>?], Root> = () => (_tree, file) => {
  file.data.meta ??= { authors: [] };
  const meta: ArticleMeta = file.data.meta;
  const fm = file.data.frontMatter;
  if (fm) fromFrontMatter(meta, fm);
  const html = file.data.htmlMeta;
  if (html) fromHtml(meta, html, file);
  preferVisibleOverAccount(meta);
  settleByline(meta);
};

/** Author names from a free string ("By Jane Doe and John Smith", "Jane Doe, Staff Writer"). */
export function namesFrom(value: string): string[] {
  const s = value.replace(/\s+/g, ' ').trim();
  if (!s || s.length > 200 || /https?:|www\.|@|\.com\b|[*<>{}=#]/i.test(s)) return [];
  const read = readBylineLine(/^by\b/i.test(s) ? s : `By ${s}`);
  if (read.kind === 'byline' && read.authors.length > 0) return read.authors;
  if (read.kind === 'byline') return [];
  // Names the shape test cannot read (one word, non-Latin scripts): keep short plain ones.
  const plain = s.replace(/^by\s+/i, '');
  if (isPlaceholderName(plain)) return [];
  if (plain.split(' ').length <= 4 && !/[\d|:;!?]/.test(plain) && !looksLikeOutlet(plain))
    return [
      isSingleCase(plain) && /\p{L}/u.test(plain) && plain.length > 3 ? fixNameCase(plain) : plain,
    ];
  return [];
}

function fromFrontMatter(meta: ArticleMeta, fm: Record<string, unknown>): void {
  const title = str(fm.title);
  if (title) {
    meta.title = title;
    meta.titleEvidence = 'front-matter';
  }
  const authors = fm.authors ?? fm.author;
  const list = (Array.isArray(authors) ? authors : [authors]).flatMap((a) => {
    const s = str(a) ?? str((a as JsonObject | undefined)?.name);
    return s ? namesFrom(s) : [];
  });
  offerAuthors(meta, list, 'front-matter');
  offerDate(
    meta,
    'published',
    normalizeDate(fm.date ?? fm.published ?? fm.pubDate),
    'front-matter',
  );
  offerDate(
    meta,
    'modified',
    normalizeDate(fm.updated ?? fm.modified ?? fm.lastmod),
    'front-matter',
  );
  const lang = str(fm.lang ?? fm.language);
  if (lang) meta.language ??= lang;
}

/** Meta tags by name: `dc:creator` reads as `dc.creator`; a tag naming several properties counts for each. */
function metaMap(raw: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw))
    for (const name of k.split(/\s+/)) {
      const key = name.replace(/^(dc|dcterms):/, '$1.');
      if (!(key in out)) out[key] = v;
    }
  return out;
}

function fromHtml(meta: ArticleMeta, html: HtmlMeta, file: VFile): void {
  const m = metaMap(html.meta);
  let orgAuthor: string | undefined;
  let publisher: string | undefined;
  const article = pickArticle(html.jsonLd);
  // 1. JSON-LD
  if (article) {
    const { people, organisations } = authorsOfJsonLd(article);
    offerAuthors(meta, people.flatMap(declaredNames), 'json-ld');
    orgAuthor = organisations[0];
    offerDate(
      meta,
      'published',
      normalizeDate(article.datePublished ?? article.dateCreated ?? article.uploadDate),
      'json-ld',
    );
    offerDate(meta, 'modified', normalizeDate(article.dateModified), 'json-ld');
    const pub = article.publisher as JsonObject | JsonObject[] | undefined;
    publisher = str((Array.isArray(pub) ? pub[0] : pub)?.name);
    const name = publisher ?? organisations[0];
    if (name) meta.publication ??= name;
  }
  // 2. meta tags
  offerAuthors(meta, firstNames(m, AUTHOR_KEYS), 'meta');
  offerDate(meta, 'published', firstDate(m, PUBLISHED_KEYS), 'meta');
  offerDate(meta, 'modified', firstDate(m, MODIFIED_KEYS), 'meta');
  // 3. <time> and byline-classed elements
  offerDate(
    meta,
    'published',
    html.times.map((t) => normalizeDate(t)).find((t) => t !== undefined),
    'html',
  );
  offerDate(meta, 'published', dateOfTexts(html.dateTexts ?? [], html.lang), 'html');
  // A Chinese page's meta line, wherever it sits ("发布: 2021-1-29 13:18 | 点击: 313"): the weakest visible date.
  if (meta.published === undefined)
    offerDate(meta, 'published', firstDefined(html.cjkDateLines ?? [], cjkMetaDate), 'text');
  // A forum thread: the first post's author, before any other author element of the page.
  offerAuthors(meta, threadStarter(html.threadBylines ?? html.bylines), 'html');
  const elements = bylineNames(html.bylines);
  offerAuthors(meta, elements.names, 'html');
  // Site, URL, title
  const website = html.jsonLd.find((o) => typesOf(o).includes('WebSite'));
  meta.siteName ??=
    m['og:site_name'] ?? str(website?.name) ?? m['application-name'] ?? m['al:ios:app_name'];
  if (meta.siteName) meta.publication ??= meta.siteName;
  const url =
    absolute(html.canonical, m['og:url'] ?? file.data.source?.url) ??
    absolute(m['og:url']) ??
    absolute(str(article?.url));
  if (url) meta.canonicalUrl ??= url;
  // Title: JSON-LD, then head tags and <title> without the site's name, then the visible headline.
  const chosen = chooseTitle(html, titleContextOf(meta, html, file.data.source?.url));
  if (chosen && (chosen.evidence !== 'text' || meta.title === undefined)) {
    meta.title = chosen.title;
    meta.titleEvidence = chosen.evidence;
  }
  // An organisation named as the author: JSON-LD, an author meta tag, an author element, the visible byline ("By Resy Staff").
  const visible = meta.visibleByline;
  const visibleOrg =
    visible?.lead && visible.authors.length === 0 ? visible.publication : undefined;
  const orgEvidence: Evidence = orgAuthor
    ? 'json-ld'
    : outletAuthor(m)
      ? 'meta'
      : elements.organisation
        ? 'html'
        : 'text';
  orgAuthor ??= outletAuthor(m) ?? elements.organisation ?? visibleOrg;
  // No person named anywhere: an organisation declared as the author ("By AFP") is the author.
  if (meta.authors.length === 0 && orgAuthor && !isPlaceholderName(orgAuthor))
    offerAuthors(meta, [orgAuthor], orgEvidence);
}

/** What the title choosers know of a page besides its head: the names the site goes by, its host, the visible headline. */
export function titleContextOf(
  meta: ArticleMeta,
  html: HtmlMeta,
  url: string | undefined,
): TitleContext {
  const m = metaMap(html.meta);
  const article = pickArticle(html.jsonLd);
  const pub = article?.publisher as JsonObject | JsonObject[] | undefined;
  const website = html.jsonLd.find((o) => typesOf(o).includes('WebSite'));
  return {
    siteNames: [
      meta.siteName,
      m['og:site_name'],
      m['application-name'],
      str(website?.name),
      str((Array.isArray(pub) ? pub[0] : pub)?.name),
    ],
    host: hostOfUrl(meta.canonicalUrl ?? url),
    headline: meta.headline,
  };
}

/** A CMS account rather than a display name: one token with a dot, underscore or digit ("andrew.keaveney", "jdoe_2"). */
export function isAccountName(name: string): boolean {
  return /^[\p{L}\p{N}._-]+$/u.test(name) && /[._\d]/u.test(name);
}

/**
 * Structured evidence that names no person, only accounts
 * ("andrew.keaveney") or outlets ("USA TODAY"), loses to the page's visible
 * byline when that names people.
 */
function preferVisibleOverAccount(meta: ArticleMeta): void {
  const visible = meta.visibleByline?.authors ?? [];
  if (meta.authorEvidence === 'text' || visible.length === 0 || meta.authors.length === 0) return;
  const person = (n: string): boolean => !isAccountName(n) && !looksLikeOutlet(n);
  if (meta.authors.some(person) || !visible.every((n) => person(n) && n.includes(' '))) return;
  meta.authors = [...visible];
  meta.authorEvidence = 'text';
}

/** Names compared without case, accents or punctuation. */
function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The byline line comes from one source, the one the authors came from: the
 * page's own line when it names the same people; otherwise a line made from
 * the authors and their evidence (a visible line naming other people, or
 * only a category or an outlet, is not the article's byline).
 */
function settleByline(meta: ArticleMeta): void {
  if (meta.authors.length === 0) return;
  const visible = meta.visibleByline;
  const same =
    visible !== undefined &&
    visible.authors.length === meta.authors.length &&
    visible.authors.every((a) => meta.authors.some((b) => nameKey(a) === nameKey(b)));
  if (meta.byline !== undefined && (same || meta.authorEvidence === 'text')) return;
  const line = formatByline({ authors: meta.authors });
  if (!line) return;
  meta.byline = line;
  meta.bylineEvidence = meta.authorEvidence;
}

/**
 * Names from an author that structured data declares a person (JSON-LD
 * `Person`): read as a byline first; a name the byline shapes refuse (a
 * team, a one-word handle) is still the declared author, unless it is a
 * placeholder ("admin"), a URL or longer than six words.
 */
export function declaredNames(value: string): string[] {
  const names = namesFrom(value);
  if (names.length > 0) return names;
  const s = value
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:|·•–—-]+|[\s,;:|·•–—-]+$/g, '')
    .trim();
  if (!s || s.length > 60 || s.split(' ').length > 6 || /https?:|www\.|@|[<>{}=#|]/i.test(s))
    return [];
  return isPlaceholderName(s) ? [] : [s];
}

/** A label that marks the thread's first poster ("Discussion starter", "Original poster", "OP"). */
const STARTER =
  /\b(?:discussion|thread|topic)\s+starter\b|\boriginal\s+poster\b|(?:^|\s)OP(?:\s|$)/i;

/** A user name: one token, no spaces, at least one letter ("hayley.p", "Need2Know", "b_scherer"). */
const HANDLE = /^(?=[^\s]*\p{L})[\p{L}\p{N}._-]{2,30}$/u;

/**
 * The author of a forum thread from its author elements, one per post: the
 * one labelled the thread's starter, else the first when at least three
 * posts' author elements are bare user names.
 */
export function threadStarter(bylines: readonly string[]): string[] {
  for (const b of bylines) {
    const m = STARTER.exec(b);
    const first = b.split(/\s+/)[0] ?? '';
    if (m && m.index > 0 && HANDLE.test(first) && !isPlaceholderName(first)) return [first];
  }
  const handles = bylines.filter((b) => HANDLE.test(b.trim()));
  const first = bylines[0]?.trim() ?? '';
  if (bylines.length >= 3 && handles.length * 2 >= bylines.length && HANDLE.test(first))
    return isPlaceholderName(first) ? [] : [first];
  return [];
}

/** Where an update's date starts in a date element's text ("May 2, 2020 · Updated May 5, 2020"). */
const UPDATE_WORD =
  /(?<![\p{L}])(?:(?:last\s+)?(?:updated|modified|edited)|aktualisiert|mis\s+à\s+jour|actualizado|atualizado|aggiornato|bijgewerkt|uppdaterad|opdateret|zaktualizowano)(?![\p{L}])/iu;

/**
 * The first full date (day, month and year) in the texts of `<time>` and
 * date-classed elements, read in the page's declared language; an update's
 * date ("Updated May 5") is not the publication date.
 */
export function dateOfTexts(texts: readonly string[], lang?: string): string | undefined {
  const language = lang?.trim() || undefined;
  for (const t of texts) {
    const published = t.split(UPDATE_WORD)[0] ?? '';
    if (!/\d/.test(published)) continue;
    const iso = parseDate(published, { language })?.iso;
    if (iso) return iso;
  }
  return undefined;
}

function firstDefined<T>(
  items: readonly string[],
  read: (s: string) => T | undefined,
): T | undefined {
  for (const item of items) {
    const v = read(item);
    if (v !== undefined) return v;
  }
  return undefined;
}

function firstNames(m: Record<string, string>, keys: readonly string[]): string[] {
  for (const k of keys) {
    const v = m[k];
    if (!v) continue;
    const names = namesFrom(v);
    if (names.length > 0) return names;
  }
  return [];
}

/** A newsroom's team named as the author: "Resy Staff", "By the EDB Team", "Von der Tide-Redaktion". */
const TEAM =
  /^(?:(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor|[Dd]i|[Aa]v|[Aa]f)\s+)?(?:(?:[Tt]he|[Dd]er|[Dd]ie|[Ll]a|[Ll]e)\s+)?((?:[\p{Lu}\p{N}][\p{L}\p{N}.&'’-]*\s+){1,4}(?:Staff|Team|Desk|Editors|Newsroom|Redaktion|Rédaction|Redacción|Redazione|Redactie))$/u;

/** The team a byline or author string names, or undefined. */
export function teamName(text: string): string | undefined {
  const m = TEAM.exec(text.replace(/\s+/g, ' ').trim());
  return m?.[1]?.trim();
}

/** An author meta tag that names an outlet ("BBC News") or a team ("Resy Staff"), not a person. */
function outletAuthor(m: Record<string, string>): string | undefined {
  for (const k of AUTHOR_KEYS) {
    const v = m[k];
    if (!v || /https?:|@/.test(v)) continue;
    const team = teamName(v);
    if (team) return team;
    const read = readBylineLine(/^by\b/i.test(v) ? v : `By ${v}`);
    if (read.kind === 'byline' && read.authors.length === 0 && read.publication)
      return read.publication;
  }
  return undefined;
}

function firstDate(m: Record<string, string>, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const d = normalizeDate(m[k]);
    if (d) return d;
  }
  return undefined;
}

/**
 * Names from the text of byline-classed elements: the first that reads as a
 * byline decides. One that names only an organisation after a lead word
 * ("By Resy Staff", "Von dpa") gives that organisation instead.
 */
export function bylineNames(texts: readonly string[]): { names: string[]; organisation?: string } {
  for (const t of texts) {
    const team = teamName(t);
    if (team) return { names: [], organisation: team };
    const read = readBylineLine(t);
    if (read.kind === 'byline' && read.authors.length > 0) return { names: read.authors };
    if (
      read.kind === 'byline' &&
      read.lead &&
      read.publication &&
      !isPlaceholderName(read.publication)
    )
      return { names: [], organisation: read.publication };
    const names = t.length <= 60 ? namesFrom(t) : [];
    if (names.length > 0 && names.every((n) => n.split(' ').length >= 2)) return { names };
  }
  return { names: [] };
}

function absolute(href: string | undefined, base?: string): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** Evidence kinds this plugin writes (for documentation and tests). */
export const EVIDENCE_WRITTEN: readonly Evidence[] = ['json-ld', 'front-matter', 'meta', 'html'];

export default remarkExtractHtmlMeta;
