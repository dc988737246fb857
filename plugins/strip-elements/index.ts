/**
 * remark-strip-elements — leave out the kinds of element a reader asked not
 * to have: links (their text stays), images, tables.
 *
 * What: with `links: false` every link and link reference becomes its text;
 * with `images: false` every image (and image reference) goes; with
 * `tables: false` every table goes. Images and tables are recorded as
 * removals (rule id `strip-elements`), so nothing goes silently; unwrapping a
 * link removes no words and is not recorded.
 *
 * When: after the metadata extractors that read links (sources, related), before
 * the counts, so the counts match the output. The CLI's `--no-links`,
 * `--no-images`, `--no-tables`.
 *
 * Options: `links`, `images`, `tables` (each default: `true`, keep).
 *
 * Example: `See [the report](https://example.com/r) ![chart](c.png)` with
 * `{ links: false, images: false }` → `See the report`.
 *
 * Messages: `strip-elements` (removal) per image or table left out.
 */
import type { Nodes, Parent, Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { reportRemoval } from '../shared/messages.js';

export interface Options {
  /** Keep links; `false` keeps their text only (default: `true`). */
  links?: boolean;
  /** Keep images; `false` removes them (default: `true`). */
  images?: boolean;
  /** Keep tables; `false` removes them (default: `true`). */
  tables?: boolean;
}

export const defaults = {
  links: true,
  images: true,
  tables: true,
} as const satisfies Required<Options>;

export const RULE_ID = 'strip-elements';

export const remarkStripElements: Plugin<[Readonly<Options>?], Root> = (options) => {
  const links = options?.links ?? defaults.links;
  const images = options?.images ?? defaults.images;
  const tables = options?.tables ?? defaults.tables;
  for (const [name, value] of Object.entries({ links, images, tables }))
    if (typeof value !== 'boolean')
      throw new Error(`remark-strip-elements: \`${name}\` must be true or false`);
  return (tree, file) => {
    if (links && images && tables) return;
    walk(tree, file, { links, images, tables });
  };
};

function walk(parent: Parent, file: VFile, keep: Required<Options>): void {
  const out: Nodes[] = [];
  for (const child of parent.children as Nodes[]) {
    if (!keep.tables && child.type === 'table') {
      reportRemoval(file, child, {
        ruleId: RULE_ID,
        reason: 'table left out (tables: false)',
        confidence: 1,
      });
      continue;
    }
    if (!keep.images && (child.type === 'image' || child.type === 'imageReference')) {
      reportRemoval(file, child, {
        ruleId: RULE_ID,
        reason: 'image left out (images: false)',
        confidence: 1,
      });
      continue;
    }
    if ('children' in child) walk(child, file, keep);
    if (!keep.links && (child.type === 'link' || child.type === 'linkReference')) {
      out.push(...(child.children as Nodes[]));
      continue;
    }
    // a paragraph left with nothing (it held only images) goes too
    if (child.type === 'paragraph' && child.children.length === 0) continue;
    out.push(child);
  }
  parent.children = out as Parent['children'];
}

export default remarkStripElements;
