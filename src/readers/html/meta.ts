/**
 * Evidence read from the HTML tree before conversion: <title>, <html lang>,
 * <meta name|property>, canonical link, JSON-LD, <time datetime>, and the text
 * of byline-looking elements.
 */
import type { Element, Root } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { HtmlMeta } from '../../types.js';

function prop(el: Element, name: string): string | undefined {
  const v = el.properties[name];
  if (v === undefined || v === null || v === false) return undefined;
  return Array.isArray(v) ? v.join(' ') : String(v);
}

function flattenJsonLd(value: unknown, out: Record<string, unknown>[], depth = 0): void {
  if (depth > 8 || !value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) flattenJsonLd(v, out, depth + 1);
    return;
  }
  const obj = value as Record<string, unknown>;
  out.push(obj);
  if (obj['@graph']) flattenJsonLd(obj['@graph'], out, depth + 1);
}

/** Elements a document's `<title>` can sit in (parsers move a misplaced one into `<head>` or `<body>`). */
const DOCUMENT_LEVEL = new Set(['head', 'html', 'body']);

/** Script text without the CDATA or HTML-comment wrapper old pages put around it. */
function unwrapScript(text: string): string {
  return text
    .trim()
    .replace(/^(?:\/\/|\/\*)?\s*<!\[CDATA\[(?:\s*\*\/)?/, '')
    .replace(/(?:\/\/|\/\*)?\s*\]\]>(?:\s*\*\/)?$/, '')
    .replace(/^<!--/, '')
    .replace(/-->$/, '');
}

/** Class/id tokens of elements holding a publication date (WordPress `entry-date`, `posted-on`, `post-date`…). */
const DATE_TOKEN =
  /(?:^|[-_\s])(?:date|dates|time|posted|posted-on|postedon|published|pubdate|entry-date|post-date|postdate|postmetadata|post-meta|meta-date|timestamp|article-date)(?:$|[-_\s])/i;

/** Elements whose dates are not the page's publication date: updates, comments, archives, widgets. */
const NOT_PUBLISHED =
  /(?:^|[-_\s])(?:updated|modified|comment|comments|reply|replies|archive|archives|widget|sidebar|calendar|footer|related|recent|popular)(?:$|[-_\s])/i;

const NOT_PUBLISHED_TAGS = new Set(['aside', 'footer', 'nav', 'header-nav', 'select', 'option']);

/**
 * Texts that may hold the publication date, in document order: `<time>`
 * without `datetime` and elements classed as a date (`entry-date`,
 * `posted-on`…), outside comments, archive widgets, sidebars and updates.
 */
function collectDateTexts(node: Root | Element, excluded: boolean, out: string[]): void {
  for (const child of node.children) {
    if (out.length >= 12) return;
    if (child.type !== 'element') continue;
    const tokens = `${prop(child, 'className') ?? ''} ${prop(child, 'id') ?? ''}`;
    const skip = excluded || NOT_PUBLISHED_TAGS.has(child.tagName) || NOT_PUBLISHED.test(tokens);
    if (!skip && (child.tagName === 'time' || DATE_TOKEN.test(tokens))) {
      const text = hastToString(child).replace(/\s+/g, ' ').trim();
      if (text && text.length <= 120 && !(child.tagName === 'time' && prop(child, 'dateTime'))) {
        out.push(text);
        continue;
      }
    }
    collectDateTexts(child, skip, out);
  }
}

const BYLINE_TOKEN = /(?:^|[-_\s])(?:byline|author|authors|writer|contributor)(?:$|[-_\s])/i;

/** Containers whose author elements are not the article's: comments, sidebars, related cards, footers, menus. */
const NOT_ARTICLE =
  /(?:^|[-_\s])(?:comment|comments|reply|replies|respond|widget|sidebar|footer|related|recent|popular|nav|navbar|menu|teaser)(?:$|[-_\s])/i;

const NOT_ARTICLE_TAGS = new Set(['aside', 'footer', 'nav']);

