/**
 * Fits the title chooser's weights (`plugins/extract-html-meta/title-weights.json`)
 * on the TUNE half of `../shared/corpus-web` only.
 *
 *   npm run train -- title --dump    # clean the tune pages once, keep their title evidence
 *                                    # in .eval/title-tune.jsonl (a few minutes)
 *   npm run train -- title           # fit on that file, report, write the weights
 *   npm run train -- title --dry     # fit and report, write nothing
 *
 * The model is a conditional logit: for each page, a softmax over its
 * candidates (`titleOptions`); the log-likelihood of the candidates equal to
 * the gold title (folded as the eval folds it) is maximised with an L2
 * penalty by plain gradient ascent from zero, so the result is deterministic.
 * Reported: the rule's and the model's share of pages right, on all tune
 * pages and by five-fold cross-validation over sites (a site's pages in one
 * fold), so that the figure is not the fit's own.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalise } from '../eval/lib/metadata.js';
import { loadWebPages, readWebHtml, readWebSource, selectPages } from '../eval/lib/web.js';
import { titleContextOf } from '../plugins/extract-html-meta/index.js';
import type { TitleContext } from '../plugins/extract-html-meta/title.js';
import {
  TITLE_FEATURES,
  type TitleOption,
  type TitleWeights,
  titleOptions,
} from '../plugins/extract-html-meta/title-model.js';
import type { HtmlMeta } from '../plugins/shared/types.js';
import { Cleaner } from '../src/clean.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '..', 'shared', 'corpus-web');
const dumpFile = join(root, '.eval', 'title-tune.jsonl');
const weightsFile = join(root, 'plugins', 'extract-html-meta', 'title-weights.json');

interface Row {
  id: string;
  site: string;
  dataset: string;
  gold: string;
  html: HtmlMeta;
  context: TitleContext;
}

function dump(): void {
  const pages = selectPages(loadWebPages(corpus), { half: 'tune' });
  const cleaner = new Cleaner({ from: 'html', path: 'page.html' });
  const lines: string[] = [];
  let n = 0;
  for (const page of pages) {
    const source = readWebSource(page);
    const gold = source.gold_metadata?.title;
    if (!gold) continue;
    try {
      const { file } = cleaner.cleanOnce(readWebHtml(page), {
        path: 'page.html',
        ...(source.url ? { url: source.url } : {}),
      });
      const html = file.data.htmlMeta;
      const meta = file.data.meta;
      if (!html || !meta) continue;
      const context = titleContextOf(meta, html, source.url);
      const kept: HtmlMeta = {
        title: html.title,
        meta: html.meta,
        jsonLd: html.jsonLd,
        times: [],
        bylines: [],
        headings: html.headings,
      };
      lines.push(
        JSON.stringify({
          id: page.id,
          site: page.site,
          dataset: page.dataset,
          gold,
          html: kept,
          context,
        }),
      );
    } catch (e) {
      console.error(`${page.id}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (++n % 50 === 0) console.error(`${n} pages`);
  }
  mkdirSync(dirname(dumpFile), { recursive: true });
  writeFileSync(dumpFile, `${lines.join('\n')}\n`);
  console.log(`${lines.length} tune pages with a gold title → ${dumpFile}`);
}

/** The L2 penalty and the number of steps (fixed: the fit is reproducible). */
const L2 = Number(process.env.TITLE_L2 ?? 0.003);
const STEPS = Number(process.env.TITLE_STEPS ?? 3000);
/** The weight of "the precedence rule picks it" the fit starts from and is drawn back to. */
const PRIOR = Number(process.env.TITLE_PRIOR ?? 0);

interface Example {
  /** The page's weight in the fit: each dataset weighs as much in total (`--balance`), else 1. */
  weight: number;
  site: string;
  dataset: string;
  options: TitleOption[];
  labels: boolean[];
}

/** Each dataset's pages together weigh the same, so that no one dataset's title convention rules. */
function balance(examples: Example[]): Example[] {
  const count = new Map<string, number>();
  for (const e of examples) count.set(e.dataset, (count.get(e.dataset) ?? 0) + 1);
  const per = examples.length / count.size;
  return examples.map((e) => ({ ...e, weight: (per / (count.get(e.dataset) ?? 1)) ** BALANCE }));
}

/** How far to even the datasets out: 0 = every page weighs 1, 1 = every dataset weighs the same. */
const BALANCE = Number(process.env.TITLE_BALANCE ?? 0.5);

function load(): Example[] {
  if (!existsSync(dumpFile)) throw new Error(`${dumpFile}: missing; run with --dump first`);
  return readFileSync(dumpFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row)
    .map((r) => {
      const options = titleOptions(r.html, r.context);
      const gold = normalise(r.gold);
      return {
        weight: 1,
        site: r.site,
        dataset: r.dataset,
        options,
        labels: options.map((o) => gold !== '' && normalise(o.title) === gold),
      };
    });
}

