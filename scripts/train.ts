/**
 * `npm run train`: fit the block scorer (`plugins/score-blocks`) on the TUNE
 * half of `../shared/corpus-web`, and report it on both halves.
 *
 * 1. Every page is read and run through the detector stage of the preset
 *    (everything before `guard`); each unit of the page's feature table gives
 *    one row: its feature vector and whether its text is gold text (the share
 *    of its 4-token shingles found in the page's gold; a unit shorter than
 *    four tokens is gold when its tokens occur in that order in the gold).
 * 2. A logistic regression (L2, full-batch gradient descent from zeros,
 *    standardised features, rows weighted by words: the metric counts words)
 *    is fitted on the tune half only.
 * 3. Reported on both halves, per page as `npm run eval` scores it (shingle
 *    F1 of the kept units' text against the gold): the detectors' own
 *    decisions, and the model's.
 *
 *   npm run train -- title …   (the title chooser: scripts/train-title.ts)
 *   npm run train [-- --corpus ../shared/corpus-web] [--limit N] [--collect tune|check] [--write]
 *
 * `--write` saves the weights to plugins/score-blocks/weights.json. Rows are
 * cached in .eval/train-rows-<half>.json (delete to measure again).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Root } from 'mdast';
import remarkStringify from 'remark-stringify';
import { type PluggableList, type Plugin, unified } from 'unified';
import { aggregate, type DocScore, scoreDoc, shingles, tokenize } from '../eval/lib/metric.js';
import {
  type Half,
  loadWebPages,
  readWebGold,
  readWebHtml,
  readWebSource,
  selectPages,
  type WebPage,
} from '../eval/lib/web.js';
import { remarkGuard } from '../plugins/guard/index.js';
import {
  FEATURE_NAMES,
  featureVector,
  LABEL_RULES,
  MODEL_DECIDES,
} from '../plugins/score-blocks/features.js';
import { remarkScoreBlocks } from '../plugins/score-blocks/index.js';
import type { ModelWeights } from '../plugins/score-blocks/model.js';
import { loadModel } from '../plugins/score-blocks/model.js';
import type { FeatureTable } from '../plugins/shared/features.js';
import type { NodeMark } from '../plugins/shared/types.js';
import { Cleaner } from '../src/clean.js';
import { type CopydeskProcessor, presetPlugins, stringifyOptions } from '../src/pipeline.js';

interface Row {
  x: number[];
  gold: number;
  words: number;
  /** The detectors' verdict: removed (labelled and not kept). */
  removed: boolean;
  /** Kept or given a role by a detector: the model does not decide it. */
  fixed: boolean;
  text: string;
}

interface PageRows {
  id: string;
  gold: string;
  rows: Row[];
}

// `npm run train -- title`: the title chooser's script (scripts/train-title.ts, its own options)
if (process.argv[2] === 'title') {
  await import('./train-title.js');
  process.exit(process.exitCode ?? 0);
}

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: '../shared/corpus-web' },
    limit: { type: 'string' },
    write: { type: 'boolean', default: false },
    lambda: { type: 'string', default: '1' },
    /** Only collect (and cache) the rows of one half, then stop: run the halves side by side. */
    collect: { type: 'string' },
  },
});

/** The detector stage of the preset, then a probe that reads the feature table. */
class ProbeCleaner extends Cleaner {
  readonly probe: CopydeskProcessor;
  pages: PageRows[] = [];
  current:
    | { id: string; gold: string; goldShingles: Map<string, number>; goldTokens: string }
    | undefined;

  constructor() {
    super({ from: 'html', path: 'page.html' });
    const plugins = presetPlugins(this.options);
    // the probe reads the table where the model runs: after the detectors, before the model itself
    const at = plugins.findIndex(
      (p) =>
        p === remarkGuard ||
        p === remarkScoreBlocks ||
        (Array.isArray(p) && (p[0] === remarkGuard || p[0] === remarkScoreBlocks)),
    );
    const capture: Plugin<[], Root> = () => (_tree, file) => {
      const tables = file.data.features?.tables;
      const page = tables ? ([...tables.values()][0] as FeatureTable | undefined) : undefined;
      if (page && this.current)
        this.pages.push({
          id: this.current.id,
          gold: this.current.gold,
          rows: rowsOf(page, this.current),
        });
    };
    this.probe = unified()
      .use(plugins.slice(0, at) as PluggableList)
      .use(capture)
      .use(remarkStringify, stringifyOptions)
      .freeze() as unknown as CopydeskProcessor;
  }

  override processorFor(): CopydeskProcessor {
    return this.probe;
  }
}