/** Whether an element is marked as holding an author: `rel=author`, or a byline/author class, id or itemprop. */
function isBylineElement(el: Element): boolean {
  const rel = prop(el, 'rel')?.toLowerCase() ?? '';
  const cls = `${prop(el, 'className') ?? ''} ${prop(el, 'id') ?? ''} ${prop(el, 'itemProp') ?? ''}`;
  return rel.split(/\s+/).includes('author') || BYLINE_TOKEN.test(cls);
}

/** Elements that break a line: their texts are separate parts of an author element. */
const BREAKS = new Set([
  'div',
  'p',
  'br',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'header',
  'footer',
  'figure',
  'figcaption',
  'table',
  'tr',
  'td',
]);

/**
 * An author element's text with its lines kept apart: "Jane Doe" over "Staff
 * Writer" in two `<div>`s reads "Jane Doe | Staff Writer", not "Jane DoeStaff Writer".
 */
function partsText(el: Element): string {
  const parts: string[] = [''];
  const walk = (node: Element): void => {
    for (const c of node.children) {
      if (c.type === 'text') parts[parts.length - 1] += c.value;
      else if (c.type === 'element') {
        const breaks = BREAKS.has(c.tagName);
        if (breaks) parts.push('');
        walk(c);
        if (breaks) parts.push('');
      }
    }
  };
  walk(el);
  return parts
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0)
    .join(' | ');
}

/**
 * Texts of author elements in document order: all of them (`thread`, a
 * forum's post authors included), and those outside comments, sidebars,
 * related cards, footers and menus (`article`).
 */
function collectBylines(
  node: Root | Element,
  aside: boolean,
  out: { article: string[]; thread: string[] },
): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const tag = child.tagName;
    if (tag === 'head' || tag === 'script' || tag === 'style' || tag === 'template') continue;
    const tokens = `${prop(child, 'className') ?? ''} ${prop(child, 'id') ?? ''}`;
    const outside = aside || NOT_ARTICLE_TAGS.has(tag) || NOT_ARTICLE.test(tokens);
    if (tag !== 'meta' && tag !== 'link' && tag !== 'body' && isBylineElement(child)) {
      const text = partsText(child);
      if (text && text.length < 200) {
        if (out.thread.length < 20) out.thread.push(text);
        if (!outside && out.article.length < 20) out.article.push(text);
      }
    }
    collectBylines(child, outside, out);
  }
}

/** Elements holding the article itself: an `<h1>` inside one is the article's heading, not the site's. */
const ARTICLE_TAGS = new Set(['article', 'main']);

/** Texts of the `<h1>` elements in document order (title candidates), outside `<head>`, scripts and templates. */
function collectHeadings(
  node: Root | Element,
  inArticle: boolean,
  out: { text: string; inArticle: boolean }[],
): void {
  for (const child of node.children) {
    if (out.length >= 12) return;
    if (child.type !== 'element') continue;
    const tag = child.tagName;
    if (tag === 'head' || tag === 'script' || tag === 'style' || tag === 'template') continue;
    if (tag === 'h1') {
      const text = hastToString(child).replace(/\s+/g, ' ').trim();
      if (text && text.length <= 300) out.push({ text, inArticle });
      continue;
    }
    collectHeadings(child, inArticle || ARTICLE_TAGS.has(tag), out);
  }
}

/** A year-month start of a Chinese or digit date (`2021-1-29`, `2004年12月`). */
const CJK_DATE_START = /(?:19|20)\d{2}\s*(?:[-/.]|年)\s*\d{1,2}/;

/** Tags whose text is never a page's meta line. */
const NOT_TEXT = new Set(['head', 'script', 'style', 'template', 'noscript', 'select', 'option']);

/**
 * Short texts (at most 120 characters) of line elements (no block element
 * inside) holding Han characters and a date, in document order, outside
 * comments, archives and sidebars: the meta lines of Chinese pages
 * ("发布: 2021-1-29 13:18 | 点击: 313"), which often sit outside the article's
 * container. Returns the node's text and whether a block element is inside it.
 */
