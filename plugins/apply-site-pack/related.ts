/**
 * Read a site's related list into `related` items, using the pack's shape
 * hints (`item`: the order of an item's lines; `separator`: a line between
 * items). A list gives one item per list item; plain lines are grouped by the
 * separator, else by the number of fields in `item`.
 */
import type { Nodes } from 'mdast';
import { isBylineText, parseByline } from '../shared/byline.js';
import { blockText, squash } from '../shared/text.js';
import type { RelatedItem } from '../shared/types.js';
import type { RelatedShape } from '../sites/types.js';

type Field = NonNullable<RelatedShape['item']>[number];

const DEFAULT_SHAPE: readonly Field[] = ['title'];

/** One item's parts: its lines, or the segments of a one-line item (`Kicker · Title · By X`). */
function partsOf(text: string): string[] {
  const lines = text.split('\n').map(squash).filter(Boolean);
  if (lines.length !== 1) return lines;
  return (lines[0] as string).split(/(?<!\s)\s+[·|•]\s+/).filter(Boolean);
}

function toItem(parts: readonly string[], shape: readonly Field[]): RelatedItem | undefined {
  if (parts.length === 0) return undefined;
  const fields: Partial<Record<Field, string>> = {};
  if (parts.length === shape.length) {
    shape.forEach((f, i) => {
      fields[f] = parts[i];
    });
  } else {
    const rest: string[] = [];
    for (const p of parts) {
      if (!fields.byline && isBylineText(p)) fields.byline = p;
      else rest.push(p);
    }
    fields.title = rest.reduce((a, b) => (b.length > a.length ? b : a), '');
  }
  if (!fields.title) return undefined;
  const item: RelatedItem = { title: fields.title, authors: [] };
  if (fields.kicker) item.kicker = fields.kicker;
  if (fields.dek) item.dek = fields.dek;
  if (fields.byline) {
    const parsed = parseByline(fields.byline);
    item.authors = parsed.authors;
    if (parsed.publication) item.publication = parsed.publication;
    if (parsed.published) item.published = parsed.published;
  }
  return item;
}

export function relatedItems(blocks: readonly Nodes[], shape: RelatedShape): RelatedItem[] {
  const fields = shape.item && shape.item.length > 0 ? shape.item : DEFAULT_SHAPE;
  const items: RelatedItem[] = [];
  const push = (parts: string[]) => {
    const item = toItem(parts, fields);
    if (item) items.push(item);
  };
  let lines: string[] = [];
  const flush = () => {
    if (shape.separator !== undefined) push(lines);
    else
      for (let i = 0; i < lines.length; i += fields.length) push(lines.slice(i, i + fields.length));
    lines = [];
  };
  for (const block of blocks) {
    if (block.type === 'list') {
      flush();
      for (const li of block.children) push(partsOf(blockText(li)));
      continue;
    }
    const text = squash(blockText(block));
    if (!text) continue;
    if (shape.separator !== undefined && text === shape.separator.trim()) flush();
    else lines.push(text);
  }
  flush();
  return items;
}
