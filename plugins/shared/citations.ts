/**
 * One pass over the body's blocks that finds who is cited and who is quoted:
 * sentences, quotations, attributions (with anaphora such as "the
 * broadcaster reports" resolved to the last outlet named), sources and
 * speakers. `extract-sources` and `extract-quotes` both read it.
 */
import type { VFile } from 'vfile';
import {
  type Attribution,
  findAttributions,
  findQuotations,
  maskQuotes,
  personTokens,
  type SourceKind,
} from './attribution.js';
import { sentenceSegmenter, splitSentences } from './sentences.js';
import type { SourceCited } from './types.js';

declare module 'vfile' {
  interface DataMap {
    /** The last `scanCitations` of this document's body, shared by extract-sources and extract-quotes. */
    citationCache: { key: string; citations: Citations };
  }
}

export interface CitedQuote {
  text: string;
  speaker?: string | undefined;
  /** Index of the block in the list given to `scanCitations`. */
  block: number;
}

export interface Citations {
  sources: SourceCited[];
  quotes: CitedQuote[];
}

interface Resolved {
  name: string;
  kind: SourceKind;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
/** Bounds that keep pathological pages linear: sources per page, sentences per source. */
const MAX_SOURCES = 300;
const MAX_SENTENCES = 25;

function words(text: string): number {
  return (text.match(WORD) ?? []).length;
}

function key(name: string): string {
  return name
    .replace(/^the\s+/i, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’']/g, "'");
}

/** Whether a short quotation is a name or a scare quote ("Belt and Road"). */
function isNameLike(text: string): boolean {
  const ws = text.split(/\s+/);
  return (
    ws.length <= 4 &&
    ws.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:and|of|the|de|la|y|&)$/.test(w))
  );
}

/**
 * `scanCitations` remembered for one document (`file.data.citationCache`):
 * extract-sources and extract-quotes scan the same body one after the other.
 */
export function scanCitationsCached(
  file: VFile,
  blocks: readonly string[],
  locale = 'en',
): Citations {
  const key = `${locale}\u0000${blocks.join('\u0000')}`;
  const hit = file.data.citationCache;
  if (hit && hit.key === key) return hit.citations;
  const citations = scanCitations(blocks, locale);
  file.data.citationCache = { key, citations };
  return citations;
}

/** Find sources and quotations in body blocks (plain text each), in order. */
export function scanCitations(blocks: readonly string[], locale = 'en'): Citations {
  const names = personTokens(blocks.join('\n'));
  const sources = new Map<string, SourceCited>();
  const order: SourceCited[] = [];
  const lastOfKind = new Map<SourceKind, SourceCited>();
  const quotes: CitedQuote[] = [];

  const seen = new Map<SourceCited, Set<string>>();
  const cite = (name: string, kind: SourceKind, sentence: string): SourceCited => {
    const k = key(name);
    let s = sources.get(k);
    if (!s) {
      s = { name, kind, sentences: [] };
      if (order.length < MAX_SOURCES) {
        sources.set(k, s);
        order.push(s);
      }
    } else if (s.kind === 'unknown' && kind !== 'unknown') s.kind = kind;
    let set = seen.get(s);
    if (!set) {
      set = new Set();
      seen.set(s, set);
    }
    if (!set.has(sentence) && s.sentences.length < MAX_SENTENCES) {
      set.add(sentence);
      s.sentences.push(sentence);
    }
    lastOfKind.set(s.kind, s);
    return s;
  };

  let segmenter: Intl.Segmenter | undefined;
  for (const [b, text] of blocks.entries()) {
    const quotations = findQuotations(text);
    const masked = maskQuotes(text, quotations);
    const attributions = findAttributions(masked, names);
    if (attributions.length === 0 && quotations.length === 0) continue;
    segmenter ??= sentenceSegmenter(locale);
    const sentences = splitSentences(text, segmenter);
    const resolved: Resolved[] = [];
    let si = 0;
    for (const a of attributions) {
      // Attributions and sentences are both in text order: one pointer finds each one's sentence.
      while (si < sentences.length - 1 && (sentences[si]?.end ?? 0) <= a.start) si++;
      const sentence = sentences[si]?.text ?? text;
      const r = resolve(a, sentence, cite, lastOfKind);
      if (r) resolved.push(r);
    }
    let previous: CitedQuote | undefined;
    let wi = 0;
    for (const [qi, q] of quotations.entries()) {
      while (wi < sentences.length - 1 && (sentences[wi]?.end ?? 0) <= q.start) wi++;
      const window = sentenceWindow(sentences, wi, q.end);
      const speaker = speakerFor(q, resolved, quotations[qi - 1], quotations[qi + 1], window);
      const n = words(q.text);
      const keep = n >= 4 || (speaker !== undefined && n >= 2 && !isNameLike(q.text));
      const quote: CitedQuote = { text: q.text, block: b };
      // A quotation with no attribution in its sentences continues the previous speaker's quotation.
      const who =
        speaker ?? (previous?.speaker !== undefined && n >= 4 ? previous.speaker : undefined);
      if (who !== undefined) quote.speaker = who;
      if (keep) {
        quotes.push(quote);
        previous = quote;
      }
    }
  }
  return { sources: mergeSources(order), quotes };
}