function collectCjkDateLines(
  node: Root | Element,
  excluded: boolean,
  out: string[],
): { text: string; block: boolean } {
  let text = '';
  let block = false;
  for (const child of node.children) {
    if (child.type === 'text') text += child.value;
    else if (child.type === 'element' && !NOT_TEXT.has(child.tagName)) {
      const tokens = `${prop(child, 'className') ?? ''} ${prop(child, 'id') ?? ''}`;
      const skip = excluded || NOT_PUBLISHED_TAGS.has(child.tagName) || NOT_PUBLISHED.test(tokens);
      const at = out.length;
      const inner = collectCjkDateLines(child, skip, out);
      const line = inner.text.replace(/\s+/g, ' ').trim();
      if (
        !skip &&
        !inner.block &&
        line.length <= 120 &&
        CJK_DATE_START.test(line) &&
        /\p{Script=Han}/u.test(line) &&
        out.length < 20 &&
        !out.includes(line)
      )
        out.splice(at, 0, line);
      const isBlock = BREAKS.has(child.tagName) && child.tagName !== 'br';
      block ||= inner.block || isBlock;
      text += isBlock ? ` ${inner.text} ` : inner.text;
    }
  }
  return { text, block };
}

export function readHtmlMeta(tree: Root): HtmlMeta {
  const out: HtmlMeta = { meta: {}, jsonLd: [], times: [], bylines: [], dateTexts: [] };
  visit(tree, 'element', (el: Element, _index, parent) => {
    const tag = el.tagName;
    if (tag === 'html') {
      const lang = prop(el, 'lang') ?? prop(el, 'xmlLang');
      if (lang) out.lang = lang;
    } else if (tag === 'title' && out.title === undefined) {
      // The document's title: the first non-empty one outside SVG icons (`<svg><title>`).
      const inDocument =
        parent?.type === 'root' ||
        (parent?.type === 'element' && DOCUMENT_LEVEL.has(parent.tagName));
      const text = hastToString(el).replace(/\s+/g, ' ').trim();
      if (inDocument && text) out.title = text;
    } else if (tag === 'meta') {
      const key = (prop(el, 'property') ?? prop(el, 'name') ?? prop(el, 'itemProp'))?.toLowerCase();
      const content = prop(el, 'content');
      if (key && content !== undefined && !(key in out.meta)) out.meta[key] = content.trim();
      const httpEquiv = prop(el, 'httpEquiv')?.toLowerCase();
      if (httpEquiv === 'content-language' && content && !out.lang) out.lang = content.trim();
    } else if (tag === 'link') {
      const rel = prop(el, 'rel')?.toLowerCase().split(/\s+/) ?? [];
      const href = prop(el, 'href');
      if (rel.includes('canonical') && href && !out.canonical) out.canonical = href;
    } else if (tag === 'script') {
      const type = prop(el, 'type')?.toLowerCase();
      if (type === 'application/ld+json') {
        try {
          flattenJsonLd(JSON.parse(unwrapScript(hastToString(el))), out.jsonLd);
        } catch {
          // Broken JSON-LD is common; it is evidence, not content.
        }
      }
    } else if (tag === 'time') {
      const dt = prop(el, 'dateTime');
      if (dt) out.times.push(dt);
    }
  });
  const bylines = { article: out.bylines, thread: [] as string[] };
  collectBylines(tree, false, bylines);
  out.threadBylines = bylines.thread;
  collectDateTexts(tree, false, out.dateTexts ?? []);
  out.headings = [];
  collectHeadings(tree, false, out.headings);
  // Chinese pages only (declared, or a Han <title>): the walk reads every text of the page.
  if (/^zh/i.test(out.lang ?? '') || /\p{Script=Han}/u.test(out.title ?? '')) {
    out.cjkDateLines = [];
    collectCjkDateLines(tree, false, out.cjkDateLines);
  }
  return out;
}
