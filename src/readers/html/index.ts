/**
 * HTML reader: rehype-parse → hast stage → rehype-remark (hast-util-to-mdast).
 *
 * 1. Head evidence (title, meta, canonical, JSON-LD, <time>, byline elements)
 *    is read from hast first, because conversion drops it (`./meta.ts`).
 * 2. Elements that are never content (script, style, forms, hidden …) are
 *    dropped; no script ever runs (`./never-content.ts`).
 * 3. The rest converts to mdast; tag/landmark/class/id evidence travels on
 *    each block as `node.data.copydesk.hints` (`./hints.ts`).
 */
import type { Root as HastRoot } from 'hast';
import { toMdast } from 'hast-util-to-mdast';
import type { Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { readHtmlMeta } from './meta.js';
import { stripNeverContent } from './never-content.js';

export function readHtml(value: string, file: VFile): Root {
  const hast = unified().use(rehypeParse).parse(value) as HastRoot;
  file.data.htmlMeta = readHtmlMeta(hast);
  stripNeverContent(hast, file);
  const mdast = toMdast(hast) as Root;
  return mdast;
}
