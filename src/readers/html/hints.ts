/**
 * HTML evidence for mdast blocks. Before conversion every element gets its
 * `Hints` (tag, ancestor tags, class/id tokens, roles, itemprops, chrome
 * evidence, inside/outside the main content container); the conversion
 * handlers then copy them onto the blocks they produce (see `index.ts`).
 *
 * The main content container is found by evidence, most specific first:
 * `[itemprop=articleBody]`, then class/id tokens such as `article-body`,
 * `entry-content`, `story-body`, then `<article>`, then `<main>`/`role=main`.
 * It is widened to an enclosing `<article>` (a lede or dek may sit beside the
 * body), and several sibling containers of the chosen kind are all kept.
 *
 * Chrome evidence is collected from the element and its ancestors, except
 * `<html>`/`<body>` (their classes describe the whole page), wrappers that
 * contain the content container, and elements holding most of the page's text
 * (a wrapper, whatever its class says). `cookie` words count on `class` only.
 */

import type { Element, Root } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import type { ChromeConcept, ChromeEvidence, ContentContainer, Hints } from '../../types.js';
import { conceptOfToken, isContentToken, ROLE_CONCEPT, TAG_CONCEPT } from './chrome.js';

/** Property stamped on elements so the conversion handlers can find their hints. */
export const HINT_ID = 'dataCopydeskHint';

/** Share of the page's text above which an element is a wrapper, not chrome. */
const WRAPPER_SHARE = 0.5;
/** A concept needs this many characters of prose before it can be a wrapper's. */
const MIN_WRAPPER_PROSE = 300;
/** Prose outside a comment thread from this many characters on is a story the thread is under. */
const MIN_STORY_PROSE = 600;
/** A content container needs this many characters of text. */
const MIN_CONTENT_CHARS = 200;

function strings(value: unknown): string[] {
  if (value === undefined || value === null || value === false) return [];
  if (Array.isArray(value)) return value.map(String);
  return String(value).split(/\s+/);
}

function classTokens(el: Element): string[] {
  return strings(el.properties.className).filter(Boolean);
}

/**
 * The element's id, unless it is the slug of the element's own heading
 * (`<section id="sharing-with-a-single-developer"><h2>Sharing with a single
 * developer</h2>`, as documentation generators write): such an id names the
 * text, not a component, and says nothing about chrome.
 */
function idTokens(el: Element): string[] {
  const ids = strings(el.properties.id).filter(Boolean);
  if (ids.length === 0) return ids;
  const heading = ownHeading(el);
  if (!heading) return ids;
  const title = slug(hastToString(heading));
  return title.length >= 3 ? ids.filter((id) => !sameSlug(slug(id), title)) : ids;
}

/** Class and id tokens of each element, read once per document (`collectHints`). */
interface Tokens {
  cls(el: Element): string[];
  ids(el: Element): string[];
}

function tokenReader(): Tokens {
  const cls = new Map<Element, string[]>();
  const ids = new Map<Element, string[]>();
  return {
    cls(el) {
      let t = cls.get(el);
      if (!t) {
        t = classTokens(el);
        cls.set(el, t);
      }
      return t;
    },
    ids(el) {
      let t = ids.get(el);
      if (!t) {
        t = idTokens(el);
        ids.set(el, t);
      }
      return t;
    },
  };
}

const HEADING = /^h[1-6]$/;

/** The element itself when it is a heading, else its first heading among the first few descendants. */
function ownHeading(el: Element): Element | undefined {
  if (HEADING.test(el.tagName)) return el;
  const queue: Element[] = [el];
  for (let seen = 0; queue.length > 0 && seen < 8; seen++) {
    const node = queue.shift()!;
    for (const c of node.children) {
      if (c.type !== 'element') continue;
      if (HEADING.test(c.tagName)) return c;
      queue.push(c);
    }
  }
  return undefined;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Same slug, or one a truncation of the other (generators cut long ids). */
function sameSlug(id: string, title: string): boolean {
  if (id.length < 3) return false;
  return id === title || (id.length >= 12 && (title.startsWith(id) || id.startsWith(title)));
}

/** Whether the UTF-16 unit `c` is white space to `\s` (which has none outside the BMP). */
function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `text.replace(/\s+/g, '').length`, without building the string. */
function nonSpaceLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (!isSpaceCode(text.charCodeAt(i))) n++;
  return n;
}