function rowsOf(
  page: FeatureTable,
  gold: { goldShingles: Map<string, number>; goldTokens: string },
): Row[] {
  return page.blocks.map((b, i) => {
    const mark = b.node.data?.copydesk as NodeMark | undefined;
    return {
      x: featureVector(page, i),
      gold: goldShare(b.text, gold),
      words: b.words,
      removed: mark?.label !== undefined && mark.keep === undefined,
      fixed: mark?.keep !== undefined || mark?.role !== undefined,
      text: b.text,
    };
  });
}

function goldShare(
  text: string,
  gold: { goldShingles: Map<string, number>; goldTokens: string },
): number {
  const tokens = tokenize(text);
  if (tokens.length === 0) return 0;
  if (tokens.length < 4) return gold.goldTokens.includes(` ${tokens.join(' ')} `) ? 1 : 0;
  let total = 0;
  let hit = 0;
  for (const [key, n] of shingles(text)) {
    total += n;
    hit += Math.min(n, gold.goldShingles.get(key) ?? 0);
  }
  return hit / total;
}

function cachePath(half: Half): string {
  return resolve('.eval', `train-rows-${half}.json`);
}

function collect(half: Half, limit: number | undefined): PageRows[] {
  const cache = cachePath(half);
  if (existsSync(cache) && limit === undefined)
    return JSON.parse(readFileSync(cache, 'utf8')) as PageRows[];
  const pages = selectPages(loadWebPages(resolve(values.corpus!)), { half }).slice(0, limit);
  const cleaner = new ProbeCleaner();
  let done = 0;
  for (const page of pages) {
    collectPage(cleaner, page);
    if (++done % 50 === 0) process.stderr.write(`  ${half}: ${done}/${pages.length}\n`);
  }
  if (limit === undefined) {
    mkdirSync('.eval', { recursive: true });
    writeFileSync(cache, JSON.stringify(cleaner.pages));
  }
  return cleaner.pages;
}

function collectPage(cleaner: ProbeCleaner, page: WebPage): void {
  const gold = readWebGold(page);
  const url = readWebSource(page).url;
  cleaner.current = {
    id: page.id,
    gold,
    goldShingles: shingles(gold),
    goldTokens: ` ${tokenize(gold).join(' ')} `,
  };
  try {
    cleaner.cleanOnce(readWebHtml(page), url ? { url } : {});
  } catch {
    // a page the cleaner refuses (binary, too large) has no rows
  }
}

/** Logistic regression, L2, gradient descent with a fixed step schedule (deterministic). */
function fitLogistic(rows: readonly Row[], lambda: number): ModelWeights {
  const d = FEATURE_NAMES.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  let wsum = 0;
  const weightOf = (r: Row): number => 1 + Math.min(r.words, 300);
  for (const r of rows) {
    const w = weightOf(r);
    wsum += w;
    for (let j = 0; j < d; j++) mean[j]! += w * r.x[j]!;
  }
  for (let j = 0; j < d; j++) mean[j]! /= wsum;
  for (const r of rows) {
    const w = weightOf(r);
    for (let j = 0; j < d; j++) scale[j]! += w * (r.x[j]! - mean[j]!) ** 2;
  }
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]! / wsum) || 1;
  const xs = rows.map((r) => r.x.map((v, j) => (v - mean[j]!) / scale[j]!));
  const ys = rows.map((r) => (r.gold >= 0.5 ? 1 : 0));
  const ws = rows.map(weightOf);
  const beta = new Array<number>(d).fill(0);
  let bias = 0;
  // Adam, full batch: deterministic, converges in a few hundred steps on standardised inputs
  const m = new Array<number>(d + 1).fill(0);
  const v = new Array<number>(d + 1).fill(0);
  const rate = 0.05;
  for (let step = 1; step <= 600; step++) {
    const g = new Array<number>(d + 1).fill(0);
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      let z = bias;
      for (let j = 0; j < d; j++) z += beta[j]! * x[j]!;
      const err = (1 / (1 + Math.exp(-z)) - ys[i]!) * ws[i]!;
      for (let j = 0; j < d; j++) g[j]! += err * x[j]!;
      g[d]! += err;
    }
    for (let j = 0; j <= d; j++) {
      let gj = g[j]! / wsum;
      if (j < d) gj += (lambda * beta[j]!) / rows.length;
      m[j] = 0.9 * m[j]! + 0.1 * gj;
      v[j] = 0.999 * v[j]! + 0.001 * gj * gj;
      const step_ =
        (rate * (m[j]! / (1 - 0.9 ** step))) / (Math.sqrt(v[j]! / (1 - 0.999 ** step)) + 1e-8);
      if (j < d) beta[j]! -= step_;
      else bias -= step_;
    }
  }
  const features: ModelWeights['features'] = {};
  FEATURE_NAMES.forEach((name, j) => {
    features[name] = { weight: round(beta[j]!), mean: round(mean[j]!), scale: round(scale[j]!) };
  });
  return { version: 1, fitted: {}, bias: round(bias), features };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

