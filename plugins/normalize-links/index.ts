/**
 * remark-normalize-links — link and image destinations a reader can follow.
 *
 * What:
 * - relative destinations (`/news/a.html`, `../img/b.jpg`, `//cdn.example/c.png`)
 *   of links, images and definitions become absolute against the page's URL:
 *   the caller's `url` (`--url`), else the canonical URL found in the page
 *   (`meta.canonicalUrl`). Without either they stay as they are. In-page
 *   anchors (`#notes`) stay too: they point into the page itself;
 * - links without a destination (`<a>` with no `href`, an empty one, or `#`)
 *   are unwrapped to their text: they lead nowhere; an image without one
 *   becomes its alt text (or goes, without alt text);
 * - on output, `&` in a URL (or text) is written as it is (`?a=1&b=2`) and
 *   escaped (`\&`) only where a reader would take it for a character
 *   reference (`&amp;`, `&#38;`); Markdown's default escapes every `&`
 *   before a letter.
 *
 * When: after `prune` and `extract-html-meta` (which reads the canonical URL),
 * before `sanitize-links`.
 *
 * Options: `url` (default: none: the file's `source.url`, then `meta.canonicalUrl`).
 *
 * Messages: none (the text does not change).
 */
import type { Nodes, Parent, PhrasingContent, Root } from 'mdast';
import type { Handle, Options as ToMarkdownOptions, Unsafe } from 'mdast-util-to-markdown';
import { defaultHandlers } from 'mdast-util-to-markdown';
import type { Plugin, Processor } from 'unified';

export interface Options {
  /** Base URL for relative destinations (default: the file's `source.url`, then `meta.canonicalUrl`). */
  url?: string;
}

/** A character reference's body after `&`: the only place an `&` needs escaping. */
const REFERENCE_AFTER = '(?:[A-Za-z][A-Za-z\\d]{0,31}|#\\d{1,7}|#[xX][\\da-fA-F]{1,6});';

/** A destination that leads nowhere. */
function isEmptyDestination(url: string): boolean {
  const t = url.trim();
  return t === '' || t === '#';
}

/** Whether a URL is relative (no scheme): a path, a query or a protocol-relative URL. */
function isRelative(url: string): boolean {
  return !/^[a-zA-Z][a-zA-Z\d+.-]*:/.test(url.trim()) && !url.trim().startsWith('#');
}

/** `url` made absolute against `base`, or unchanged when it cannot be. */
export function absoluteUrl(url: string, base: string | undefined): string {
  if (!base || !isRelative(url) || url.trim() === '') return url;
  try {
    return new URL(url.trim(), base).href;
  } catch {
    return url;
  }
}

/** An absolute http(s) base, or undefined. */
function usableBase(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The root handler with Markdown's `&` escape narrowed to character
 * references, for the duration of one stringify.
 */
const root: Handle = (node, parent, state, info) => {
  const saved = state.unsafe;
  state.unsafe = saved.map(
    (p): Unsafe =>
      p.character === '&' && p.after === '[#A-Za-z]'
        ? {
            character: '&',
            after: REFERENCE_AFTER,
            ...(p.inConstruct ? { inConstruct: p.inConstruct } : {}),
          }
        : p,
  );
  try {
    return defaultHandlers.root(node, parent, state, info);
  } finally {
    state.unsafe = saved;
  }
};

/** The Markdown writer extension: `&` escaped only before a character reference. */
export const ampersandExtension: ToMarkdownOptions = { handlers: { root } };

export const remarkNormalizeLinks: Plugin<[Readonly<Options>?], Root> = function (options) {
  const fixed = options?.url;
  if (fixed !== undefined && typeof fixed !== 'string')
    throw new Error('remark-normalize-links: `url` must be a string');
  const data = (this as unknown as Processor).data();
  data.toMarkdownExtensions ??= [];
  const extensions = data.toMarkdownExtensions;
  if (!extensions.includes(ampersandExtension)) extensions.push(ampersandExtension);
  return (tree, file) => {
    const base =
      usableBase(fixed) ??
      usableBase(file.data.source?.url) ??
      usableBase(file.data.meta?.canonicalUrl);
    normalize(tree, base);
  };
};

function normalize(tree: Root, base: string | undefined): void {
  const stack: Parent[] = [tree];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    let unwrap = false;
    for (const child of parent.children as Nodes[]) {
      if ((child.type === 'link' || child.type === 'image') && isEmptyDestination(child.url))
        unwrap = true;
      else if (child.type === 'link' || child.type === 'image' || child.type === 'definition')
        child.url = absoluteUrl(child.url, base);
      if ('children' in child) stack.push(child as Parent);
    }
    if (unwrap)
      parent.children = (parent.children as Nodes[]).flatMap((c): Nodes[] => {
        if (c.type === 'link' && isEmptyDestination(c.url)) return c.children as PhrasingContent[];
        if (c.type === 'image' && isEmptyDestination(c.url))
          return c.alt?.trim() ? [{ type: 'text', value: c.alt }] : [];
        return [c];
      }) as Parent['children'];
  }
}

export default remarkNormalizeLinks;