function dot(w: readonly number[], x: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (w[i] ?? 0) * (x[i] ?? 0);
  return s;
}

/** Gradient ascent on the conditional log-likelihood of pages that have a right candidate. */
function fitWeights(examples: readonly Example[], l2 = L2, steps = STEPS, rate = 0.5): number[] {
  const d = TITLE_FEATURES.length;
  // Start from the precedence rule and shrink towards it: the model leaves the rule only where the tune half says so.
  const prior = TITLE_FEATURES.map((f) => (f === 'precedence rule picks it' ? PRIOR : 0));
  const w = [...prior];
  const usable = examples.filter((e) => e.labels.some(Boolean));
  for (let step = 0; step < steps; step++) {
    const grad = new Array<number>(d).fill(0);
    let total = 0;
    for (const e of usable) {
      total += e.weight;
      const s = e.options.map((o) => dot(w, o.features));
      const top = Math.max(...s);
      const ex = s.map((v) => Math.exp(v - top));
      const z = ex.reduce((a, b) => a + b, 0);
      const zPos = ex.reduce((a, v, i) => a + (e.labels[i] ? v : 0), 0);
      e.options.forEach((o, i) => {
        // d/dw log(Σpos e^s / Σall e^s) = E_pos[x] − E_all[x]
        const coef = e.weight * ((e.labels[i] ? (ex[i] ?? 0) / zPos : 0) - (ex[i] ?? 0) / z);
        for (let k = 0; k < d; k++) grad[k] = (grad[k] ?? 0) + coef * (o.features[k] ?? 0);
      });
    }
    for (let k = 0; k < d; k++)
      w[k] =
        (w[k] ?? 0) + (rate * (grad[k] ?? 0)) / total - rate * l2 * ((w[k] ?? 0) - (prior[k] ?? 0));
  }
  return w.map((v) => Math.round(v * 1e4) / 1e4);
}

/** Share of pages whose highest-scoring candidate is right (ties: the first). */
function accuracy(examples: readonly Example[], score: (o: TitleOption) => number): number {
  let right = 0;
  for (const e of examples) {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    e.options.forEach((o, i) => {
      const s = score(o);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    });
    if (best >= 0 && e.labels[best]) right++;
  }
  return examples.length ? right / examples.length : 0;
}

function foldOf(site: string): number {
  return (createHash('sha256').update(`title-fold:${site}`).digest()[0] ?? 0) % 5;
}

function report(examples: readonly Example[], w: readonly number[]): void {
  const ruleIndex = TITLE_FEATURES.indexOf('precedence rule picks it');
  const rule = (o: TitleOption): number => o.features[ruleIndex] ?? 0;
  const reachable = examples.filter((e) => e.labels.some(Boolean)).length;
  console.log(
    `pages ${examples.length}; a right candidate on ${reachable} (${(reachable / examples.length).toFixed(3)})`,
  );
  console.log(
    `rule ${accuracy(examples, rule).toFixed(3)}  model (fit on all) ${accuracy(examples, (o) => dot(w, o.features)).toFixed(3)}`,
  );
  let cvRight = 0;
  for (let f = 0; f < 5; f++) {
    const train = examples.filter((e) => foldOf(e.site) !== f);
    const test = examples.filter((e) => foldOf(e.site) === f);
    const wf = fitWeights(train);
    cvRight += accuracy(test, (o) => dot(wf, o.features)) * test.length;
  }
  console.log(`model, five-fold over sites: ${(cvRight / examples.length).toFixed(3)}`);
  for (const ds of [...new Set(examples.map((e) => e.dataset))]) {
    const sub = examples.filter((e) => e.dataset === ds);
    console.log(
      `  ${ds} (${sub.length}): rule ${accuracy(sub, rule).toFixed(3)} model ${accuracy(sub, (o) => dot(w, o.features)).toFixed(3)}`,
    );
  }
  TITLE_FEATURES.forEach((name, i) => {
    console.log(`  ${name.padEnd(32)} ${(w[i] ?? 0).toFixed(3)}`);
  });
}

function main(): void {
  const args = process.argv.slice(2).filter((a) => a !== 'title');
  if (args.includes('--dump')) {
    dump();
    return;
  }
  const examples = balance(load());
  const w = fitWeights(examples);
  report(examples, w);
  if (args.includes('--dry')) return;
  const out: TitleWeights = {
    version: 1,
    note: `conditional logit over title candidates, fitted by scripts/train-title.ts on ${examples.length} tune-half pages of corpus-web`,
    features: [...TITLE_FEATURES],
    weights: w,
  };
  writeFileSync(weightsFile, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`weights → ${weightsFile}`);
}

main();
