/**
 * Run the evaluation: clean every corpus page in each form with one Cleaner
 * per form, score the body against the gold, and match metadata.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cleaner } from '../../src/clean.js';
import {
  type Article,
  FORM_FORMAT,
  FORMS,
  type Form,
  loadArticles,
  loadMetadataPages,
  readForm,
} from './corpus.js';
import { bylineMatches, languageMatches, sameDay, titleMatches } from './metadata.js';
import { type Aggregate, aggregate, type DocScore, scoreDoc, shareIn, shingles } from './metric.js';
import { htmlVisibleText, markdownToPlain } from './plain.js';

export interface DocResult {
  id: string;
  f1: number;
  precision: number | null;
  recall: number | null;
  baselineF1: number;
  /** Set when cleaning threw (scored as empty output). */
  error?: string;
}

export interface FormResult {
  ours: Aggregate;
  baseline: Aggregate;
  failed: string[];
  docs: DocResult[];
  seconds: number;
}

export interface FieldRate {
  matched: number;
  total: number;
  rate: number;
  misses: { name: string; expected: string; got: string | null }[];
}

export interface MetadataResult {
  pages: number;
  failed: string[];
  title: FieldRate;
  byline: FieldRate;
  published: FieldRate;
  language: FieldRate;
  /**
   * The body against the reader-mode extractor's own text of each page
   * (`expected.txt`): agreement with Readability on sites the article
   * corpus does not have, not a gold score.
   */
  reference?: Aggregate;
}

export interface EvalResult {
  corpus: string;
  date: string;
  forms: Partial<Record<Form, FormResult>>;
  metadata?: MetadataResult | undefined;
}

/** Baseline text of a page: the input as it is, converted like our output. */
export function baselineText(form: Form, page: string): string {
  if (form === 'html') return htmlVisibleText(page);
  if (form === 'text') return page;
  return markdownToPlain(page);
}

export function evaluateForm(articles: readonly Article[], form: Form): FormResult {
  const started = performance.now();
  const cleaner = new Cleaner({ from: FORM_FORMAT[form], path: FORMS[form] });
  const ours: DocScore[] = [];
  const base: DocScore[] = [];
  const docs: DocResult[] = [];
  const failed: string[] = [];
  for (const article of articles) {
    const page = readForm(article, form);
    if (page === undefined) continue;
    let predicted = '';
    let error: string | undefined;
    try {
      const result = cleaner.clean(page, {
        path: FORMS[form],
        ...(article.url ? { url: article.url } : {}),
      });
      const m = result.metadata;
      predicted = markdownToPlain(result.markdown, {
        dropLeading: [m.dek, m.byline].filter((s): s is string => !!s),
      });
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      failed.push(article.id);
    }
    const s = scoreDoc(predicted, article.gold);
    const b = scoreDoc(baselineText(form, page), article.gold);
    ours.push(s);
    base.push(b);
    docs.push({
      id: article.id,
      f1: s.f1,
      precision: s.precision ?? null,
      recall: s.recall ?? null,
      baselineF1: b.f1,
      ...(error ? { error } : {}),
    });
  }
  return {
    ours: aggregate(ours),
    baseline: aggregate(base),
    failed,
    docs,
    seconds: (performance.now() - started) / 1000,
  };
}

function rate(): FieldRate {
  return { matched: 0, total: 0, rate: 0, misses: [] };
}

function tally(
  field: FieldRate,
  name: string,
  expected: string,
  got: string | null,
  ok: boolean,
): void {
  field.total++;
  if (ok) field.matched++;
  else field.misses.push({ name, expected, got });
  field.rate = field.matched / field.total;
}

export function evaluateMetadata(corpus: string): MetadataResult {
  const pages = loadMetadataPages(corpus);
  const cleaner = new Cleaner({ from: 'html', path: 'source.html' });
  const out: MetadataResult = {
    pages: pages.length,
    failed: [],
    title: rate(),
    byline: rate(),
    published: rate(),
    language: rate(),
  };
  const references: DocScore[] = [];
  for (const page of pages) {
    const want = page.expected;
    let m: ReturnType<Cleaner['clean']>['metadata'] | undefined;
    let body = '';
    try {
      const r = cleaner.clean(readFileSync(join(page.dir, 'source.html'), 'utf8'), {
        path: 'source.html',
      });
      m = r.metadata;
      body = markdownToPlain(r.markdown, {
        dropLeading: [m.dek, m.byline].filter((x): x is string => !!x),
      });
    } catch {
      out.failed.push(page.name);
    }
    const reference = join(page.dir, 'expected.txt');
    if (existsSync(reference)) references.push(scoreDoc(body, readFileSync(reference, 'utf8')));
    if (want.title)
      tally(out.title, page.name, want.title, m?.title ?? null, titleMatches(want.title, m?.title));
    if (want.byline) {
      const got = m ? [m.byline ?? '', ...m.authors].filter(Boolean).join(' | ') || null : null;
      tally(
        out.byline,
        page.name,
        want.byline,
        got,
        !!m && bylineMatches(want.byline, m.authors, m.byline),
      );
    }
    if (want.publishedTime)
      tally(
        out.published,
        page.name,
        want.publishedTime,
        m?.published ?? null,
        sameDay(want.publishedTime, m?.published),
      );
    if (want.lang)
      tally(
        out.language,
        page.name,
        want.lang,
        m?.language ?? null,
        languageMatches(want.lang, m?.language),
      );
  }
  if (references.length > 0) out.reference = aggregate(references);
  return out;
}

export interface RunOptions {
  forms: readonly Form[];
  metadata: boolean;
  /** Called after each form with a progress line. */
  progress?: (line: string) => void;
}

export function evaluate(corpus: string, options: RunOptions): EvalResult {
  const articles = loadArticles(corpus);
  const result: EvalResult = { corpus, date: new Date().toISOString(), forms: {} };
  for (const form of options.forms) {
    const r = evaluateForm(articles, form);
    result.forms[form] = r;
    options.progress?.(`${form}: ${r.docs.length} docs in ${r.seconds.toFixed(1)}s`);
  }
  if (options.metadata) result.metadata = evaluateMetadata(corpus);
  return result;
}

export interface RemovalExplained {
  ruleId: string;
  reason: string;
  confidence: number | undefined;
  /** Share of the removed text's shingles that are in the gold (lost article text when high). */
  inGold: number;
  text: string;
}

/** Every removal copydesk made on one article in one form, with how much of it was gold. */
export function explainDoc(
  corpus: string,
  id: string,
  form: Form,
): { removals: RemovalExplained[]; markdown: string; score: DocScore } | undefined {
  const article = loadArticles(corpus).find((a) => a.id === id);
  const page = article && readForm(article, form);
  if (!article || page === undefined) return undefined;
  const cleaner = new Cleaner({ from: FORM_FORMAT[form], path: FORMS[form] });
  const result = cleaner.clean(page, {
    path: FORMS[form],
    ...(article.url ? { url: article.url } : {}),
  });
  const gold = shingles(article.gold);
  const removals = result.metadata.removed.map((r) => ({
    ruleId: r.ruleId,
    reason: r.reason,
    confidence: r.confidence,
    inGold: shareIn(r.text, gold),
    text: r.text,
  }));
  const m = result.metadata;
  const predicted = markdownToPlain(result.markdown, {
    dropLeading: [m.dek, m.byline].filter((s): s is string => !!s),
  });
  return { removals, markdown: result.markdown, score: scoreDoc(predicted, article.gold) };
}
