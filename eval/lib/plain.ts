/**
 * Plain text for scoring: cleaned Markdown → the article body's text, and an
 * HTML page → its visible text (the "do nothing" baseline of the HTML form).
 */
import type { Element, RootContent as HastContent, Root as HastRoot } from 'hast';
import type { Nodes, Root } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import rehypeParse from 'rehype-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export interface PlainOptions {
  /** Drop the first depth-1 heading, the headline (default: `true`). */
  dropHeadline?: boolean;
  /**
   * Texts of blocks to drop when they stand right after the headline (the
   * dek and byline that copydesk puts on top; the gold has neither).
   * Compared after collapsing white space (default: `[]`).
   */
  dropLeading?: readonly string[];
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * A node's text: link text kept, images dropped, and a hard line break
 * (`break`) read as the line break it is — `mdast-util-to-string` drops it,
 * which would glue the words on either side into one token.
 */
function text(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if ('children' in node) return node.children.map((c) => text(c as Nodes)).join('');
  return mdToString(node, { includeImageAlt: false });
}

/** Leaf blocks of a Markdown tree as plain text: link text kept, URLs and images dropped. */
export function markdownBlocks(markdown: string): { type: string; depth?: number; text: string }[] {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter).parse(markdown);
  const out: { type: string; depth?: number; text: string }[] = [];
  collect(tree as Root, out);
  return out;
}

function collect(node: Nodes, out: { type: string; depth?: number; text: string }[]): void {
  switch (node.type) {
    case 'paragraph':
    case 'tableCell': {
      const plain = squash(text(node));
      if (plain) out.push({ type: node.type, text: plain });
      return;
    }
    case 'heading': {
      const plain = squash(text(node));
      if (plain) out.push({ type: 'heading', depth: node.depth, text: plain });
      return;
    }
    case 'code': {
      if (node.value.trim()) out.push({ type: 'code', text: node.value });
      return;
    }
    case 'html': {
      // Raw HTML (layout tables a converter left as they were): its visible text.
      const text = squash(htmlVisibleText(node.value));
      if (text) out.push({ type: 'html', text });
      return;
    }
    case 'yaml':
    case 'definition':
    case 'thematicBreak':
      return;
    default:
      if ('children' in node) for (const child of node.children) collect(child as Nodes, out);
  }
}

/** Cleaned Markdown → the article body as plain text, one block per paragraph. */
export function markdownToPlain(markdown: string, options: Readonly<PlainOptions> = {}): string {
  const dropHeadline = options.dropHeadline ?? true;
  const leading = new Set((options.dropLeading ?? []).map(squash).filter((s) => s.length > 0));
  const blocks = markdownBlocks(markdown);
  let start = 0;
  if (dropHeadline) {
    const i = blocks.findIndex((b) => b.type === 'heading' && b.depth === 1);
    if (i >= 0) {
      blocks.splice(i, 1);
      start = i;
    }
  }
  // Drop the dek/byline only where copydesk puts them: just after the headline.
  while (leading.size > 0 && start < blocks.length && leading.has(blocks[start]!.text)) {
    leading.delete(blocks[start]!.text);
    blocks.splice(start, 1);
  }
  return blocks.map((b) => b.text).join('\n\n');
}

const INVISIBLE = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'select',
  'option',
]);

const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'aside',
  'nav',
  'header',
  'footer',
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
  'blockquote',
  'pre',
  'table',
  'tr',
  'td',
  'th',
  'figure',
  'figcaption',
  'br',
  'hr',
  'form',
  'address',
]);

function hidden(el: Element): boolean {
  const p = el.properties;
  if (p.hidden !== undefined && p.hidden !== false && p.hidden !== null) return true;
  const style = typeof p.style === 'string' ? p.style.replace(/\s+/g, '').toLowerCase() : '';
  return style.includes('display:none') || style.includes('visibility:hidden');
}

/** The visible text of an HTML page, blocks on their own lines. */
export function htmlVisibleText(html: string): string {
  const tree = unified().use(rehypeParse).parse(html) as HastRoot;
  const parts: string[] = [];
  const walk = (nodes: readonly HastContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') parts.push(node.value);
      else if (node.type === 'element') {
        if (INVISIBLE.has(node.tagName) || hidden(node)) continue;
        const block = BLOCK.has(node.tagName);
        if (block) parts.push('\n');
        walk(node.children);
        if (block) parts.push('\n');
      }
    }
  };
  walk(tree.children);
  return parts
    .join('')
    .split('\n')
    .map(squash)
    .filter((l) => l.length > 0)
    .join('\n');
}
