/**
 * Markdown reader: remark-parse with GFM and front matter. A YAML (`---`) or
 * TOML (`+++`) front-matter block is read by `./front-matter.ts` (fields into
 * `file.data.frontMatter`, `tags`, `description`) and taken out of the tree.
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
import { boundForParser } from './bound.js';
import { readFrontMatter } from './front-matter.js';
import { readHtmlFragment } from './html/index.js';

/** A raw HTML block holding block-level elements (or only the closing tag of one, left from a wrapper). */
const HOLDS_BLOCKS =
  /<\/?(?:table|div|p|h[1-6]|ul|ol|dl|section|article|main|aside|header|footer|nav|blockquote|figure|form)\b/i;

/** Whether a `---`/`+++` fenced block opens like front matter (`key: value`, `key = value`). */
export function looksLikeFrontMatter(kind: string, value: string): boolean {
  const first = value.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (first === undefined) return true; // empty or only comments: nothing to lose
  return kind === 'yaml'
    ? /^["']?[\w$@.-][\w $@.-]*["']?\s*:(?:\s|$)/.test(first)
    : /^(?:["']?[\w.-]+["']?\s*=|\[)/.test(first);
}

export function readMarkdown(value: string, file: VFile): Root {
  const text = boundForParser(value, file); // dense paragraphs cut: linear parse time
  const parse = (matter: boolean): Root => {
    const p = unified().use(remarkParse).use(remarkGfm);
    if (matter) p.use(remarkFrontmatter, ['yaml', 'toml']);
    return p.parse(text);
  };
  let tree = parse(true);
  // `toml` nodes are not in @types/mdast's content map: compare the type as a string
  const first = tree.children[0] as { type: string; value?: unknown } | undefined;
  if ((first?.type === 'yaml' || first?.type === 'toml') && typeof first.value === 'string') {
    if (looksLikeFrontMatter(first.type, first.value)) {
      tree.children.shift();
      readFrontMatter(first.type, first.value, file);
    } else tree = parse(false); // a page that opens with a `---` rule, not front matter
  }
  tree.children = tree.children.flatMap((node): RootContent[] =>
    node.type === 'html' && HOLDS_BLOCKS.test(node.value)
      ? readHtmlFragment(node.value, file, node.position?.start).children
      : [node],
  );
  return tree;
}
