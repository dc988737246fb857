/**
 * Shared machinery of the normalisers (quotes, dashes, whitespace, mojibake).
 *
 * A normaliser never looks at one text node alone: a quotation can open in a
 * text node and close inside an `emphasis` or a `link`. So every block that
 * holds phrasing content (paragraph, heading, table cell…) becomes one
 * *inline run*: the concatenated text of its text nodes, with a placeholder for
 * every node a normaliser must not touch (`inlineCode`, `html`, `image`,
 * `break`…) and a `protect` mask over characters that must stay as they are
 * (placeholders, URLs, e-mail addresses, autolink text).
 *
 * A transform reads the run and returns *replacements*: for some indices, the
 * string that replaces that one character (`''` deletes it). Mapping the
 * result back onto the text nodes is then trivial, whatever node boundaries
 * the edit crosses.
 *
 * Code blocks, HTML, front matter (`yaml`/`toml`), definitions and image alt
 * texts are never visited.
 */
import type { Nodes, Parent, Root, Text } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { reportEdit } from './messages.js';

/** Placeholder for an inline node that is not text (inline code, html, image…). */
export const OBJECT = '\uFFFC';

/** Phrasing node types whose text children are part of the run. */
const TRANSPARENT = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);
/** Phrasing node types that are one opaque placeholder in the run. */
const OPAQUE = new Set([
  'inlineCode',
  'html',
  'image',
  'imageReference',
  'footnoteReference',
  'inlineMath',
]);
/** Node types never entered. */
const SKIP = new Set(['code', 'html', 'yaml', 'toml', 'math', 'definition', 'inlineCode']);

export interface Segment {
  /** The text node these characters came from; undefined for a placeholder. */
  node: Text | undefined;
  start: number;
  end: number;
}

export interface InlineRun {
  /** The block holding the phrasing content. */
  container: Parent;
  text: string;
  /** 1 where a character must not change. */
  protect: Uint8Array;
  segments: Segment[];
}

/** Per-index replacement strings (sparse); `''` deletes the character. */
export type Replacements = Map<number, string>;

/** A pure text transform on a run. Returns undefined or an empty map when nothing changes. */
export type RunTransform = (text: string, protect: Uint8Array) => Replacements | undefined;

const URL_RE =
  /\b(?:(?:https?|ftp):\/\/|www\.|mailto:)[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|io|co|uk|de|fr)\/[^\s<>]*/gi;
const URL_TRAIL = /(?<![.,;:!?)\]}'"’”»])[.,;:!?)\]}'"’”»]+$/;

function looksLikeUrl(text: string): boolean {
  return /^(?:(?:https?|ftp):\/\/|www\.|mailto:)\S+$|^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/i.test(
    text.trim(),
  );
}

/** Raw HTML/XML tags left in text (`<img src="…">`): their attribute quotes are syntax. */
const TAG_RE = /<\/?[a-zA-Z][\w:-]*(?:\s+[^<>]*)?\/?>/g;

/** Every match of `URL_RE` holds `/`, `@`, `www.` or `mailto:`: text without them skips it. */
const URL_CUE = /[/@]|www\.|mailto:/i;

/** Mark URLs, e-mail addresses and raw tags in `text` as protected. */
export function protectUrls(text: string, protect: Uint8Array): void {
  if (text.includes('<')) {
    TAG_RE.lastIndex = 0;
    for (let m = TAG_RE.exec(text); m; m = TAG_RE.exec(text))
      for (let i = m.index; i < m.index + m[0].length; i++) protect[i] = 1;
  }
  if (!URL_CUE.test(text)) return;
  URL_RE.lastIndex = 0;
  for (let m = URL_RE.exec(text); m; m = URL_RE.exec(text)) {
    const url = m[0].replace(URL_TRAIL, '');
    for (let i = m.index; i < m.index + url.length; i++) protect[i] = 1;
  }
}

function isContainer(node: Nodes): boolean {
  if (!('children' in node) || TRANSPARENT.has(node.type)) return false;
  return (node as Parent).children.some(
    // `html` is both a block and a phrasing node: it does not make a container.
    (c) =>
      c.type === 'text' ||
      TRANSPARENT.has(c.type) ||
      (OPAQUE.has(c.type) && c.type !== 'html') ||
      c.type === 'break',
  );
}

/** Build the run of one container. */
export function runOf(container: Parent): InlineRun {
  let text = '';
  const segments: Segment[] = [];
  /** Protected spans [start, end) of `text`. */
  const spans: number[] = [];
  const add = (value: string, node: Text | undefined, protectIt: boolean) => {
    segments.push({ node, start: text.length, end: text.length + value.length });
    if (protectIt) spans.push(text.length, text.length + value.length);
    text += value;
  };
  const walk = (parent: Parent, inUrlLink: boolean) => {
    for (const child of parent.children as Nodes[]) {
      if (child.type === 'text') add(child.value, child, inUrlLink);
      else if (child.type === 'break') add('\n', undefined, true);
      else if (TRANSPARENT.has(child.type) && 'children' in child) {
        const urlText =
          inUrlLink || (child.type === 'link' && looksLikeUrl(mdToString(child as Nodes)));
        walk(child as Parent, urlText);
      } else add(OBJECT, undefined, true);
    }
  };
  walk(container, false);
  const protect = new Uint8Array(text.length);
  for (let s = 0; s < spans.length; s += 2) protect.fill(1, spans[s], spans[s + 1]);
  protectUrls(text, protect);
  return { container, text, protect, segments };
}

