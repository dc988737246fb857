/**
 * Words must not run together when conversion flattens blocks: in
 * `<h2>Title<p>Sub</p></h2>` hast-util-to-mdast joins the texts ("TitleSub")
 * and drops the white space between them. A block element inside a heading
 * or paragraph is unwrapped into its children with a space before them, so
 * the line reads "Title Sub". An empty block between texts (`a<div></div>b`,
 * a foster-parented `<table>the</table>the`) becomes a line break for the
 * same reason.
 */
import type { Element, ElementContent, Parents, Root } from 'hast';

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'section',
  'ul',
]);
/** Elements whose content becomes one line of phrasing. */
const ONE_LINE = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);

function unwrapInside(el: Element): void {
  const out: ElementContent[] = [];
  for (const c of el.children) {
    if (c.type === 'element' && BLOCK.has(c.tagName)) {
      unwrapInside(c);
      out.push({ type: 'text', value: ' ' }, ...c.children, { type: 'text', value: ' ' });
    } else out.push(c);
  }
  el.children = out;
}

/** Elements that show something without text (an empty block around them is not empty). */
const VISIBLE = new Set([
  'img',
  'picture',
  'video',
  'audio',
  'iframe',
  'svg',
  'canvas',
  'object',
  'embed',
  'math',
  'hr',
  'input',
  'select',
  'textarea',
  'button',
]);

/** No text and nothing visible inside: `<div></div>`, `<p> </p>`, a table with empty cells. */
function isEmptyBlock(el: Element): boolean {
  if (VISIBLE.has(el.tagName)) return false;
  return el.children.every((c) =>
    c.type === 'text' ? c.value.trim() === '' : c.type !== 'element' || isEmptyBlock(c),
  );
}

export function spaceBlocks(tree: Root): void {
  const walk = (parent: Parents): void => {
    // An empty block between two runs of text still ends a line (`a<div></div>b`
    // reads “a” and “b”), but conversion drops it and joins the texts.
    parent.children = parent.children.map((c) =>
      c.type === 'element' && (BLOCK.has(c.tagName) || c.tagName === 'table') && isEmptyBlock(c)
        ? ({ type: 'text', value: '\n' } as ElementContent)
        : c,
    ) as typeof parent.children;
    for (const c of parent.children) {
      if (c.type !== 'element') continue;
      if (
        ONE_LINE.has(c.tagName) &&
        c.children.some((k) => k.type === 'element' && BLOCK.has(k.tagName))
      )
        unwrapInside(c);
      else walk(c);
    }
  };
  walk(tree);
}