function resolve(
  a: Attribution,
  sentence: string,
  cite: (name: string, kind: SourceKind, sentence: string) => SourceCited,
  lastOfKind: Map<SourceKind, SourceCited>,
): Resolved | undefined {
  if (a.anaphor) {
    const target =
      lastOfKind.get(a.anaphor) ?? (a.anaphor === 'person' ? lastOfKind.get('unknown') : undefined);
    if (!target) return undefined;
    cite(target.name, target.kind, sentence);
    return { name: target.name, kind: target.kind, start: a.start, end: a.end };
  }
  if (a.outlet) cite(a.outlet, 'outlet', sentence);
  const s = cite(a.name, a.kind, sentence);
  return { name: s.name, kind: s.kind, start: a.start, end: a.end };
}

/** Start and end offsets of the sentences a quotation overlaps, from the sentence at `first`. */
function sentenceWindow(
  sentences: readonly { start: number; end: number }[],
  first: number,
  end: number,
): { start: number; end: number } {
  const head = sentences[first];
  if (!head) return { start: 0, end };
  let last = first;
  while (last < sentences.length - 1 && (sentences[last + 1]?.start ?? end) < end) last++;
  return { start: head.start, end: sentences[last]?.end ?? end };
}

/** Index of the first attribution starting at or after `offset` (binary search; `resolved` is in text order). */
function firstFrom(resolved: readonly Resolved[], offset: number): number {
  let lo = 0;
  let hi = resolved.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((resolved[mid]?.start ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The speaker of a quotation: the nearest attribution before it in its
 * sentences with no other quotation between them, else the nearest after it.
 */
function speakerFor(
  q: { start: number; end: number },
  resolved: readonly Resolved[],
  before: { start: number; end: number } | undefined,
  after: { start: number; end: number } | undefined,
  window: { start: number; end: number },
): string | undefined {
  // Nearest attribution ending before the quotation, inside the window, not behind the previous quotation.
  for (let i = firstFrom(resolved, q.start) - 1; i >= 0; i--) {
    const r = resolved[i];
    if (!r || r.start < window.start) break;
    if (r.end > q.start) continue;
    if (before && before.start >= r.end) break;
    return r.name;
  }
  const r = resolved[firstFrom(resolved, q.end)];
  if (!r || r.end > window.end + 1) return undefined;
  if (after && after.end <= r.start) return undefined;
  return r.name;
}

/** "CBS" into "CBS News", "Putin" into "Vladimir Putin": a short name joins the longer one it is part of. */
function mergeSources(list: SourceCited[]): SourceCited[] {
  const out: SourceCited[] = [];
  const sorted = [...list].sort((a, b) => b.name.split(/\s+/).length - a.name.split(/\s+/).length);
  const into = new Map<SourceCited, SourceCited>();
  for (const s of sorted) {
    const tokens = key(s.name).split(/\s+/);
    const host = out.find((o) => {
      const t = key(o.name).split(/\s+/);
      if (t.length <= tokens.length) return false;
      const prefix = tokens.every((w, i) => t[i] === w);
      const surname = tokens.length === 1 && o.kind === 'person' && t[t.length - 1] === tokens[0];
      return (
        (prefix && (o.kind === s.kind || s.kind === 'unknown' || s.kind === 'outlet')) || surname
      );
    });
    if (host) {
      for (const sentence of s.sentences)
        if (!host.sentences.includes(sentence)) host.sentences.push(sentence);
      into.set(s, host);
    } else out.push(s);
  }
  // Back to first-cited order.
  return list.filter((s) => !into.has(s));
}