/** Every inline run of the tree, in document order. */
export function collectRuns(tree: Root | Parent): InlineRun[] {
  const runs: InlineRun[] = [];
  const visit = (node: Nodes) => {
    if (SKIP.has(node.type)) return;
    if (isContainer(node)) {
      runs.push(runOf(node as Parent));
      // A block among the phrasing (loose HTML: text and a <p> in one list
      // item) is an object of this run and a run of its own.
      for (const c of (node as Parent).children as Nodes[])
        if ('children' in c && !TRANSPARENT.has(c.type)) visit(c);
      return;
    }
    if ('children' in node) for (const c of (node as Parent).children as Nodes[]) visit(c);
  };
  visit(tree as Nodes);
  return runs;
}

/** Apply replacements to a string. */
export function applyToString(text: string, repl: Replacements): string {
  if (repl.size === 0) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) out += repl.get(i) ?? text[i];
  return out;
}

/** Write replacements back to the run's text nodes; drops text nodes left empty. */
export function applyRun(run: InlineRun, repl: Replacements): void {
  for (const seg of run.segments) {
    if (!seg.node) continue;
    let value = '';
    let changed = false;
    for (let i = seg.start; i < seg.end; i++) {
      const r = repl.get(i);
      if (r === undefined) value += run.text[i];
      else {
        value += r;
        changed = true;
      }
    }
    if (changed) seg.node.value = value;
  }
  dropEmptyText(run.container);
}

function dropEmptyText(parent: Parent): void {
  parent.children = parent.children.filter(
    (c) => !(c.type === 'text' && c.value === ''),
  ) as Parent['children'];
  for (const c of parent.children) if (TRANSPARENT.has(c.type)) dropEmptyText(c as Parent);
}

/** Run a string transform on a plain string (metadata fields), URLs protected. */
export function transformString(text: string, fn: RunTransform): string {
  const protect = new Uint8Array(text.length);
  protectUrls(text, protect);
  const repl = fn(text, protect);
  return repl ? applyToString(text, repl) : text;
}

/**
 * House style reaches the metadata's own strings too: title, dek, byline and
 * the related items' title, kicker and dek.
 */
export function transformMetaStrings(file: VFile, fn: RunTransform): void {
  const meta = file.data.meta;
  if (meta?.title) meta.title = transformString(meta.title, fn);
  if (meta?.dek) meta.dek = transformString(meta.dek, fn);
  if (meta?.byline) meta.byline = transformString(meta.byline, fn);
  for (const item of file.data.related ?? []) {
    item.title = transformString(item.title, fn);
    if (item.kicker) item.kicker = transformString(item.kicker, fn);
    if (item.dek) item.dek = transformString(item.dek, fn);
  }
}

/**
 * Run `fn` on every inline run of `tree`, write the changes back and record
 * one edit message per changed block (old block text → new block text).
 * Returns the number of blocks changed.
 */
export function transformTree(
  tree: Root,
  file: VFile,
  ruleId: string,
  reason: string,
  fn: RunTransform,
): number {
  let changed = 0;
  const emptied = new Set<Parent>();
  for (const run of collectRuns(tree)) {
    const repl = fn(run.text, run.protect);
    if (!repl || repl.size === 0) continue;
    // Keep only real changes, and never touch protected characters.
    for (const [i, r] of repl) if (run.protect[i] || r === run.text[i]) repl.delete(i);
    if (repl.size === 0) continue;
    const before = mdToString(run.container);
    applyRun(run, repl);
    const after = mdToString(run.container);
    if (before === after) continue;
    changed++;
    reportEdit(file, ruleId, reason, before, after, run.container.position);
    if (run.container.children.length === 0) emptied.add(run.container);
  }
  // A block that held only invisible characters is gone (its edit says so).
  if (emptied.size > 0) dropNodes(tree, emptied);
  // Image alt texts are prose too (and become text when an image is dropped).
  const visitAlts = (node: Nodes) => {
    if (SKIP.has(node.type)) return;
    if (node.type === 'image' && node.alt) {
      const alt = transformString(node.alt, fn);
      if (alt !== node.alt) {
        changed++;
        reportEdit(file, ruleId, reason, node.alt, alt, node.position);
        node.alt = alt;
      }
    }
    if ('children' in node) for (const c of (node as Parent).children as Nodes[]) visitAlts(c);
  };
  visitAlts(tree);
  return changed;
}

function dropNodes(parent: Parent, nodes: ReadonlySet<Parent>): void {
  parent.children = parent.children.filter((c) => !nodes.has(c as Parent)) as Parent['children'];
  for (const c of parent.children) if ('children' in c) dropNodes(c as Parent, nodes);
}

