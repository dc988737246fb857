/**
 * Layout tables (old sites lay out the whole page in `<table>`s) become
 * `<div>`s before conversion, so their text converts to paragraphs rather than
 * one giant Markdown table cell. Data tables stay tables.
 *
 * A table is for layout when it says so (`role="presentation"`/`"none"`),
 * holds another table, has a cell with block content (headings, lists, divs,
 * several paragraphs — one `<p>` per cell is how editors write data cells), or
 * has a single row or a single column. A table with
 * `<caption>`, `<thead>` or `<th>` that is not for layout by the first two
 * signs stays a data table. Nothing is removed here.
 */
import type { Element, Root } from 'hast';

const TABLE_PARTS = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th']);
const BLOCK = new Set([
  'p',
  'div',
  'ul',
  'ol',
  'dl',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'aside',
  'form',
  'pre',
  'figure',
]);

function elements(el: Element): Element[] {
  return el.children.filter((c): c is Element => c.type === 'element');
}

/** Rows of a table, not those of nested tables. */
function rows(table: Element): Element[] {
  const out: Element[] = [];
  for (const child of elements(table)) {
    if (child.tagName === 'tr') out.push(child);
    else if (child.tagName === 'tbody' || child.tagName === 'thead' || child.tagName === 'tfoot')
      out.push(...elements(child).filter((r) => r.tagName === 'tr'));
  }
  return out;
}

function contains(el: Element, test: (e: Element) => boolean): boolean {
  for (const child of elements(el)) if (test(child) || contains(child, test)) return true;
  return false;
}

/**
 * A cell that holds page layout: block content beyond one paragraph (editors
 * and CMSs wrap each data cell's text in a single `<p>`; that is still data).
 */
function holdsLayout(cell: Element): boolean {
  let paragraphs = 0;
  const other = contains(cell, (e) => {
    if (e.tagName === 'p') paragraphs++;
    return e.tagName !== 'p' && BLOCK.has(e.tagName);
  });
  return other || paragraphs > 1;
}

export function isLayoutTable(table: Element): boolean {
  const role = String(table.properties.role ?? '').toLowerCase();
  if (role === 'presentation' || role === 'none') return true;
  if (contains(table, (e) => e.tagName === 'table')) return true;
  const rs = rows(table);
  const cells = rs.flatMap((r) =>
    elements(r).filter((c) => c.tagName === 'td' || c.tagName === 'th'),
  );
  const dataHints =
    elements(table).some((c) => c.tagName === 'caption' || c.tagName === 'thead') ||
    cells.some((c) => c.tagName === 'th');
  if (cells.some(holdsLayout)) return !dataHints;
  if (dataHints) return false;
  const columns = Math.max(0, ...rs.map((r) => elements(r).length));
  return rs.length <= 1 || columns <= 1;
}

/** Turn layout tables (and their rows and cells) into `<div>`s, in place. */
export function unwrapLayoutTables(tree: Root): void {
  const walk = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'table' && isLayoutTable(child)) flatten(child);
      walk(child);
    }
  };
  walk(tree);
}

function flatten(table: Element): void {
  table.tagName = 'div';
  const visit = (el: Element): void => {
    for (const child of elements(el)) {
      if (child.tagName === 'table') continue; // nested tables are judged on their own
      if (TABLE_PARTS.has(child.tagName)) child.tagName = 'div';
      else if (child.tagName === 'caption') child.tagName = 'div';
      if (child.tagName === 'div') visit(child);
    }
  };
  visit(table);
}
