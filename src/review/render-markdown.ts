/**
 * The "after" side of the review page: the cleaned Markdown rendered as
 * HTML (headings, lists, links, emphasis), one fragment per top-level block
 * so each can sit beside the input block it came from.
 *
 * Safe for hostile text: raw HTML in the Markdown is dropped (never passed
 * through), every text is escaped by the serializer, links keep only
 * `http(s)`, `mailto` and in-page destinations, and images are shown as a
 * labelled placeholder (the page loads nothing from the network).
 */
import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root, RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toString as mdToString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** One rendered block of the cleaned Markdown. */
export interface RenderedBlock {
  /** Safe HTML of the block. */
  html: string;
  /** Its plain text (for aligning it with the input). */
  text: string;
}

const SAFE_HREF = /^(?:https?:|mailto:|#)/i;

function safeElement(node: Element): ElementContent[] {
  if (node.tagName === 'img') {
    const alt = typeof node.properties.alt === 'string' ? node.properties.alt : '';
    return [
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['img'], title: String(node.properties.src ?? '') },
        children: [{ type: 'text', value: alt ? `image: ${alt}` : 'image' }],
      },
    ];
  }
  if (node.tagName === 'a') {
    const href = String(node.properties.href ?? '');
    node.properties = SAFE_HREF.test(href.trim())
      ? { href, rel: ['noreferrer', 'nofollow'], title: href }
      : {};
    if (!node.properties.href) node.tagName = 'span';
  }
  node.children = node.children.flatMap((c) => (c.type === 'element' ? safeElement(c) : [c]));
  return [node];
}

function blockHtml(block: RootContent): string {
  const hast = toHast({ type: 'root', children: [block] } as Root) as HastNodes;
  const root: HastRoot =
    hast.type === 'root' ? hast : { type: 'root', children: [hast as ElementContent] };
  root.children = root.children.flatMap((c): HastRoot['children'] => {
    if (c.type === 'element') return safeElement(c);
    return c.type === 'raw' ? [] : [c];
  });
  return toHtml(root);
}

/** The cleaned Markdown as rendered blocks (definitions and footnote definitions left out). */
export function renderMarkdownBlocks(markdown: string): RenderedBlock[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  return tree.children
    .filter((b) => b.type !== 'definition' && b.type !== 'html' && b.type !== 'yaml')
    .map((b) => ({ html: blockHtml(b), text: b.type === 'thematicBreak' ? '' : mdToString(b) }))
    .filter((b) => b.html.trim() !== '');
}
