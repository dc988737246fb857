/**
 * Scoring copydesk on the wide corpus: each page's HTML cleaned once, its
 * body scored against the gold text with the shingle metric, and its
 * metadata (title, authors, published day, language) against the gold
 * metadata where the dataset has it. One record per page; the groupings
 * (dataset, page kind, language) are made in `web-report.ts`.
 */
import { Cleaner } from '../../src/clean.js';
import { decode } from '../../src/decode.js';
import { authorsMatch, languageMatches, normalise, sameDay, titleEquals } from './metadata.js';
import { scoreDoc, shareIn, shingles } from './metric.js';
import { htmlVisibleText, markdownToPlain } from './plain.js';
import { readWebGold, readWebHtml, readWebSource, type WebPage, type WebSource } from './web.js';

/** One field's verdict on one page: `null` when the gold does not have the field. */
export interface FieldVerdict {
  ok: boolean;
  want: string;
  got: string | null;
}

export interface WebDocResult {
  id: string;
  dataset: string;
  lang: string;
  kind: string;
  half: WebPage['half'];
  goldWords: number;
  f1: number;
  precision: number | null;
  recall: number | null;
  baselineF1: number;
  status: string | null;
  ms: number;
  error?: string;
  title?: FieldVerdict;
  authors?: FieldVerdict;
  published?: FieldVerdict;
  language?: FieldVerdict;
}

/** The first `# ` heading counts as body text only where the dataset's gold keeps the title. */
function goldKeepsTitle(source: WebSource, gold: string, headline: string | null): boolean {
  const flag = source.gold_includes_title;
  if (flag === true) return true;
  if (flag === false || !headline) return false;
  // "sometimes": the gold keeps it when its opening lines hold the headline.
  const head = normalise(headline);
  return head.length > 0 && normalise(gold.slice(0, 400 + headline.length)).includes(head);
}

export interface WebRunOptions {
  metadata: boolean;
  /** Called after each page (for a progress line). */
  progress?: (done: number, total: number, page: WebPage) => void;
}

export function evaluateWebPages(
  pages: readonly WebPage[],
  options: WebRunOptions,
): WebDocResult[] {
  const cleaner = new Cleaner({ from: 'html', path: 'page.html' });
  const out: WebDocResult[] = [];
  let done = 0;
  for (const page of pages) {
    const bytes = readWebHtml(page);
    const gold = readWebGold(page);
    const source = readWebSource(page);
    const started = performance.now();
    let predicted = '';
    let error: string | undefined;
    let metadata: ReturnType<Cleaner['clean']>['metadata'] | undefined;
    try {
      const result = cleaner.clean(bytes, {
        path: 'page.html',
        ...(source.url ? { url: source.url } : {}),
      });
      metadata = result.metadata;
      predicted = markdownToPlain(result.markdown, {
        dropHeadline: !goldKeepsTitle(source, gold, metadata.headline),
        dropLeading: [metadata.byline].filter((s): s is string => !!s),
      });
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const ms = performance.now() - started;
    const s = scoreDoc(predicted, gold);
    let visible = '';
    try {
      visible = htmlVisibleText(decode(bytes, page.id, { format: 'html' }).text);
    } catch {
      visible = '';
    }
    const b = scoreDoc(visible, gold);
    const doc: WebDocResult = {
      id: page.id,
      dataset: page.dataset,
      lang: page.lang,
      kind: page.pageType ?? 'none',
      half: page.half,
      goldWords: page.goldWords,
      f1: s.f1,
      precision: s.precision ?? null,
      recall: s.recall ?? null,
      baselineF1: b.f1,
      status: metadata?.status ?? null,
      ms,
      ...(error ? { error } : {}),
    };
    if (options.metadata) Object.assign(doc, metadataVerdicts(page, source, metadata));
    out.push(doc);
    options.progress?.(++done, pages.length, page);
  }
  return out;
}

type Meta = ReturnType<Cleaner['clean']>['metadata'];

function metadataVerdicts(
  page: WebPage,
  source: WebSource,
  m: Meta | undefined,
): Partial<WebDocResult> {
  const gm = source.gold_metadata ?? {};
  const v: Partial<WebDocResult> = {};
  if (gm.title)
    v.title = { ok: titleEquals(gm.title, m?.title), want: gm.title, got: m?.title ?? null };
  if (Array.isArray(gm.authors)) {
    const got = m ? m.authors : [];
    v.authors = {
      ok: !!m && authorsMatch(gm.authors, got),
      want: gm.authors.join(' | '),
      got: got.length ? got.join(' | ') : null,
    };
  }
  if (gm.date)
    v.published = { ok: sameDay(gm.date, m?.published), want: gm.date, got: m?.published ?? null };
  if (page.lang)
    v.language = {
      ok: languageMatches(page.lang, m?.language),
      want: page.lang,
      got: m?.language ?? null,
    };
  return v;
}

/** Share of the removed text's shingles that are in the gold, for each removal of one page. */
export function explainWebPage(page: WebPage): {
  markdown: string;
  removals: { ruleId: string; reason: string; inGold: number; text: string }[];
} {
  const cleaner = new Cleaner({ from: 'html', path: 'page.html' });
  const source = readWebSource(page);
  const result = cleaner.clean(readWebHtml(page), {
    path: 'page.html',
    ...(source.url ? { url: source.url } : {}),
  });
  const gold = shingles(readWebGold(page));
  return {
    markdown: result.markdown,
    removals: result.metadata.removed.map((r) => ({
      ruleId: r.ruleId,
      reason: r.reason,
      inGold: shareIn(r.text, gold),
      text: r.text,
    })),
  };
}
