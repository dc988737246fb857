/**
 * remark-detect-byline — finds the article's byline and date lines.
 *
 * What: reads short blocks as byline lines (`plugins/shared/byline.ts`): "By A,
 * B and C", "BY JANE DOE", "Jane Doe | Reuters", "Jane Doe, Staff Writer",
 * "Story by …", "Words: …", "Par/Von/Por …", and date lines ("Published 12
 * March 2024", "Updated 3:45 p.m. ET, Thu March 5, 2020", "2 hours ago").
 * Each such block gets `role: 'byline'` (it leaves the body flow; `assemble`
 * puts one normalised line on top) and fills `file.data.meta`: `byline` (house
 * style, e.g. "By Jane Doe, The Week US"), `authors` (names only: roles,
 * agencies and times stripped), `publication`, `published`/`modified` (ISO
 * 8601) with `dateEvidence`/`authorEvidence` = `text` — unless stronger
 * evidence (JSON-LD, meta tags) already set them. A dateline opening the body
 * ("WASHINGTON (Reuters) —") stays article text; it only goes to
 * `meta.dateline`.
 *
 * Lines with a lead word ("By …") count anywhere in the page; a name without
 * a lead word, or a date alone, only near the top (`head` blocks), the end
 * (`tail` blocks), the headline or a lead-word byline, or in an HTML element
 * whose class says byline/author/date. The page's first block and its
 * `<title>` are never bylines ("Headline - Site" has a byline's shape).
 * Blocks another detector already claimed (related lists…) are skipped.
 *
 * When: among the detectors, after headline and related-list detection.
 *
 * Options:
 * - `referenceDate` (default: none) — resolves "2 hours ago"; without it such
 *   dates stay unresolved.
 * - `head` (default: `12`) — blocks from the top where looser shapes count.
 * - `tail` (default: `4`) — blocks from the end where looser shapes count.
 *
 * Messages: none (nothing is removed; `assemble` reports the byline edit).
 */
