/**
 * Is copydesk's output a fixpoint on the corpus? For every article of
 * `../shared/corpus` (or the folder given) in each input form, clean the page,
 * clean the Markdown it gave again, and count the pages whose second output
 * differs from the first (DESIGN.md: "cleaning copydesk's own output changes
 * nothing"). Also counts how many first outputs needed `settle`'s extra passes
 * (one pass of the pipeline over the output would change it).
 *
 *   npx tsx scripts/fixpoint.ts [corpus] [--form html,markdown] [--verbose]
 *
 * Exit 1 when some page is not a fixpoint.
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
import { Cleaner } from '../src/clean.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { form: { type: 'string' }, verbose: { type: 'boolean', default: false } },
});
const corpus = resolve(positionals[0] ?? '../shared/corpus');
const forms = (values.form?.split(',') ?? FORM_NAMES) as Form[];
const articles = loadArticles(corpus);
let failed = 0;
for (const form of forms) {
  const cleaner = new Cleaner({ from: FORM_FORMAT[form], path: FORMS[form] });
  const again = new Cleaner({ from: 'markdown', path: 'page.md' });
  let pages = 0;
  let notFixed = 0;
  let settled = 0;
  for (const article of articles) {
    const page = readForm(article, form);
    if (page === undefined) continue;
    pages++;
    const doc = article.url ? { url: article.url } : {};
    const once = cleaner.clean(page, doc).markdown;
    const twice = again.clean(once, doc).markdown;
    if (again.cleanOnce(once, doc).markdown !== once) settled++;
    if (twice !== once) {
      notFixed++;
      if (values.verbose) console.log(`  ${form} ${article.id}: output changes when cleaned again`);
    }
  }
  failed += notFixed;
  console.log(
    `${form}: ${pages} pages, ${notFixed} not a fixpoint; ${settled} whose output one more pass would change`,
  );
}
process.exit(failed > 0 ? 1 : 0);
