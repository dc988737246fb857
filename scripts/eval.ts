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
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FORM_NAMES, type Form } from '../src/eval/corpus.js';
import {
  checkFloors,
  type Floors,
  formatComparison,
  formatMetadataMisses,
  formatReport,
} from '../src/eval/report.js';
import { type EvalResult, evaluate, explainDoc } from '../src/eval/run.js';

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
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(
    'usage: npm run eval -- [corpusDir] [--form html|text|markdown|markdown-links]… [--out file] [--compare previous.json] [--gate] [--no-metadata] [--verbose] [--worst N] [--doc ID]',
  );
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
const worst = Number.parseInt(values.worst, 10);

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
