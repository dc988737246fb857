/**
 * Review model: a cleaned document's messages → report rows and a block view.
 *
 * Everything here comes from `file.messages` (removals and edits, see
 * `plugins/shared/messages.ts`; `file.message` warnings are doubts) plus the
 * input and the output Markdown. `copydesk diff` and `copydesk review` render
 * this model; neither looks at detector internals.
 *
 * The "before" view is the input parsed again by the same reader (so block
 * positions match the ones in the removal messages): each top-level block in
 * order, descending into lists and quotes only where a removal lies inside.
 */
import type { List, Nodes, Parent, RootContent } from 'mdast';
import type { Point, Position } from 'unist';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { isEdit, isRemoval } from '../../plugins/shared/messages.js';
import { blockText, countWords, isBlock, squash } from '../../plugins/shared/text.js';
import { hostOfUrl } from '../../plugins/shared/url.js';
import type { CleanResult } from '../clean.js';
import { readInput } from '../readers/index.js';
import type { InputFormat } from '../types.js';
import { describeTally, tallyOf } from './words.js';

export { percent } from './words.js';

/** One removal, as a report row. */
export interface RemovalRow {
  ruleId: string;
  reason: string;
  /** The removed text. */
  text: string;
  line?: number | undefined;
  confidence?: number | undefined;
  /** Extra detail, e.g. where the first copy of a duplicate is. */
  note?: string | undefined;
  place?: Position | undefined;
}

/** One normalisation edit (old → new), as a report row. */
export interface EditRow {
  ruleId: string;
  reason: string;
  old: string;
  new: string;
  line?: number | undefined;
  place?: Position | undefined;
}

/** A warning: the result may be wrong, nothing was changed. */
export interface WarningRow {
  ruleId: string | null;
  reason: string;
  line?: number | undefined;
}

/** One block of the input, as the reviewer sees it. */
export interface ViewBlock {
  kind: 'kept' | 'removed';
  /** The block's text in the input. */
  text: string;
  line?: number | undefined;
  /** Why it went (removed blocks). */
  removal?: RemovalRow | undefined;
  /** Normalisation edits inside the block (kept blocks). */
  edits: EditRow[];
  /** The block's text once its edits are applied (kept blocks). */
  after: string;
}

/** Everything the diff and the review page show about one document. */
export interface DocumentReport {
  /** Path or id as given. */
  name: string;
  /** The article's headline (or title), when found. */
  headline?: string | undefined;
  /** The site's name, else the page's host. */
  site?: string | undefined;
  /** The page's URL (canonical, else the one given), when known. */
  url?: string | undefined;
  /** The page's host, when known. */
  host?: string | undefined;
  format: InputFormat | null;
  /** Metadata status (`ok`, `empty`, …), or `failed` when the input could not be cleaned. */
  status: string;
  /** One-line reason for `failed`/`skipped`. */
  error?: string | undefined;
  /** Why the status is not `ok` (from the metadata). */
  statusReasons: string[];
  /** Words of the page as read (see `./words.ts`: the one definition of "% removed"). */
  inputWords: number;
  /** Words of the cleaned Markdown: headline, dek, byline and body. */
  outputWords: number;
  /** `inputWords − outputWords` (never below 0). */
  removedWords: number;
  /** `removedWords / inputWords` (0..1). */
  removedShare: number;
  removals: RemovalRow[];
  edits: EditRow[];
  warnings: WarningRow[];
  /** Removals counted by rule id, most frequent first. */
  byRule: [string, number][];
  blocks: ViewBlock[];
  /** The input as decoded. */
  input: string;
  /** The cleaned Markdown. */
  markdown: string;
}

type Confident = VFileMessage & { confidence?: number };

function positionOf(m: VFileMessage): Position | undefined {
  const p = m.place;
  if (p && 'start' in p) return p;
  if (p && 'line' in p) return { start: p, end: p };
  return undefined;
}

/** Removal messages as report rows, in message order. */
export function removalRows(messages: readonly VFileMessage[]): RemovalRow[] {
  return messages.filter(isRemoval).map((m) => ({
    ruleId: m.ruleId ?? 'unknown',
    reason: m.reason,
    text: m.actual ?? '',
    line: m.line ?? undefined,
    confidence: (m as Confident).confidence,
    note: m.note ?? undefined,
    place: positionOf(m),
  }));
}