/**
 * Characters of text (white space excluded) under each element, and of its
 * prose: the text outside links.
 */
function measure(root: Root): { sizes: Map<Element, number>; prose: Map<Element, number> } {
  const sizes = new Map<Element, number>();
  const prose = new Map<Element, number>();
  const walk = (node: Root | Element, linked: boolean): [number, number] => {
    let n = 0;
    let p = 0;
    for (const child of node.children) {
      if (child.type === 'text') {
        const c = nonSpaceLength(child.value);
        n += c;
        if (!linked) p += c;
      } else if (child.type === 'element') {
        const [cn, cp] = walk(child, linked || child.tagName === 'a');
        n += cn;
        p += cp;
      }
    }
    if (node.type === 'element') {
      sizes.set(node, n);
      prose.set(node, p);
    }
    return [n, p];
  };
  walk(root, false);
  return { sizes, prose };
}

/**
 * Chrome concepts whose elements together hold most of the page's prose (text
 * outside links): the class names a wrapper — a forum's posts marked as
 * comments, an article body inside a paywall box — not chrome beside the
 * article. Evidence, not a verdict: such a concept labels nothing. Comments
 * are the exception when the page has a story of its own beside them.
 */
function wrapperConcepts(
  root: Root,
  prose: Map<Element, number>,
  pageProse: number,
  chromeOf: (el: Element) => ChromeEvidence[],
): Set<ChromeConcept> {
  const held = new Map<ChromeConcept, number>();
  const walk = (node: Root | Element, active: ReadonlySet<ChromeConcept>): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      let next = active;
      for (const e of chromeOf(child)) {
        if (next.has(e.concept)) continue;
        held.set(e.concept, (held.get(e.concept) ?? 0) + (prose.get(child) ?? 0));
        next = new Set([...next, e.concept]);
      }
      walk(child, next);
    }
  };
  walk(root, new Set());
  const out = new Set<ChromeConcept>();
  for (const [concept, chars] of held) {
    if (chars < MIN_WRAPPER_PROSE || chars <= WRAPPER_SHARE * pageProse) continue;
    // A thread under a story of its own is comments, however long; only a
    // page that is nothing but the thread (a forum) reads it as content.
    if (concept === 'comments' && pageProse - chars >= MIN_STORY_PROSE) continue;
    out.add(concept);
  }
  return out;
}

interface Candidate {
  el: Element;
  rank: number;
  parents: Element[];
}

function contentRank(el: Element, tok: Tokens): number | undefined {
  if (strings(el.properties.itemProp).some((p) => p.toLowerCase() === 'articlebody')) return 0;
  if (tok.cls(el).some(isContentToken) || tok.ids(el).some(isContentToken)) return 1;
  if (el.tagName === 'article') return 2;
  if (el.tagName === 'main' || strings(el.properties.role).includes('main')) return 3;
  return undefined;
}

function containerEvidence(el: Element, rank: number, tok: Tokens): string {
  if (rank === 0) return `itemprop="articleBody" on <${el.tagName}>`;
  if (rank === 1) {
    const t = [...tok.cls(el), ...tok.ids(el)].find(isContentToken);
    return `${tok.cls(el).includes(t ?? '') ? 'class' : 'id'} "${t}" on <${el.tagName}>`;
  }
  if (rank === 2) return '<article>';
  return el.tagName === 'main' ? '<main>' : `role="main" on <${el.tagName}>`;
}

