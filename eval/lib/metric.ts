/**
 * The article-extraction metric of the public benchmarks (scrapinghub's
 * article-extraction-benchmark): tokens are Unicode `\w+` runs, shingles are
 * 4-token windows, and per document TP/FP/FN are multiset overlaps of the
 * predicted and gold shingles, each divided by TP+FP+FN of that document.
 *
 * Precision is the mean of per-document precision over documents with
 * TP+FP > 0, recall the mean of per-document recall over documents with
 * TP+FN > 0, and F1 is computed from the two means.
 */

const TOKEN = /[\p{L}\p{N}_]+/gu;

/** Unicode `\w+` runs, lower-cased. */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(TOKEN) ?? []) as string[];
}

/**
 * Multiset of `n`-token shingles. Like the benchmark, a text shorter than `n`
 * tokens (but not empty) gives one shingle of all its tokens.
 */
export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const out = new Map<string, number>();
  if (tokens.length === 0) return out;
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Normalised counts of one document (each divided by TP+FP+FN; all 0 when both are empty). */
export interface DocCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface DocScore extends DocCounts {
  /** TP/(TP+FP), or undefined when nothing was predicted. */
  precision: number | undefined;
  /** TP/(TP+FN), or undefined when the gold is empty. */
  recall: number | undefined;
  /** Harmonic mean of the two (undefined counts as 0); 1 when both texts are empty. */
  f1: number;
}

/** Score one document: predicted text against gold text. */
export function scoreDoc(predicted: string, gold: string, n = 4): DocScore {
  const pred = shingles(predicted, n);
  const want = shingles(gold, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, p] of pred) {
    const g = want.get(key) ?? 0;
    tp += Math.min(p, g);
    fp += Math.max(0, p - g);
  }
  for (const [key, g] of want) fn += Math.max(0, g - (pred.get(key) ?? 0));
  const total = tp + fp + fn;
  if (total === 0) return { tp: 0, fp: 0, fn: 0, precision: undefined, recall: undefined, f1: 1 };
  const c = { tp: tp / total, fp: fp / total, fn: fn / total };
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : undefined;
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : undefined;
  return { ...c, precision, recall, f1: harmonic(precision ?? 0, recall ?? 0) };
}

export interface Aggregate {
  f1: number;
  precision: number;
  recall: number;
  /** Documents scored. */
  docs: number;
}

/** Mean precision and recall over the documents where each is defined; F1 from the means. */
export function aggregate(scores: readonly DocScore[]): Aggregate {
  const p = scores.map((s) => s.precision).filter((v): v is number => v !== undefined);
  const r = scores.map((s) => s.recall).filter((v): v is number => v !== undefined);
  const precision = mean(p);
  const recall = mean(r);
  return { f1: harmonic(precision, recall), precision, recall, docs: scores.length };
}

function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function harmonic(a: number, b: number): number {
  return a + b > 0 ? (2 * a * b) / (a + b) : 0;
}

/** Share of `text`'s shingles (as a multiset) that are also in `gold`: 1 when all of it is gold text. */
export function shareIn(text: string, gold: ReadonlyMap<string, number>): number {
  let total = 0;
  let hit = 0;
  for (const [key, n] of shingles(text)) {
    total += n;
    hit += Math.min(n, gold.get(key) ?? 0);
  }
  return total > 0 ? hit / total : 0;
}