/** Edit messages as report rows, in message order. */
export function editRows(messages: readonly VFileMessage[]): EditRow[] {
  return messages.filter(isEdit).map((m) => ({
    ruleId: m.ruleId ?? 'unknown',
    reason: m.reason,
    old: m.actual ?? '',
    new: m.expected?.[0] ?? '',
    line: m.line ?? undefined,
    place: positionOf(m),
  }));
}

/** Warnings (`file.message`, i.e. `fatal: false`) as report rows. */
export function warningRows(messages: readonly VFileMessage[]): WarningRow[] {
  return messages
    .filter((m) => m.fatal === false)
    .map((m) => ({ ruleId: m.ruleId ?? null, reason: m.reason, line: m.line ?? undefined }));
}

/** Removals counted per rule id, most frequent first (ties by id). */
export function countByRule(rows: readonly { ruleId: string }[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.ruleId, (counts.get(r.ruleId) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

// ---------------------------------------------------------------------------
// Positions

/** Compare two points: by offset when both have one, else by line and column. */
function cmp(a: Point, b: Point): number {
  if (a.offset !== undefined && b.offset !== undefined) return a.offset - b.offset;
  return a.line - b.line || a.column - b.column;
}

function covers(outer: Position, inner: Position): boolean {
  return cmp(outer.start, inner.start) <= 0 && cmp(inner.end, outer.end) <= 0;
}

function overlaps(a: Position, b: Position): boolean {
  return cmp(a.start, b.end) < 0 && cmp(b.start, a.end) < 0;
}

function hasBlockChildren(node: Nodes): node is Parent & Nodes {
  return (
    'children' in node &&
    node.children.length > 0 &&
    node.children.every((c) => isBlock(c as Nodes))
  );
}

// ---------------------------------------------------------------------------
// The block view

/**
 * The input as blocks, each kept or removed (with its removal) and with the
 * edits that fall inside it. Removals that match no block (no position, or a
 * node the reader never produced) are placed by line, else at the end.
 */
export function viewBlocks(
  input: string,
  format: InputFormat,
  removals: readonly RemovalRow[],
  edits: readonly EditRow[],
): ViewBlock[] {
  const tree = readInput(input, format, new VFile({ value: input }));
  const placed = removals
    .filter((r) => r.place !== undefined)
    .sort((a, b) => cmp(a.place!.start, b.place!.start));
  const used = new Set<RemovalRow>();
  const blocks: ViewBlock[] = [];

  // Removals without a place (nodes a plugin or the HTML converter made) match by text.
  const byText = new Map<string, RemovalRow[]>();
  for (const r of removals) {
    if (r.place !== undefined || r.text.trim() === '') continue;
    const key = squash(r.text);
    byText.set(key, [...(byText.get(key) ?? []), r]);
  }

  const visit = (node: Nodes, parent?: Parent): void => {
    const pos = node.position ?? spanOf(node);
    const unplaced =
      byText.size > 0 ? byText.get(squash(blockText(node)))?.find((r) => !used.has(r)) : undefined;
    if (unplaced) {
      used.add(unplaced);
      const text = viewText(node, '', parent);
      blocks.push({
        kind: 'removed',
        text: text || unplaced.text,
        line: pos?.start.line,
        removal: unplaced,
        edits: [],
        after: '',
      });
      return;
    }
    if (!pos) {
      push(blocks, kept(node, parent));
      return;
    }
    const cover = near(placed, pos.start).find((r) => covers(r.place!, pos));
    if (cover) {
      used.add(cover);
      const text = viewText(node, '', parent);
      const last = blocks.at(-1);
      // Several nodes removed by one message (e.g. a list) read as one block.
      if (last?.kind === 'removed' && last.removal === cover) {
        if (text) last.text = last.text ? `${last.text}\n${text}` : text;
        return;
      }
      blocks.push({
        kind: 'removed',
        text: text || cover.text,
        line: pos.start.line,
        removal: cover,
        edits: [],
        after: '',
      });
      return;
    }
    if (hasBlockChildren(node) && near(placed, pos.end).some((r) => overlaps(r.place!, pos))) {
      for (const child of node.children as RootContent[]) visit(child, node);
      return;
    }
    push(blocks, kept(node, parent));
  };
  for (const child of tree.children) visit(child);

  // Removals no block matched: put them where their line says, else at the end.
  // (A removal with neither place nor text has nothing to show; it still counts.)
  const loose = removals
    .filter((r) => !used.has(r) && r.text.trim() !== '')
    .map(
      (r): ViewBlock => ({
        kind: 'removed',
        text: r.text,
        line: r.line,
        removal: r,
        edits: [],
        after: '',
      }),
    );
  const merged = loose.length === 0 ? blocks : mergeByLine(blocks, loose);
  attachEdits(merged, edits);
  return merged;
}

/** The span of a node without a position, from its first and last positioned descendants. */
function spanOf(node: Nodes): Position | undefined {
  let start: Point | undefined;
  let end: Point | undefined;
  const walk = (n: Nodes): void => {
    if (n.position) {
      start ??= n.position.start;
      end = n.position.end;
      return;
    }
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  walk(node);
  return start && end ? { start, end } : undefined;
}

/** Removals whose start is at or before `point`: the last few (they rarely overlap). */
function near(sorted: readonly RemovalRow[], point: Point): RemovalRow[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(sorted[mid]!.place!.start, point) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return sorted.slice(Math.max(0, lo - 4), lo).reverse();
}

/** Insert `loose` blocks before the first block with a greater line; those without a line go last. */
function mergeByLine(blocks: ViewBlock[], loose: ViewBlock[]): ViewBlock[] {
  const withLine = loose.filter((b) => b.line !== undefined).sort((a, b) => a.line! - b.line!);
  const out: ViewBlock[] = [];
  let j = 0;
  for (const b of blocks) {
    while (j < withLine.length && b.line !== undefined && b.line > withLine[j]!.line!)
      out.push(withLine[j++]!);
    out.push(b);
  }
  while (j < withLine.length) out.push(withLine[j++]!);
  for (const b of loose) if (b.line === undefined) out.push(b);
  return out;
}

/**
 * Text of a block as the reviewer reads it: headings keep their `#`, list
 * items their `-` or number (nested ones indented), like the Markdown output.
 */
export function viewText(node: Nodes, indent = '', parent?: Parent): string {
  if (node.type === 'heading') return `${'#'.repeat(node.depth)} ${blockText(node)}`;
  if (node.type === 'list')
    return node.children.map((_, i) => itemText(node, i, indent)).join('\n');
  if (node.type === 'listItem' && parent?.type === 'list')
    return itemText(parent as List, (parent as List).children.indexOf(node), indent);
  if (node.type === 'paragraph' && indent) return `${indent}${blockText(node)}`;
  return blockText(node);
}

/** Item `i` of `list` with its marker (`- ` or `3. `). */
function itemText(list: List, i: number, indent: string): string {
  const item = list.children[i]!;
  const marker = list.ordered ? `${(list.start ?? 1) + i}. ` : '- ';
  const inner = item.children.map((c) => viewText(c, `${indent}  `)).filter(Boolean);
  const [first = '', ...rest] = inner;
  return [`${indent}${marker}${first.trimStart()}`, ...rest].join('\n');
}

function kept(node: Nodes, parent?: Parent): ViewBlock {
  const text = viewText(node, '', parent);
  const line = (node.position ?? spanOf(node))?.start.line;
  return { kind: 'kept', text, line, edits: [], after: text };
}

function push(blocks: ViewBlock[], block: ViewBlock): void {
  // Thematic breaks and image-only blocks have no text worth a row.
  if (block.text.trim().length === 0) return;
  blocks.push(block);
}

/**
 * Give each edit to the kept block it belongs to (by line when it has one,
 * else the first block containing its old text) and apply it there.
 */
/** The last kept block starting at or before `line` (kept blocks are in line order). */
function lastAtOrBefore(kept: readonly ViewBlock[], line: number): ViewBlock | undefined {
  let lo = 0;
  let hi = kept.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((kept[mid]!.line ?? 0) <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? kept[lo - 1] : undefined;
}

function attachEdits(blocks: ViewBlock[], edits: readonly EditRow[]): void {
  const keptBlocks = blocks.filter((b) => b.kind === 'kept');
  const ordered = [...edits].sort(
    (a, b) =>
      (a.place?.start.offset ?? 0) - (b.place?.start.offset ?? 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.place?.start.column ?? 0) - (b.place?.start.column ?? 0),
  );
  const cursor = new Map<ViewBlock, number>();
  for (const e of ordered) {
    const byLine = e.line === undefined ? undefined : lastAtOrBefore(keptBlocks, e.line);
    const target =
      byLine && (e.old === '' || byLine.after.includes(e.old))
        ? byLine
        : keptBlocks.find((b) => e.old !== '' && b.after.includes(e.old));
    if (!target) continue;
    target.edits.push(e);
    if (e.old === '') continue;
    const from = cursor.get(target) ?? 0;
    let at = target.after.indexOf(e.old, from);
    if (at === -1) at = target.after.indexOf(e.old);
    if (at === -1) continue;
    target.after = target.after.slice(0, at) + e.new + target.after.slice(at + e.old.length);
    cursor.set(target, at + e.new.length);
  }
}

// ---------------------------------------------------------------------------
// The report

/** Build the review model of one cleaned document. */
export function buildReport(result: CleanResult, name?: string): DocumentReport {
  const { file, metadata, markdown } = result;
  const input = String(file.value ?? '');
  const removals = removalRows(result.messages);
  const edits = editRows(result.messages);
  const warnings = warningRows(result.messages);
  const format = metadata.source.format ?? null;
  const blocks =
    metadata.status === 'empty' || !format ? [] : viewBlocks(input, format, removals, edits);
  const tally = tallyOf({
    ...metadata,
    counts: { ...metadata.counts, inputWords: metadata.counts.inputWords || countWords(input) },
  });
  const url = metadata.canonicalUrl ?? metadata.source.url ?? undefined;
  const host = hostOfUrl(url);
  return {
    name: name ?? metadata.source.path,
    headline: metadata.headline ?? metadata.title ?? undefined,
    site: metadata.siteName ?? metadata.publication ?? host,
    url,
    host,
    format,
    status: metadata.status,
    statusReasons: metadata.statusReasons,
    inputWords: tally.in,
    outputWords: tally.out,
    removedWords: tally.removed,
    removedShare: tally.share,
    removals,
    edits,
    warnings,
    byRule: countByRule(removals),
    blocks,
    input,
    markdown,
  };
}

/** The report of an input that could not be cleaned (binary, unreadable, too large…). */
export function failedReport(name: string, reason: string, status = 'failed'): DocumentReport {
  return {
    name,
    format: null,
    status,
    error: reason,
    statusReasons: [],
    inputWords: 0,
    outputWords: 0,
    removedWords: 0,
    removedShare: 0,
    removals: [],
    edits: [],
    warnings: [],
    byRule: [],
    blocks: [],
    input: '',
    markdown: '',
  };
}

/** The one-line summary: `N blocks removed (rule n, …), M edits`. */
export function summaryLine(report: DocumentReport): string {
  const n = report.removals.length;
  const rules = report.byRule.map(([id, k]) => `${id} ${k}`).join(', ');
  const m = report.edits.length;
  const w = report.warnings.length;
  return (
    `${n} block${n === 1 ? '' : 's'} removed${n > 0 ? ` (${rules})` : ''}, ` +
    `${m} edit${m === 1 ? '' : 's'}` +
    (w > 0 ? `, ${w} warning${w === 1 ? '' : 's'}` : '') +
    `; ${describeTally({ in: report.inputWords, out: report.outputWords, removed: report.removedWords, share: report.removedShare })}`
  );
}

/** A run of blocks shown together: consecutive removals with one rule and reason, or one kept block. */
export interface BlockRun {
  kind: 'kept' | 'removed';
  blocks: ViewBlock[];
  /** The shared removal (removed runs). */
  removal?: RemovalRow | undefined;
}

/** Group consecutive removed blocks that share rule id, reason and note, so a list reads as one removal. */
export function blockRuns(blocks: readonly ViewBlock[]): BlockRun[] {
  const runs: BlockRun[] = [];
  for (const b of blocks) {
    const last = runs.at(-1);
    const r = b.removal;
    if (
      b.kind === 'removed' &&
      r &&
      last?.kind === 'removed' &&
      last.removal &&
      last.removal.ruleId === r.ruleId &&
      last.removal.reason === r.reason &&
      last.removal.note === r.note
    ) {
      last.blocks.push(b);
      continue;
    }
    runs.push({ kind: b.kind, blocks: [b], removal: r });
  }
  return runs;
}
