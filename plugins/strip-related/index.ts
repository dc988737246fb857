/**
 * remark-strip-related — labels "recommended / related / read more" link
 * lists and keeps their items as `file.data.related`.
 *
 * What: three shapes, all generic —
 * 1. a run of short "cards" split by separator lines at a regular interval
 *    ("-", "•", "* * *");
 * 2. a run of short cards each ending in a byline at a regular interval;
 * 3. a heading or short line such as "Related", "More from …", "Read more",
 *    "Recommended", "Lire aussi", "Mehr zum Thema", followed by a list or a
 *    run of short link-like blocks.
 * Each item gives a title, kicker (section label shared by several cards),
 * dek, byline (authors + publication) and URL when there is a link.
 *
 * When: with the detectors, after the headline. Near-miss kept: a real list
 * in the body (items are sentences, no separator rhythm, no related heading).
 *
 * Options: `minItems` (default: `3`) — fewer cards are not a list.
 *
 * Messages: `strip-related`.
 */
import type { Link, List, Nodes, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { isBylineText, parseByline } from '../shared/byline.js';
import { isFree, label } from '../shared/label.js';
import { blockText, countWords, isSeparatorText, looksLikeProse, squash } from '../shared/text.js';
import type { RelatedItem } from '../shared/types.js';
import { splitKickers } from './kicker.js';

export interface Options {
  /** Fewest cards that make a list (default: `3`). */
  minItems?: number;
}

export const defaults = { minItems: 3 } as const satisfies Required<Options>;

const RULE = 'strip-related';

/** Headings that introduce a related list, several languages. Short lines only. */
const RELATED_HEAD =
  /^(?:related(?:\s+(?:articles?|stories|posts|content|coverage|links|reading))?|recommended(?:\s+for\s+you)?|(?:you\s+)?(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be interested in)|read\s+(?:more|next|also)|also\s+read|more\s+(?:from|on|in|about|stories|news|articles|to read|like this)\b.*|most\s+(?:read|popular|viewed|shared)|trending(?:\s+now)?|see\s+also|what\s+to\s+read\s+next|editors?['’]?\s+picks?|top\s+stories|latest\s+(?:news|stories|articles)|popular\s+(?:now|stories)|(?:à\s+)?lire\s+aussi|sur\s+le\s+même\s+sujet|les\s+plus\s+lus|mehr\s+zum\s+thema|lesen\s+sie\s+auch|das\s+könnte\s+sie\s+auch\s+interessieren|meistgelesen|te\s+puede\s+interesar|lo\s+más\s+leído|relacionad[oa]s|leggi\s+anche|potrebbe\s+interessarti|veja\s+também|leia\s+também|lees\s+ook|meer\s+nieuws)\s*:?$/i;

interface Card {
  blocks: RootContent[];
}

function isShort(b: RootContent): boolean {
  const text = squash(blockText(b));
  return countWords(text) <= 40 && !(looksLikeProse(text) && countWords(text) > 25);
}

function isTextBlock(b: RootContent): boolean {
  return b.type === 'paragraph' || b.type === 'heading';
}

/** A list without text: a crawler's Markdown for a `-` separator line (an empty bullet). */
function isEmptyList(b: RootContent): boolean {
  return b.type === 'list' && isFree(b) && squash(blockText(b)) === '';
}

/** Blocks between separators at a regular interval; returns [firstIndex, lastIndex, cards]. */
function separatorRun(
  blocks: RootContent[],
  from: number,
  minItems: number,
): [number, number, Card[]] | undefined {
  const seps: number[] = [];
  for (let i = from; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (isTextBlock(b) && isFree(b) && isSeparatorText(blockText(b))) seps.push(i);
    else if (b.type === 'thematicBreak' || isEmptyList(b)) seps.push(i);
  }
  for (let a = 0; a + 1 < seps.length; a++) {
    const d = seps[a + 1]! - seps[a]!;
    if (d < 2 || d > 7) continue;
    let z = a + 1;
    while (z + 1 < seps.length && seps[z + 1]! - seps[z]! === d) z++;
    const count = z - a + 1;
    // Cards after each separator; the last card is as long as the others.
    const cards: Card[] = [];
    for (let k = a; k <= z; k++) {
      const start = seps[k]! + 1;
      const stop = k < z ? seps[k + 1]! : Math.min(blocks.length, start + d - 1);
      const cardBlocks = blocks.slice(start, stop);
      if (
        cardBlocks.length === 0 ||
        !cardBlocks.every((b) => isTextBlock(b) && isFree(b) && isShort(b))
      )
        break;
      cards.push({ blocks: cardBlocks });
    }
    if (count >= minItems && cards.length >= minItems) {
      const last = seps[a]! + cards.length * d - 1;
      return [seps[a]!, Math.min(last, blocks.length - 1), cards];
    }
  }
  return undefined;
}

/** Cards that each end with a byline at a regular interval. */
function bylineRun(
  blocks: RootContent[],
  minItems: number,
  file: VFile,
): [number, number, Card[]] | undefined {
  const idx: number[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (isTextBlock(b) && isFree(b) && isBylineText(squash(blockText(b)), file)) idx.push(i);
  }
  for (let a = 0; a + 1 < idx.length; a++) {
    const d = idx[a + 1]! - idx[a]!;
    if (d < 2 || d > 6) continue;
    let z = a + 1;
    while (z + 1 < idx.length && idx[z + 1]! - idx[z]! === d) z++;
    if (z - a + 1 < minItems) continue;
    const first = idx[a]! - d + 1;
    if (first < 0) continue;
    const cards: Card[] = [];
    for (let k = a; k <= z; k++) {
      const cardBlocks = blocks.slice(idx[k]! - d + 1, idx[k]! + 1);
      if (!cardBlocks.every((b) => isTextBlock(b) && isFree(b) && isShort(b))) return undefined;
      cards.push({ blocks: cardBlocks });
    }
    return [first, idx[z]!, cards];
  }
  return undefined;
}

function firstLink(node: Nodes): Link | undefined {
  let found: Link | undefined;
  visit(node, 'link', (l: Link) => {
    found ??= l;
  });
  return found;
}

function cardsToItems(cards: Card[], file: VFile): RelatedItem[] {
  const lines = cards.map((card) =>
    card.blocks.map((b) => squash(blockText(b))).filter((t) => t.length > 0 && !isSeparatorText(t)),
  );
  // When most cards end in a byline, the last line of a card of the same
  // shape is its byline slot even if that byline is unusual ("By X Staff").
  const ending = lines.filter((t) => t.length > 1 && isBylineText(t[t.length - 1]!, file));
  const slot = ending.length * 2 > lines.length ? ending[0]!.length : -1;
  const parts = lines.map((texts, k) => {
    const card = cards[k]!;
    const last = texts[texts.length - 1];
    const hasByline =
      texts.length > 1 &&
      (isBylineText(last!, file) || (texts.length === slot && /^\p{L}+\s/u.test(last!)));
    const bylineText = hasByline ? texts.pop() : undefined;
    const title = texts.shift() ?? '';
    return {
      title,
      middle: texts,
      bylineText,
      link: card.blocks.map((b) => firstLink(b)).find(Boolean),
    };
  });
  const singles = parts.map((p) => (p.middle.length === 1 ? p.middle[0]! : undefined));
  const split = splitKickers(singles);
  return parts.map((p, i) => {
    const item: RelatedItem = { title: p.title, authors: [] };
    if (p.link?.url) item.url = p.link.url;
    if (p.middle.length >= 2) {
      const [first, ...rest] = p.middle;
      if (countWords(first!) <= 5) {
        item.kicker = first;
        item.dek = rest.join(' ');
      } else item.dek = p.middle.join(' ');
    } else if (p.middle.length === 1) {
      const s = split[i]!;
      if (s.kicker) item.kicker = s.kicker;
      if (s.dek) item.dek = s.dek;
    }
    if (p.bylineText) {
      const by = parseByline(p.bylineText);
      item.authors = by.authors;
      if (by.publication) item.publication = by.publication;
    }
    return item;
  });
}

function labelRange(blocks: RootContent[], from: number, to: number, reason: string): void {
  for (let i = from; i <= to; i++) label(blocks[i]!, { ruleId: RULE, reason, confidence: 0.9 });
}

function listItems(list: List): RelatedItem[] {
  return list.children
    .map((li) => {
      const link = firstLink(li);
      const item: RelatedItem = { title: squash(blockText(li)), authors: [] };
      if (link) {
        item.title = squash(blockText(link)) || item.title;
        item.url = link.url;
      }
      return item;
    })
    .filter((i) => i.title.length > 0);
}

/** Shape 3: a related heading followed by a list or short link-like blocks. */
function headedLists(blocks: RootContent[], file: VFile): void {
  for (let i = 0; i < blocks.length; i++) {
    const h = blocks[i]!;
    if (!isTextBlock(h) || !isFree(h)) continue;
    const text = squash(blockText(h));
    if (countWords(text) > 8 || !RELATED_HEAD.test(text)) continue;
    const next = blocks[i + 1];
    if (next?.type === 'list' && isFree(next)) {
      const items = listItems(next);
      label(h, { ruleId: RULE, reason: `heading of a related list ("${text}")`, confidence: 0.9 });
      label(next, {
        ruleId: RULE,
        reason: `related list under "${text}" (${items.length} items)`,
        confidence: 0.9,
      });
      file.data.related!.push(...items);
      i++;
      continue;
    }
    // A run of short blocks that are links, or short title-like lines.
    let j = i + 1;
    const run: RootContent[] = [];
    while (j < blocks.length && run.length < 30) {
      const b = blocks[j]!;
      if (!isTextBlock(b) || !isFree(b) || b.type === 'heading') break;
      const t = squash(blockText(b));
      if (countWords(t) > 25 || looksLikeProse(t)) break;
      run.push(b);
      j++;
    }
    const linky = run.filter((b) => firstLink(b) !== undefined).length;
    if (run.length >= 2 && (linky >= run.length / 2 || run.length >= 3)) {
      label(h, { ruleId: RULE, reason: `heading of a related list ("${text}")`, confidence: 0.85 });
      for (const b of run)
        label(b, {
          ruleId: RULE,
          reason: `item of the related list under "${text}"`,
          confidence: 0.8,
        });
      file.data.related!.push(
        ...run.map((b) => {
          const link = firstLink(b);
          const item: RelatedItem = { title: squash(blockText(b)), authors: [] };
          if (link) item.url = link.url;
          return item;
        }),
      );
      i = j - 1;
    }
  }
}

export const remarkStripRelated: Plugin<[Readonly<Options>?], Root> = (options) => {
  const minItems = options?.minItems ?? defaults.minItems;
  if (!(Number.isInteger(minItems) && minItems >= 2))
    throw new Error('remark-strip-related: `minItems` must be an integer >= 2');
  return (tree, file) => {
    file.data.related ??= [];
    const blocks = tree.children;
    let from = 0;
    for (;;) {
      const run = separatorRun(blocks, from, minItems);
      if (!run) break;
      const [a, z, cards] = run;
      labelRange(blocks, a, z, `recommended-articles list (${cards.length} items)`);
      // A trailing separator closing the run.
      const after = blocks[z + 1];
      if (after && isTextBlock(after) && isFree(after) && isSeparatorText(blockText(after)))
        labelRange(blocks, z + 1, z + 1, 'separator of a recommended-articles list');
      file.data.related.push(...cardsToItems(cards, file));
      from = z + 1;
    }
    for (;;) {
      const run = bylineRun(blocks, minItems, file);
      if (!run) break;
      const [a, z, cards] = run;
      labelRange(blocks, a, z, `recommended-articles list (${cards.length} items)`);
      file.data.related.push(...cardsToItems(cards, file));
    }
    headedLists(blocks, file);
  };
};

export default remarkStripRelated;
