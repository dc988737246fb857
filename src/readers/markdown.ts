/**
 * Markdown reader: remark-parse with GFM and front matter. A YAML front-matter
 * block is parsed into `file.data.frontMatter` and taken out of the tree.
 *
 * Raw HTML blocks that hold blocks of their own (a layout table, a `<div>`
 * with paragraphs: what HTML-to-Markdown converters leave when they cannot
 * convert) are read as HTML (`./html/index.ts`, the same hast stage as a
 * page: scripts and forms dropped, layout tables unwrapped, class/id hints)
 * and their blocks take the raw block's place. Otherwise a page whose article
 * sits in a layout table would be one unreadable `html` node.
 */
import type { Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import YAML from 'yaml';
import { boundForParser } from './bound.js';
import { readHtmlFragment } from './html/index.js';

/** A raw HTML block holding block-level elements (or only the closing tag of one, left from a wrapper). */
const HOLDS_BLOCKS =
  /<\/?(?:table|div|p|h[1-6]|ul|ol|dl|section|article|main|aside|header|footer|nav|blockquote|figure|form)\b/i;

export function readMarkdown(value: string, file: VFile): Root {
  const tree = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFrontmatter, ['yaml'])
    .parse(boundForParser(value, file));
  const first = tree.children[0];
  if (first?.type === 'yaml') {
    tree.children.shift();
    try {
      const parsed: unknown = YAML.parse(first.value);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        file.data.frontMatter = parsed as Record<string, unknown>;
    } catch {
      file.message('front matter is not valid YAML; ignored', {
        ruleId: 'front-matter',
        source: 'copydesk',
      });
    }
  }
  tree.children = tree.children.flatMap((node): RootContent[] =>
    node.type === 'html' && HOLDS_BLOCKS.test(node.value)
      ? readHtmlFragment(node.value, file, node.position?.start).children
      : [node],
  );
  return tree;
}