/** The main content containers (usually one, possibly none) and how they were found. */
export function findContent(
  root: Root,
  sizes: Map<Element, number>,
  tok: Tokens = tokenReader(),
): { elements: Set<Element>; container?: ContentContainer } {
  const candidates: Candidate[] = [];
  // One stack of ancestors, copied only for the (few) candidates.
  const parents: Element[] = [];
  const walk = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const rank = contentRank(child, tok);
      if (rank !== undefined) candidates.push({ el: child, rank, parents: [...parents] });
      parents.push(child);
      walk(child);
      parents.pop();
    }
  };
  walk(root);
  for (let rank = 0; rank <= 3; rank++) {
    const at = candidates.filter(
      (c) => c.rank === rank && (sizes.get(c.el) ?? 0) >= MIN_CONTENT_CHARS,
    );
    if (at.length === 0) continue;
    const best = Math.max(...at.map((c) => sizes.get(c.el) ?? 0));
    let top = at.find((c) => (sizes.get(c.el) ?? 0) === best)!;
    // A container holding several containers of its kind is a listing: the
    // one holding the headline (the only <h1> among them) is the article.
    const nested = candidates.filter((c) => c.rank === rank && c.parents.includes(top.el));
    const headed = nested.filter((c) => hasH1(c.el) && (sizes.get(c.el) ?? 0) >= MIN_CONTENT_CHARS);
    if (nested.length >= 2 && headed.length === 1) {
      top = headed[0]!;
      return {
        elements: new Set([top.el]),
        container: { evidence: containerEvidence(top.el, rank, tok), specific: rank <= 1 },
      };
    }
    const chosen = new Set<Element>();
    for (const c of at) {
      if ((sizes.get(c.el) ?? 0) < best * 0.3) continue;
      // Widen to the nearest enclosing <article> (lede, dek beside the body),
      // unless that article is a listing of several.
      const article = [...c.parents].reverse().find((p) => p.tagName === 'article');
      const listing = article && countTag(article, 'article') >= 2;
      chosen.add(article && !listing ? article : c.el);
    }
    return {
      elements: chosen,
      container: { evidence: containerEvidence(top.el, rank, tok), specific: rank <= 1 },
    };
  }
  return { elements: new Set() };
}

/**
 * An `<article>` nested in the content container, one of two or more there,
 * small next to it and without the headline: a teaser card or a comment.
 */
function isTeaser(el: Element, container: Element, sizes: Map<Element, number>): boolean {
  if (el.tagName !== 'article' || hasH1(el)) return false;
  if ((sizes.get(el) ?? 0) >= 0.3 * (sizes.get(container) ?? 0)) return false;
  return countTag(container, 'article') >= 2;
}

function hasH1(el: Element): boolean {
  return el.children.some((c) => c.type === 'element' && (c.tagName === 'h1' || hasH1(c)));
}

/** Descendant elements named `tag`. */
function countTag(el: Element, tag: string): number {
  let n = 0;
  for (const c of el.children)
    if (c.type === 'element') n += (c.tagName === tag ? 1 : 0) + countTag(c, tag);
  return n;
}

function describe(el: Element, what: string): string {
  return `${what} on <${el.tagName}>`;
}

/** Chrome evidence an element carries by itself. */
function ownChrome(el: Element, tok: Tokens): ChromeEvidence[] {
  const out: ChromeEvidence[] = [];
  const tagConcept = TAG_CONCEPT[el.tagName];
  if (tagConcept) out.push({ concept: tagConcept, evidence: `<${el.tagName}>`, landmark: true });
  for (const role of strings(el.properties.role)) {
    const c = ROLE_CONCEPT[role.toLowerCase()];
    if (c) out.push({ concept: c, evidence: describe(el, `role="${role}"`), landmark: true });
  }
  const seen = new Set(out.map((e) => e.concept));
  const tokenEvidence = (tokens: string[], attr: string, allowCookie: boolean): void => {
    for (const t of tokens) {
      const c = conceptOfToken(t, allowCookie);
      if (c && !seen.has(c)) {
        seen.add(c);
        out.push({ concept: c, evidence: describe(el, `${attr} "${t}"`), landmark: false });
      }
    }
  };
  tokenEvidence(tok.cls(el), 'class', true);
  tokenEvidence(tok.ids(el), 'id', false);
  return out;
}

