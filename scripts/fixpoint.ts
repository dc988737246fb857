/**
 * Is copydesk's output a fixpoint? For every article of `../shared/corpus`
 * (or the folder given) in each input form — or, with `--web`, for HTML pages
 * of `../shared/corpus-web` — clean the page, clean the Markdown it gave
 * again, and count the pages whose second output differs from the first
 * (DESIGN.md: "cleaning copydesk's own output changes nothing"), with the rule
 * ids of what the second clean removed.
 *
 *   npx tsx scripts/fixpoint.ts [corpus] [--form html,markdown] [--verbose]
 *   npx tsx scripts/fixpoint.ts --web [--half tune|check|all] [--sample 200]
 *
 * `--sample N` takes N pages spread evenly over the selected half (default:
 * all of it). Exit 1 when some page is not a fixpoint.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  FORM_FORMAT,
  FORM_NAMES,
  FORMS,
  type Form,
  loadArticles,
  readForm,
} from '../eval/lib/corpus.js';
import {
  type Half,
  loadWebPages,
  readWebHtml,
  readWebSource,
  selectPages,
} from '../eval/lib/web.js';
import { Cleaner, type CleanResult } from '../src/clean.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    form: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    web: { type: 'boolean', default: false },
    half: { type: 'string', default: 'tune' },
    sample: { type: 'string' },
  },
});

interface Page {
  id: string;
  input: string | Uint8Array;
  doc: { url?: string };
}

/** Words removed by the second clean, by rule id, over all pages of a run. */
const byRule = new Map<string, { pages: number; words: number }>();

function account(id: string, once: string, twice: CleanResult): boolean {
  if (twice.markdown === once) return true;
  const rules = new Set<string>();
  for (const r of twice.metadata.removed) {
    const e = byRule.get(r.ruleId) ?? { pages: 0, words: 0 };
    e.words += r.text.split(/\s+/u).filter(Boolean).length;
    if (!rules.has(r.ruleId)) e.pages++;
    rules.add(r.ruleId);
    byRule.set(r.ruleId, e);
  }
  if (values.verbose) {
    console.log(`  ${id}: output changes when cleaned again (${[...rules].join(', ') || 'edits'})`);
    for (const r of twice.metadata.removed)
      console.log(`    ${r.ruleId}: ${r.reason} — ${r.text.replace(/\s+/gu, ' ').slice(0, 60)}`);
  }
  return false;
}

function run(label: string, cleaner: Cleaner, pages: Iterable<Page>): number {
  const again = new Cleaner({ from: 'markdown', path: 'page.md' });
  let n = 0;
  let notFixed = 0;
  for (const page of pages) {
    n++;
    const once = cleaner.clean(page.input, page.doc).markdown;
    if (!account(page.id, once, again.clean(once, page.doc))) notFixed++;
  }
  console.log(`${label}: ${n} pages, ${notFixed} not a fixpoint`);
  return notFixed;
}

function* articlePages(corpus: string, form: Form): Generator<Page> {
  for (const article of loadArticles(corpus)) {
    const input = readForm(article, form);
    if (input === undefined) continue;
    yield { id: `${form} ${article.id}`, input, doc: article.url ? { url: article.url } : {} };
  }
}

function* webPages(half: Half | 'all', sample: number | undefined): Generator<Page> {
  const all = selectPages(loadWebPages(resolve(positionals[0] ?? '../shared/corpus-web')), {
    half,
  });
  const step = sample && sample < all.length ? all.length / sample : 1;
  for (let i = 0; i < all.length; i += step) {
    const p = all[Math.floor(i)]!;
    const url = readWebSource(p).url;
    yield { id: p.id, input: readWebHtml(p), doc: url ? { url } : {} };
  }
}

let failed = 0;
if (values.web) {
  const half = values.half as Half | 'all';
  const sample = values.sample ? Number(values.sample) : undefined;
  failed += run(
    `corpus-web ${half} html`,
    new Cleaner({ from: 'html', path: 'page.html' }),
    webPages(half, sample),
  );
} else {
  const corpus = resolve(positionals[0] ?? '../shared/corpus');
  for (const form of (values.form?.split(',') ?? FORM_NAMES) as Form[])
    failed += run(
      form,
      new Cleaner({ from: FORM_FORMAT[form], path: FORMS[form] }),
      articlePages(corpus, form),
    );
}
for (const [rule, e] of [...byRule].sort((a, b) => b[1].words - a[1].words))
  console.log(`  ${rule}: ${e.words} words removed by the second clean on ${e.pages} pages`);
process.exit(failed > 0 ? 1 : 0);