type Decide = (r: Row) => boolean;

/** Index of each label feature in the vector. */
const LABEL_AT = new Map(
  [...LABEL_RULES, 'other'].map((r) => [r, FEATURE_NAMES.indexOf(`label: ${r}`)] as const),
);

/** Rows the model does not decide (as in the plugin): kept, roles, and labels it may not overrule. */
function final(r: Row): boolean {
  if (r.fixed) return true;
  for (const [rule, at] of LABEL_AT) if (r.x[at]! > 0 && !MODEL_DECIDES.has(rule)) return true;
  return false;
}

function score(
  pages: readonly PageRows[],
  keep: Decide,
): ReturnType<typeof aggregate> & { catastrophic: number } {
  const scores: DocScore[] = [];
  let catastrophic = 0;
  for (const p of pages) {
    const text = p.rows
      .filter(keep)
      .map((r) => r.text)
      .join('\n');
    const s = scoreDoc(text, p.gold);
    scores.push(s);
    if (s.f1 < 0.5 && tokenize(p.gold).length >= 50) catastrophic++;
  }
  return { ...aggregate(scores), catastrophic };
}

function show(name: string, s: ReturnType<typeof score>): string {
  return `${name.padEnd(34)} F1 ${s.f1.toFixed(3)}  P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  catastrophic ${s.catastrophic}/${s.docs}`;
}

const limit = values.limit ? Number(values.limit) : undefined;
if (values.collect === 'tune' || values.collect === 'check') {
  collect(values.collect, limit);
  process.exit(0);
}
const tune = collect('tune', limit);
// The check half is scored here only when its rows were collected (`--collect check`):
// `npm run eval -- --web` is the measure that counts.
const check = existsSync(cachePath('check')) || limit !== undefined ? collect('check', limit) : [];
const weights = fitLogistic(
  tune.flatMap((p) => p.rows),
  Number(values.lambda),
);
const model = loadModel(weights);
const p = (r: Row): number => model.probability(r.x);

// Two thresholds, chosen on the tune half only (never on the check half): a label is taken off
// at p >= keepFrom, a free block is labelled at p < dropBelow. Recall first: the best F1 among
// the pairs whose recall is not below the detectors' own.
const decide =
  (keepFrom: number, dropBelow: number): Decide =>
  (r) =>
    final(r) ? !r.removed : r.removed ? p(r) >= keepFrom : p(r) >= dropBelow;
const floor = score(tune, (r) => !r.removed).recall;
let best = { keepFrom: 0.5, dropBelow: 0.5, f1: -1 };
for (let k = 30; k <= 80; k += 5)
  for (let d = 5; d <= k; d += 5) {
    const s = score(tune, decide(k / 100, d / 100));
    if (s.recall >= floor && s.f1 > best.f1)
      best = { keepFrom: k / 100, dropBelow: d / 100, f1: s.f1 };
  }
weights.fitted = {
  script: 'scripts/train.ts',
  corpus: 'corpus-web, tune half',
  pages: tune.length,
  rows: tune.reduce((n, pg) => n + pg.rows.length, 0),
  keepFrom: best.keepFrom,
  dropBelow: best.dropBelow,
};

const detectors: Decide = (r) => !r.removed;
for (const [name, pages] of [
  ['tune', tune],
  ['check', check],
] as const) {
  if (pages.length === 0) continue;
  console.log(`${name} half (${pages.length} pages), detector stage, kept units vs gold:`);
  console.log(`  ${show('detectors (labels as they are)', score(pages, detectors))}`);
  console.log(
    `  ${show(`fitted (keep >= ${best.keepFrom}, drop < ${best.dropBelow})`, score(pages, decide(best.keepFrom, best.dropBelow)))}`,
  );
  console.log(`  ${show('fitted, one threshold 0.5', score(pages, decide(0.5, 0.5)))}`);
}
const top = Object.entries(weights.features)
  .sort((a, b) => Math.abs(b[1].weight) - Math.abs(a[1].weight))
  .slice(0, 15);
console.log('heaviest features (standardised weight):');
for (const [name, f] of top)
  console.log(`  ${f.weight >= 0 ? '+' : ''}${f.weight.toFixed(2)}  ${name}`);
if (values.write) {
  const out = join('plugins', 'score-blocks', 'weights.json');
  writeFileSync(out, `${JSON.stringify(weights, null, 2)}\n`);
  console.log(`wrote ${out}`);
}