const SKIP_TAGS = new Set(['html', 'body']);

/** One step of `Hints.path`: the element's number, tag and first class. */
function pathStep(id: number, el: Element, tok: Tokens): string {
  const cls = tok.cls(el)[0];
  return `${id}:${el.tagName}${cls ? `.${cls}` : ''}`;
}

/**
 * Stamp every element with a hint id and return the hints by id. Elements
 * under `<html>`/`<body>` inherit their ancestors' evidence.
 */
export function collectHints(root: Root): Map<number, Hints> {
  const { sizes, prose } = measure(root);
  const pageChars = Math.max(...[...sizes.values(), 1]);
  const pageProse = Math.max(...[...prose.values(), 1]);
  const tok = tokenReader();
  const found = findContent(root, sizes, tok);
  const content = found.elements;
  const container = found.container;
  // Elements that contain a content container are wrappers, never chrome.
  const wrappers = new Set<Element>();
  const byId = new Map<number, Hints>();
  let next = 0;

  const parents: Element[] = [];
  const markWrappers = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (content.has(child)) for (const p of parents) wrappers.add(p);
      parents.push(child);
      markWrappers(child);
      parents.pop();
    }
  };
  if (content.size > 0) markWrappers(root);

  const isChromeable = (el: Element): boolean => {
    if (SKIP_TAGS.has(el.tagName)) return false;
    const size = sizes.get(el) ?? 0;
    return (
      el.tagName === 'figcaption' ||
      (!wrappers.has(el) && !content.has(el) && !(size > pageChars * WRAPPER_SHARE && size > 0))
    );
  };
  const owned = new Map<Element, ChromeEvidence[]>();
  const ownOf = (el: Element): ChromeEvidence[] => {
    let own = owned.get(el);
    if (!own) {
      own = isChromeable(el) ? ownChrome(el, tok) : [];
      owned.set(el, own);
    }
    return own;
  };
  const suppressed = wrapperConcepts(root, prose, pageProse, ownOf);

  const walk = (
    node: Root | Element,
    parent: Hints,
    inside: boolean,
    holder: Element | undefined,
  ): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const el = child;
      const isInside = inside || content.has(el);
      const within = content.has(el) ? el : holder;
      let hints: Hints;
      if (SKIP_TAGS.has(el.tagName)) {
        hints = { ...parent, tag: el.tagName };
      } else {
        const chromeable = isChromeable(el);
        const own = ownOf(el).filter((e) => !suppressed.has(e.concept));
        if (chromeable && within && within !== el && isTeaser(el, within, sizes))
          own.push({
            concept: 'related',
            evidence: '<article> among several inside the article',
            landmark: true,
          });
        const roles = strings(el.properties.role).map((r) => r.toLowerCase());
        const itemprops = strings(el.properties.itemProp).filter(Boolean);
        hints = {
          tag: el.tagName,
          ancestors:
            parent.tag && !SKIP_TAGS.has(parent.tag)
              ? [...(parent.ancestors ?? []), parent.tag]
              : (parent.ancestors ?? []),
          tokens: [
            ...(parent.tokens ?? []),
            ...tok.cls(el).map((t) => t.toLowerCase()),
            ...tok.ids(el).map((t) => t.toLowerCase()),
          ],
          roles: [...(parent.roles ?? []), ...roles],
          itemprops: [...(parent.itemprops ?? []), ...itemprops],
          chrome: [...own, ...(parent.chrome ?? [])],
        };
      }
      if (container) {
        hints.content = isInside ? 'inside' : 'outside';
        hints.container = container;
      }
      const id = next++;
      if (!SKIP_TAGS.has(el.tagName)) hints.path = [...(parent.path ?? []), pathStep(id, el, tok)];
      byId.set(id, hints);
      el.properties[HINT_ID] = id;
      walk(el, hints, isInside, within);
    }
  };
  walk(root, { ancestors: [], tokens: [], roles: [], itemprops: [], chrome: [] }, false, undefined);
  return byId;
}