/** Whether any index in [from, to) is protected. */
export function anyProtected(protect: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (protect[i]) return true;
  return false;
}

/** Replace the span [from, to) by `value` (on the first index; the others are deleted). */
export function replaceSpan(repl: Replacements, from: number, to: number, value: string): void {
  repl.set(from, value);
  for (let i = from + 1; i < to; i++) repl.set(i, '');
}

/**
 * Apply `fn` until the text stops changing (at most `maxPasses` times), and
 * express the result as replacements on the original indices. A transform
 * whose decisions depend on its own earlier output (quotation marks: a pair
 * written as single marks reads differently) becomes idempotent this way:
 * the result is a fixed point, or, when none is reached, the text unchanged.
 */
export function toFixpoint(fn: RunTransform, maxPasses = 4): RunTransform {
  return (text, protect) => {
    let current = text;
    let prot = protect;
    // For each current character, the span of original indices it stands for
    // (built at the first change: most runs need none).
    let origin: Array<[number, number]> | undefined;
    let converged = false;
    for (let pass = 0; pass < maxPasses; pass++) {
      const repl = fn(current, prot);
      if (!repl || repl.size === 0 || applyToString(current, repl) === current) {
        converged = true;
        break;
      }
      origin ??= Array.from({ length: text.length }, (_, i) => [i, i + 1] as [number, number]);
      let next = '';
      const nextOrigin: Array<[number, number]> = [];
      const nextProt: number[] = [];
      let i = 0;
      while (i < current.length) {
        const r = repl.get(i);
        if (r === undefined) {
          next += current[i];
          nextOrigin.push(origin[i]!);
          nextProt.push(prot[i] ?? 0);
          i++;
          continue;
        }
        // A replacement and the deletions that follow it form one span.
        let j = i + 1;
        while (j < current.length && repl.get(j) === '') j++;
        const span: [number, number] = [origin[i]![0], origin[j - 1]![1]];
        for (const ch of r) {
          next += ch;
          for (let k = 0; k < ch.length; k++) {
            nextOrigin.push(span);
            nextProt.push(0);
          }
        }
        if (r === '') {
          // Pure deletion: nothing to attach; the span is dropped.
        }
        i = j;
      }
      current = next;
      origin = nextOrigin;
      prot = Uint8Array.from(nextProt);
    }
    if (!converged || current === text || !origin) return undefined;
    const out: Replacements = new Map();
    for (let i = 0; i < text.length; i++) out.set(i, '');
    let k = 0;
    while (k < current.length) {
      const [from, to] = origin[k]!;
      let piece = '';
      while (k < current.length && origin[k]![0] === from && origin[k]![1] === to) {
        piece += current[k];
        k++;
      }
      // Spans may overlap after several passes; later pieces append to the first index.
      out.set(from, (out.get(from) === '' || !out.has(from) ? '' : out.get(from)!) + piece);
    }
    // Unchanged single characters need no entry.
    for (const [i, r] of out) if (r === text[i]) out.delete(i);
    return out;
  };
}

const QUOTE_MARK = /["'`“”‘’„‚‛‟´′″«»‹›]/;
const OPENING_PUNCT = /[([{<\u2014\u2013\-/\u2012\u2015]/;
const CLOSING_PUNCT = /[.,;:!?)\]}>\u2026\u2014\u2013\-/\u2012\u2015*]/;

/**
 * Whether a French no-break space belongs between a guillemet and its
 * neighbour: after an opening mark before a word or a nested opening mark
 * (“ ‘ « ‹ „ ‚), before a closing mark after a word, closing punctuation or a
 * nested closing mark (” ’ » ›). Shared by the quote and white-space
 * normalisers so that neither undoes the other.
 */
export function frenchInnerSpace(open: boolean, neighbour: string): boolean {
  if (neighbour === '' || /\s/.test(neighbour)) return false;
  if (open)
    return (
      !CLOSING_PUNCT.test(neighbour) && (!QUOTE_MARK.test(neighbour) || /[“‘«‹„‚]/.test(neighbour))
    );
  return (
    !OPENING_PUNCT.test(neighbour) && (!QUOTE_MARK.test(neighbour) || /[”’»›]/.test(neighbour))
  );
}

/**
 * Whether a no-break space between `prev` and `next` is typographically
 * required. `before` is the character before `prev`, `after` the one after
 * `next`: a guillemet only counts when it really opens (`« mot`, not `mot« `)
 * or closes (`mot »`, not ` »mot`).
 */
export function nbspRequired(before: string, prev: string, next: string, after: string): boolean {
  if (/\d/.test(prev) || /\d/.test(next)) return true;
  if (prev === '' || /\s/.test(prev) || next === '' || /\s/.test(next)) return false;
  if (/[;:!?]/.test(next)) return true;
  if (/[»›]/.test(next) && !WORDISH.test(after) && frenchInnerSpace(false, prev)) return true;
  if (/[«‹]/.test(prev) && !WORDISH.test(before) && frenchInnerSpace(true, next)) return true;
  return false;
}

const WORDISH = /[\p{L}\p{N}\p{M}]/u;
