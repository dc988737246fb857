/**
 * Markdown reader: remark-parse with GFM and front matter. A YAML front-matter
 * block is parsed into `file.data.frontMatter` and taken out of the tree.
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import YAML from 'yaml';

export function readMarkdown(value: string, file: VFile): Root {
  const tree = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFrontmatter, ['yaml'])
    .parse(value);
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
  return tree;
}
