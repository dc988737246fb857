/**
 * Are two versions of copydesk's output byte-identical? Cleans a fixed set of
 * documents — the corpus articles (`../shared/corpus`) in each form, with and
 * without their URL, the metadata pages, and every `--web-every`-th page of
 * the wide corpus (`../shared/corpus-web`, both halves: nothing is tuned on
 * them here, only compared) — and writes one line per document: its id and
 * the SHA-256 of its Markdown, metadata JSON and messages (rule, source,
 * reason, place). Speed work runs it before and after a change:
 *
 *   npx tsx scripts/outputs-hash.ts --out /tmp/before.tsv
 *   npx tsx scripts/outputs-hash.ts --against /tmp/before.tsv     # exit 1 on any difference
 *
 * `--dist` loads the built cleaner (`dist/`, after `npm run build`).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { VFileMessage } from 'vfile-message';
import {
  FORM_FORMAT,
  FORM_NAMES,
  FORMS,
  loadArticles,
  loadMetadataPages,
  readForm,
} from '../eval/lib/corpus.js';
import { loadWebPages, readWebHtml, readWebSource } from '../eval/lib/web.js';
import type { Cleaner as CleanerClass, CleanResult } from '../src/clean.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: '../shared/corpus' },
    web: { type: 'string', default: '../shared/corpus-web' },
    'web-every': { type: 'string', default: '6' },
    out: { type: 'string' },
    against: { type: 'string' },
    dist: { type: 'boolean', default: false },
  },
});

const { Cleaner } = (await import(values.dist ? '../dist/src/clean.js' : '../src/clean.js')) as {
  Cleaner: typeof CleanerClass;
};

function messageRecord(m: VFileMessage): unknown {
  return [m.ruleId ?? null, m.source ?? null, m.reason, m.line ?? null, m.column ?? null, m.fatal];
}

function hashOf(run: () => CleanResult): string {
  const h = createHash('sha256');
  try {
    const r = run();
    h.update(r.markdown);
    h.update('\0');
    h.update(JSON.stringify(r.metadata));
    h.update('\0');
    h.update(JSON.stringify(r.messages.map(messageRecord)));
  } catch (e) {
    h.update(`error: ${e instanceof Error ? e.message : String(e)}`);
  }
  return h.digest('hex').slice(0, 16);
}

const lines: string[] = [];
const started = performance.now();

const articles = loadArticles(resolve(values.corpus));
for (const form of FORM_NAMES) {
  const cleaner = new Cleaner({ from: FORM_FORMAT[form], path: FORMS[form] });
  for (const article of articles) {
    const page = readForm(article, form);
    if (page === undefined) continue;
    lines.push(`corpus/${form}/${article.id}\t${hashOf(() => cleaner.clean(page))}`);
    if (article.url) {
      const url = article.url;
      lines.push(`corpus/${form}+url/${article.id}\t${hashOf(() => cleaner.clean(page, { url }))}`);
    }
  }
}

const meta = new Cleaner({ from: 'html', path: 'source.html' });
for (const page of loadMetadataPages(resolve(values.corpus))) {
  const bytes = readFileSync(join(page.dir, 'source.html'));
  lines.push(`metadata/${page.name}\t${hashOf(() => meta.clean(bytes))}`);
}

const every = Math.max(1, Number(values['web-every']));
const web = new Cleaner({ from: 'html', path: 'page.html' });
loadWebPages(resolve(values.web)).forEach((page, i) => {
  if (i % every !== 0) return;
  const bytes = readWebHtml(page);
  const source = readWebSource(page);
  const doc = { path: 'page.html', ...(source.url ? { url: source.url } : {}) };
  lines.push(`web/${page.id}\t${hashOf(() => web.clean(bytes, doc))}`);
});

const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (values.out) writeFileSync(values.out, `${lines.join('\n')}\n`);
console.log(`${lines.length} documents hashed in ${seconds} s`);

if (values.against) {
  const before = new Map(
    readFileSync(values.against, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t') as [string, string]),
  );
  const differ: string[] = [];
  for (const line of lines) {
    const [id, hash] = line.split('\t') as [string, string];
    if (before.get(id) !== hash) differ.push(id);
  }
  const missing = before.size - (lines.length - differ.length);
  console.log(
    differ.length === 0 && before.size === lines.length
      ? `identical to ${values.against}`
      : `${differ.length} of ${lines.length} differ from ${values.against} (${missing} not matched):\n  ${differ.slice(0, 40).join('\n  ')}`,
  );
  process.exit(differ.length === 0 && before.size === lines.length ? 0 : 1);
}