import type { Nodes, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { type BylineLine, formatByline, readBylineCached } from '../shared/byline.js';
import { cjkMetaDate } from '../shared/dates.js';
import { offerAuthors, offerDate } from '../shared/evidence.js';
import { isFree, mark, peek } from '../shared/label.js';
import { looksLikePersonName } from '../shared/names.js';
import { blockText, squash } from '../shared/text.js';
import type { ArticleMeta, ChromeConcept } from '../shared/types.js';

export interface Options {
  /** Resolves relative dates such as "2 hours ago" (default: none: unresolved). */
  referenceDate?: Date | string | undefined;
  /** Blocks from the top where a name or a date alone counts (default: `12`). */
  head?: number;
  /** Blocks from the end where a name or a date alone counts (default: `4`). */
  tail?: number;
}

export const defaults = { head: 12, tail: 4 } as const;

const MAX_LENGTH = 240;
const BYLINE_CLASS =
  /(?:^|[-_])(?:byline|author|authors|writer|contributor|dateline|date|time|posted|published|meta)(?:$|[-_])/;
const DATELINE =
  /^((?:\p{Lu}[\p{Lu}.'’-]+)(?:[ ,]+\p{Lu}[\p{L}.'’-]*){0,3}(?:\s*\([^()]{2,30}\))?)\s*(?:[—–]|--?)\s+\S/u;

export const remarkDetectByline: Plugin<[Readonly<Options>?], Root> = (options) => {
  const head = options?.head ?? defaults.head;
  const tail = options?.tail ?? defaults.tail;
  if (!(Number.isInteger(head) && head >= 0))
    throw new Error('remark-detect-byline: `head` must be a non-negative integer');
  if (!(Number.isInteger(tail) && tail >= 0))
    throw new Error('remark-detect-byline: `tail` must be a non-negative integer');
  let referenceDate: Date | undefined;
  if (options?.referenceDate !== undefined) {
    referenceDate = new Date(options.referenceDate);
    if (Number.isNaN(referenceDate.getTime()))
      throw new Error('remark-detect-byline: `referenceDate` is not a date');
  }
  return (tree, file) => {
    detect(tree, file, { head, tail, referenceDate });
  };
};

interface Settings {
  head: number;
  tail: number;
  referenceDate: Date | undefined;
}

/** Whether HTML evidence says the block is a byline/date element. */
function hintedByline(node: Nodes, text: string, file: VFile): boolean {
  const known = file.data.htmlMeta?.bylines ?? [];
  if (known.some((b) => squash(b) === text)) return true;
  // Class tokens of the element and its nearest ancestors (a far ancestor's
  // `post-meta` or `hs_cos_wrapper_meta_field` wraps the whole post).
  const tokens = peek(node)?.hints?.tokens ?? [];
  return tokens.slice(-NEAR_TOKENS).some((t) => BYLINE_CLASS.test(t));
}

/** Class/id tokens, counted from the element up, that may say "byline" for a block. */
const NEAR_TOKENS = 3;

/** Chrome in which no line of the article's byline sits: menus, related cards, comments. */
const NEVER_BYLINE = new Set<ChromeConcept>(['navigation', 'related', 'comments', 'ad', 'cookie']);

/** Chrome in which a name without a lead word or byline markup is no byline (tags, footers, sidebars…). */
const NOT_LOOSE_NAMES = new Set<ChromeConcept>([
  ...NEVER_BYLINE,
  'share',
  'newsletter',
  'sidebar',
  'tags',
]);

/**
 * Where a byline of the article cannot be, by HTML evidence: in menus,
 * related cards and comments; a name without a lead word or byline markup
 * also not in tag lists, share bars and sidebars (a date line may). A heading without a lead word
 * ("Copper Pipes" over a section) is a heading, not a byline.
 */
function outOfPlace(node: RootContent, lines: readonly BylineLine[], strong: boolean): boolean {
  const chrome = (peek(node)?.hints?.chrome ?? []).map((c) => c.concept);
  if (chrome.some((c) => NEVER_BYLINE.has(c))) return true;
  const names = lines.some((l) => l.authors.length > 0 || l.publication !== undefined);
  const lead = lines.every((l) => l.lead || l.kind === 'date');
  if (names && !strong && chrome.some((c) => NOT_LOOSE_NAMES.has(c))) return true;
  // A category list marked up like a byline ("Awards Features, Latest News" in a post's meta).
  if (names && !lead && chrome.includes('tags')) return true;
  return node.type === 'heading' && !lead;
}

/** Read every line of a block; undefined unless every line is a byline or date line. */
function readBlock(
  text: string,
  settings: Settings,
  hinted: boolean,
  file: VFile,
): BylineLine[] | undefined {
  const lines = text
    .split('\n')
    .map((l) => squash(l))
    .filter((l) => l.length > 0);
  if (lines.length === 0 || lines.length > 4) return undefined;
  const read: BylineLine[] = [];
  for (const line of lines) {
    let r = readBylineCached(file, line, { referenceDate: settings.referenceDate });
    if (r.kind === 'none' && hinted && looksLikePersonName(line)) {
      // An element classed "author" holding just a name (read as a byline, but no lead word opened it).
      const read = readBylineCached(file, `By ${line}`, { referenceDate: settings.referenceDate });
      r = read.kind === 'none' ? read : { ...read, lead: false };
    }
    if (r.kind === 'none') return readJoined(lines, settings, file);
    read.push(r);
  }
  return read;
}

/**
 * Two lines that read as a byline only together: an outlet over its date
 * line ("The Associated Press" + break + "Published Monday, …"), or a
 * lead-word byline over its outlet ("By Jane Doe" + break + "City Herald").
 */
function readJoined(
  lines: readonly string[],
  settings: Settings,
  file: VFile,
): BylineLine[] | undefined {
  if (lines.length !== 2) return undefined;
  const [first, second] = lines as [string, string];
  const options = { referenceDate: settings.referenceDate };
  if (readBylineCached(file, second, options).kind === 'date') {
    const whole = readBylineCached(file, `${first} ${second}`, options);
    const dated = whole.published !== undefined || whole.modified !== undefined;
    return whole.kind === 'byline' && dated ? [whole] : undefined;
  }
  const names = readBylineCached(file, first, options);
  if (names.kind !== 'byline' || !names.lead || names.authors.length === 0) return undefined;
  const whole = readBylineCached(file, `${first}, ${second}`, options);
  const same = whole.authors.join('|') === names.authors.join('|');
  return whole.kind === 'byline' && same && whole.publication !== undefined ? [whole] : undefined;
}

interface Candidate {
  index: number;
  node: RootContent;
  lines: BylineLine[];
  /** Every line opened by a lead word, or HTML says it is a byline element. */
  strong: boolean;
}

/** Blocks near which a name or a date alone is believed: the headline and lead-word bylines. */
function isNear(i: number, n: number, anchors: readonly number[], settings: Settings): boolean {
  if (i < settings.head || i >= n - settings.tail) return true;
  return anchors.some((a) => i - a >= -4 && i - a <= 6);
}

function detect(tree: Root, file: VFile, settings: Settings): void {
  file.data.meta ??= { authors: [] };
  const meta: ArticleMeta = file.data.meta;
  const blocks = tree.children;
  const n = blocks.length;
  const pageTitle = file.data.htmlMeta?.title ? squash(file.data.htmlMeta.title) : undefined;
  const candidates: Candidate[] = [];
  const anchors: number[] = [];
  let dateline = false;
  // A Chinese post's meta line ("发布: 2021-1-29 13:18 | 点击: 313"): the date when no other line gives one.
  let cjkDate: string | undefined;
  for (const [i, node] of blocks.entries()) {
    if (peek(node)?.role === 'headline') anchors.push(i);
    if (!isFree(node) || !isCandidate(node)) continue;
    const raw = blockText(node);
    const text = squash(raw);
    if (text.length === 0 || text.length > MAX_LENGTH) {
      if (!dateline && text.length > MAX_LENGTH) dateline = readDateline(text, meta) || true;
      continue;
    }
    const hinted = hintedByline(node, text, file);
    const lines = readBlock(raw, settings, hinted, file);
    if (!lines && cjkDate === undefined && (i < settings.head || isNear(i, n, anchors, settings)))
      cjkDate = i < n - settings.tail ? cjkMetaDate(text) : undefined;
    if (!lines) {
      if (!dateline && text.length > 60) dateline = readDateline(text, meta) || true;
      continue;
    }
    const strong = hinted || lines.every((l) => l.lead);
    if (outOfPlace(node, lines, strong)) continue;
    // The page's first block or its <title> is the title ("Headline - Site"), not a byline.
    if (!strong && ((candidates.length === 0 && i === 0) || text === pageTitle)) continue;
    if (strong) anchors.push(i);
    candidates.push({ index: i, node, lines, strong });
  }
  let found: BylineLine | undefined;
  for (const c of candidates) {
    if (!c.strong && !isNear(c.index, n, anchors, settings)) continue;
    mark(c.node).role = 'byline';
    // "By Jane Doe" + break + "City Herald" (an author element): the block's outlet line is the names' outlet.
    const outlet = c.lines.find((l) => l.authors.length === 0 && l.publication)?.publication;
    for (const line of c.lines) {
      if (line.kind === 'byline' && (!found || weight(line) > weight(found)))
        found =
          line.publication === undefined && outlet && line.authors.length > 0
            ? { ...line, publication: outlet }
            : line;
      if (line.published) offerDate(meta, 'published', line.published, 'text');
      if (line.modified) offerDate(meta, 'modified', line.modified, 'text');
    }
  }
  if (cjkDate !== undefined && meta.published === undefined)
    offerDate(meta, 'published', cjkDate, 'text');
  if (found) {
    meta.byline = formatByline(found);
    meta.bylineEvidence = 'text';
    meta.visibleByline = {
      authors: found.authors,
      publication: found.publication,
      lead: found.lead,
    };
    if (found.authors.length > 0) offerAuthors(meta, found.authors, 'text');
    if (found.publication !== undefined) meta.publication ??= found.publication;
  }
}

/**
 * How much a byline line says who wrote the article: names beat an outlet
 * alone, and names after a lead word ("By …") beat names read by their shape
 * (a category label "Buyer's Guides" over the real "By Jane Doe on …" line).
 */
function weight(line: BylineLine): number {
  return (line.authors.length > 0 ? 2 : 0) + (line.lead && line.authors.length > 0 ? 1 : 0);
}

function isCandidate(node: RootContent): boolean {
  return node.type === 'paragraph' || node.type === 'heading' || node.type === 'list';
}

/** "WASHINGTON (Reuters) — …" opens the body: note it, keep the text. */
function readDateline(text: string, meta: ArticleMeta): boolean {
  const m = DATELINE.exec(text);
  if (!m?.[1]) return false;
  meta.dateline ??= m[1].trim();
  return true;
}

export default remarkDetectByline;
