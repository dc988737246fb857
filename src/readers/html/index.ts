/**
 * HTML reader: rehype-parse → hast stage → hast-util-to-mdast.
 *
 * 1. Head evidence (title, meta, canonical, JSON-LD, <time>, byline elements)
 *    is read from hast first, because conversion drops it (`./meta.ts`).
 * 2. Elements that are never content (script, style, forms, hidden …) are
 *    dropped, each drop of visible text reported; no script ever runs
 *    (`./never-content.ts`).
 * 3. Layout tables become `<div>`s (`./layout-tables.ts`).
 * 4. Every element gets its HTML evidence (`./hints.ts`): tag, ancestors,
 *    class/id tokens, roles, itemprops, chrome evidence and whether it lies
 *    inside the main content container.
 * 5. Footnote sections and the in-text links to them become GFM footnotes
 *    (`./footnotes.ts`).
 * 6. The rest converts to mdast. Each conversion handler is wrapped so the
 *    blocks it produces carry the element's hints as
 *    `node.data.copydesk.hints`; blocks made implicitly (text straight in a
 *    `<div>`) get the hints of the element that holds them, and any block
 *    still without hints inherits its nearest ancestor block's. Nothing is
 *    removed here on chrome evidence: `plugins/strip-html-chrome` labels.
 */
import type {
  Element,
  RootContent as HastContent,
  Parents as HastParents,
  Root as HastRoot,
} from 'hast';
import { defaultHandlers, type Handle, type State } from 'hast-util-to-mdast';
import type { Nodes, Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { applyHastRules } from '../../../plugins/apply-user-rules/hast.js';
import { mark, peek } from '../../../plugins/shared/label.js';
import { isBlock } from '../../../plugins/shared/text.js';
import type { Hints } from '../../types.js';
import { autolinkLiterals } from '../autolink.js';
import { spaceBlocks } from './block-spacing.js';
import { markFootnotes, withFootnotes } from './footnotes.js';
import { collectHints, HINT_ID } from './hints.js';
import { unwrapLayoutTables } from './layout-tables.js';
import { resolveLazyImages } from './lazy-images.js';
import { readHtmlMeta } from './meta.js';
import { stripNeverContent } from './never-content.js';
import { hastToMdast } from './to-mdast.js';

function attach(result: ReturnType<Handle>, hints: Hints | undefined): void {
  if (!result || !hints) return;
  for (const node of Array.isArray(result) ? result : [result]) {
    if (isBlock(node as Nodes) && !peek(node as Nodes)?.hints) mark(node as Nodes).hints = hints;
  }
}

/** Conversion handlers that copy each element's hints onto the blocks it produces. */
function hintingHandlers(byId: ReadonlyMap<number, Hints>): Record<string, Handle> {
  const out: Record<string, Handle> = {};
  for (const [tag, original] of Object.entries(defaultHandlers as Record<string, Handle>)) {
    out[tag] = (state: State, node: Element, parent: HastParents | undefined) => {
      const result = original(state, node, parent);
      const id = node.properties[HINT_ID];
      attach(result, typeof id === 'number' ? byId.get(id) : undefined);
      return result;
    };
  }
  return out;
}

/** Blocks still without hints take their nearest ancestor block's. */
function inheritHints(node: Nodes, inherited: Hints | undefined): void {
  if (!('children' in node)) return;
  for (const child of node.children as Nodes[]) {
    let own = peek(child)?.hints;
    if (!own && inherited && isBlock(child as Nodes)) {
      mark(child).hints = inherited;
      own = inherited;
    }
    inheritHints(child, own ?? inherited);
  }
}

export function readHtml(value: string, file: VFile): Root {
  const hast = unified().use(rehypeParse).parse(value) as HastRoot;
  file.data.htmlMeta = readHtmlMeta(hast);
  return convert(hast, file);
}

/**
 * An HTML fragment inside another document (a raw HTML block of a scraper's
 * Markdown: a layout table turndown could not convert) → mdast blocks, with
 * the same hast stage as a page (never-content, layout tables, hints) but no
 * head evidence.
 */
export function readHtmlFragment(value: string, file: VFile, at?: Point): Root {
  const hast = unified().use(rehypeParse, { fragment: true }).parse(value) as HastRoot;
  if (at) shift(hast, at);
  return convert(hast, file);
}

/** Move a fragment's positions to where the fragment starts in its document, so reports name the right line. */
function shift(node: HastRoot | HastContent, at: Point): void {
  const move = (p: Point): void => {
    if (p.line === 1) p.column += at.column - 1;
    p.line += at.line - 1;
    if (p.offset !== undefined && at.offset !== undefined) p.offset += at.offset;
  };
  if (node.position) {
    move(node.position.start);
    move(node.position.end);
  }
  if ('children' in node) for (const child of node.children) shift(child, at);
}

function convert(hast: HastRoot, file: VFile): Root {
  // user keep/drop selectors and site-pack selectors (no-op without file.data.hastRules)
  applyHastRules(hast, file);
  stripNeverContent(hast, file);
  unwrapLayoutTables(hast);
  resolveLazyImages(hast);
  spaceBlocks(hast);
  // footnote sections and the links to them → GFM footnotes (`./footnotes.ts`)
  markFootnotes(hast);
  const byId = collectHints(hast);
  const mdast = hastToMdast(hast, { handlers: withFootnotes(hintingHandlers(byId)) });
  inheritHints(mdast, undefined);
  autolinkLiterals(mdast);
  return mdast;
}
