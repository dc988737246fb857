/**
 * `npm run eval -- [corpusDir] [--form html|text|markdown|markdown-links]…
 *   [--out file] [--compare previous.json] [--gate] [--no-metadata] [--verbose]
 *   [--doc ID]` (`--doc`: one article's removals, each with the share that is gold)
 *
 * Scores copydesk on the development corpus (default `../shared/corpus`
 * relative to the project root) with the 4-token shingle metric; see
 * `eval/README.md`. Writes `.eval/latest.json` (the run before it is kept as
 * `.eval/previous.json`). `--gate` exits 1 when a figure falls below
 * `eval/floors.json`.
 *
 * `npm run eval -- --web [corpusWebDir] [--half check|tune|all] [--dataset a,b]
 *   [--kind k] [--lang l] [--limit N] [--doc ID] [--compare previous.json]
 *   [--gate] [--no-metadata] [--verbose] [--field title|authors|published|language]`
 * scores the wide corpus (default `../shared/corpus-web`), the check half unless
 * told otherwise; see `eval/README.md`. Writes `.eval/web-<half>.json`.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FORM_NAMES, type Form } from '../eval/lib/corpus.js';
import {
  checkFloors,
  type Floors,
  formatComparison,
  formatMetadataMisses,
  formatReport,
} from '../eval/lib/report.js';
import { type EvalResult, evaluate, explainDoc } from '../eval/lib/run.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    form: { type: 'string', multiple: true },
    out: { type: 'string' },
    compare: { type: 'string' },
    gate: { type: 'boolean', default: false },
    'no-metadata': { type: 'boolean', default: false },
    verbose: { type: 'boolean', short: 'v', default: false },
    worst: { type: 'string', default: '10' },
    doc: { type: 'string' },
    web: { type: 'boolean', default: false },
    half: { type: 'string', default: 'check' },
    dataset: { type: 'string', multiple: true },
    kind: { type: 'string', multiple: true },
    lang: { type: 'string', multiple: true },
    limit: { type: 'string' },
    field: { type: 'string' },
    jobs: { type: 'string', short: 'j' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(
    'usage: npm run eval -- [corpusDir] [--form html|text|markdown|markdown-links]… [--out file] [--compare previous.json] [--gate] [--no-metadata] [--verbose] [--worst N] [--doc ID]\n' +
      '       npm run eval -- --web [corpusWebDir] [--half check|tune|all] [--dataset a,b] [--kind k] [--lang l] [--limit N] [--jobs N] [--doc ID] [--out file] [--compare previous.json] [--gate] [--no-metadata] [--verbose] [--field name]',
  );
  process.exit(0);
}

const worst = Number.parseInt(values.worst, 10);

if (values.web) {
  await runWeb();
  process.exit(0);
}

const corpus = resolve(positionals[0] ?? join(root, '..', 'shared', 'corpus'));
if (!existsSync(join(corpus, 'articles'))) {
  console.error(`eval: no corpus at ${corpus} (expected ${join(corpus, 'articles')})`);
  process.exit(2);
}

const forms = (values.form ?? FORM_NAMES).flatMap((f) => f.split(',')) as Form[];
for (const f of forms)
  if (!FORM_NAMES.includes(f)) {
    console.error(`eval: unknown form '${f}' (choose from ${FORM_NAMES.join(', ')})`);
    process.exit(2);
  }

if (values.doc) {
  // One article: its removals (with the share of each that is gold text) and its score.
  for (const form of forms) {
    const x = explainDoc(corpus, values.doc, form);
    if (!x) {
      console.error(`eval: no article '${values.doc}' in ${form} form`);
      continue;
    }
    const s = x.score;
    console.log(
      `\n== ${values.doc} (${form}): F1 ${s.f1.toFixed(3)} prec ${s.precision?.toFixed(3) ?? '-'} recall ${s.recall?.toFixed(3) ?? '-'}`,
    );
    for (const r of x.removals)
      console.log(
        `${r.inGold >= 0.5 ? 'GOLD' : '    '} ${r.inGold.toFixed(2)} ${r.ruleId} (${r.confidence ?? '-'}) ${r.reason}\n        ${JSON.stringify(r.text.slice(0, 160))}`,
      );
    if (values.verbose) console.log(`\n${x.markdown}`);
  }
  process.exit(0);
}

const result = evaluate(corpus, {
  forms,
  metadata: !values['no-metadata'],
  progress: (line) => console.error(line),
});

console.log(formatReport(result, Number.isFinite(worst) ? worst : 10));
if (values.verbose) console.log(`\n${formatMetadataMisses(result)}`);

const out = values.out ? resolve(values.out) : join(root, '.eval', 'latest.json');
if (!values.out && existsSync(out)) copyFileSync(out, join(dirname(out), 'previous.json'));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.error(`figures written to ${out}`);

if (values.compare) {
  const previous = JSON.parse(readFileSync(resolve(values.compare), 'utf8')) as EvalResult;
  console.log(formatComparison(previous, result));
}

if (values.gate) {
  const floors = JSON.parse(readFileSync(join(root, 'eval', 'floors.json'), 'utf8')) as Floors;
  const failures = checkFloors(result, floors);
  if (failures.length > 0) {
    console.error(`\neval gate FAILED:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  console.error('\neval gate passed');
}

/** `--web`: the wide corpus, one half (check by default), with its own floors. */
async function runWeb(): Promise<void> {
  const { loadWebPages, selectPages } = await import('../eval/lib/web.js');
  const { evaluateWebPages, explainWebPage } = await import('../eval/lib/web-run.js');
  const { evaluateWebParallel } = await import('../eval/lib/web-parallel.js');
  const report = await import('../eval/lib/web-report.js');
  const dir = resolve(positionals[0] ?? join(root, '..', 'shared', 'corpus-web'));
  const all = loadWebPages(dir);
  if (all.length === 0) {
    console.error(`eval: no corpus-web at ${dir} (expected ${join(dir, 'manifest.jsonl')})`);
    process.exit(2);
  }
  const half = values.half;
  if (half !== 'check' && half !== 'tune' && half !== 'all') {
    console.error(`eval: --half must be check, tune or all (got '${half}')`);
    process.exit(2);
  }
  const list = (v: string[] | undefined): string[] => (v ?? []).flatMap((x) => x.split(','));
  const limit = values.limit === undefined ? undefined : Number.parseInt(values.limit, 10);
  const pages = selectPages(all, {
    half,
    datasets: list(values.dataset),
    kinds: list(values.kind),
    langs: list(values.lang),
    ...(values.doc ? { ids: [values.doc] } : {}),
    ...(limit !== undefined && Number.isFinite(limit) ? { limit } : {}),
  });
  if (values.doc) {
    for (const page of pages) {
      const x = explainWebPage(page);
      const [doc] = evaluateWebPages([page], { metadata: true });
      console.log(
        `\n== ${page.id} (${page.half}, ${page.dataset}, ${page.pageType ?? '-'}, ${page.lang}): F1 ${doc!.f1.toFixed(3)} prec ${doc!.precision?.toFixed(3) ?? '-'} recall ${doc!.recall?.toFixed(3) ?? '-'} status ${doc!.status}`,
      );
      for (const f of ['title', 'authors', 'published', 'language'] as const)
        if (doc![f])
          console.log(
            `  ${f}: ${doc![f]!.ok ? 'ok  ' : 'MISS'} want ${JSON.stringify(doc![f]!.want)} got ${JSON.stringify(doc![f]!.got)}`,
          );
      for (const r of x.removals)
        console.log(
          `${r.inGold >= 0.5 ? 'GOLD' : '    '} ${r.inGold.toFixed(2)} ${r.ruleId} ${r.reason}\n        ${JSON.stringify(r.text.slice(0, 160))}`,
        );
      if (values.verbose) console.log(`\n${x.markdown}`);
    }
    if (pages.length === 0) console.error(`eval: no page '${values.doc}' in the ${half} half`);
    return;
  }
  const started = performance.now();
  const tty = process.stderr.isTTY;
  const jobs = values.jobs ? Number.parseInt(values.jobs, 10) : availableParallelism();
  const docs = await evaluateWebParallel(pages, Number.isFinite(jobs) ? jobs : 1, {
    metadata: !values['no-metadata'],
    progress: (done, total) => {
      if (tty && (done % 10 === 0 || done === total))
        process.stderr.write(`\r${done}/${total} pages`);
      else if (!tty && (done % 200 === 0 || done === total))
        console.error(`${done}/${total} pages`);
    },
  });
  if (tty) process.stderr.write('\n');
  const result = {
    corpus: dir,
    date: new Date().toISOString(),
    half,
    docs,
    seconds: (performance.now() - started) / 1000,
  };
  console.log(report.formatWebReport(result, Number.isFinite(worst) ? worst : 15));
  if (values.verbose) {
    const field = values.field as Parameters<typeof report.formatWebMetadataMisses>[1];
    console.log(`\n${report.formatWebMetadataMisses(result, field)}`);
  }
  const out = values.out ? resolve(values.out) : join(root, '.eval', `web-${half}.json`);
  const previous = join(dirname(out), `web-${half}-previous.json`);
  if (!values.out && existsSync(out)) copyFileSync(out, previous);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 1)}\n`);
  console.error(`figures written to ${out}`);
  if (values.compare) {
    const before = JSON.parse(readFileSync(resolve(values.compare), 'utf8')) as typeof result;
    console.log(report.formatWebComparison(before, result));
  }
  if (values.gate) {
    const floors = JSON.parse(
      readFileSync(join(root, 'eval', 'floors-web.json'), 'utf8'),
    ) as import('../eval/lib/web-report.js').WebFloors;
    const failures = report.checkWebFloors(result, floors);
    if (failures.length > 0) {
      console.error(`\nweb eval gate FAILED (${half} half):\n  ${failures.join('\n  ')}`);
      process.exit(1);
    }
    console.error(`\nweb eval gate passed (${half} half)`);
  }
}
