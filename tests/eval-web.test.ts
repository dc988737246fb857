import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { authorsMatch, languageMatches, titleEquals } from '../eval/lib/metadata.js';
import { halfOf, loadWebPages, selectPages } from '../eval/lib/web.js';
import { checkWebFloors, figuresOf, isCatastrophic } from '../eval/lib/web-report.js';
import { evaluateWebPages, type WebDocResult } from '../eval/lib/web-run.js';

function doc(over: Partial<WebDocResult>): WebDocResult {
  return {
    id: 'x',
    dataset: 'd',
    lang: 'en',
    kind: 'none',
    half: 'check',
    goldWords: 100,
    f1: 1,
    precision: 1,
    recall: 1,
    baselineF1: 0.5,
    status: 'ok',
    ms: 1,
    ...over,
  };
}

describe('halfOf', () => {
  it('should put a site on the same side every time, whatever its case', () => {
    expect(halfOf('example.com')).toBe(halfOf('Example.COM'));
    expect(halfOf('example.com')).toBe(halfOf(' example.com '));
  });

  it('should split many sites into two halves of similar size', () => {
    const sites = Array.from({ length: 400 }, (_, i) => `site-${i}.example`);
    const check = sites.filter((s) => halfOf(s) === 'check').length;
    expect(check).toBeGreaterThan(160);
    expect(check).toBeLessThan(240);
  });
});

describe('wide-corpus metadata matching', () => {
  it('should match titles only when equal after folding case and punctuation', () => {
    expect(titleEquals('The “Big” Day – part 2', 'The "big" day - Part 2')).toBe(true);
    expect(titleEquals('The Big Day', 'The Big Day | Example News')).toBe(false);
    expect(titleEquals('The Big Day', null)).toBe(false);
  });

  it('should match the exact set of authors, in any order and without accents', () => {
    expect(authorsMatch(['Ana Pérez', 'Tom Li'], ['Tom Li', 'Ana Perez'])).toBe(true);
    expect(authorsMatch(['Ana Pérez'], ['Ana Pérez', 'Tom Li'])).toBe(false);
    expect(authorsMatch(['Ana Pérez', 'Tom Li'], ['Ana Pérez'])).toBe(false);
    expect(authorsMatch([], [])).toBe(true);
  });

  it('should count Bokmål and Nynorsk as Norwegian', () => {
    expect(languageMatches('no', 'nb')).toBe(true);
    expect(languageMatches('no', 'da')).toBe(false);
  });
});

describe('figures and floors', () => {
  it('should call a page catastrophic only below F1 0.5 with at least 50 gold words', () => {
    expect(isCatastrophic(doc({ f1: 0.4 }))).toBe(true);
    expect(isCatastrophic(doc({ f1: 0.4, goldWords: 20 }))).toBe(false);
    expect(isCatastrophic(doc({ f1: 0.6 }))).toBe(false);
  });

  it('should rate only the pages whose gold has a field', () => {
    const f = figuresOf([
      doc({ title: { ok: true, want: 'a', got: 'a' } }),
      doc({ title: { ok: false, want: 'b', got: null } }),
      doc({}),
    ]);
    expect(f.metadata.title).toEqual({ matched: 1, total: 2, rate: 0.5 });
    expect(f.metadata.authors).toBeUndefined();
  });

  it('should fail the gate per dataset and on the catastrophic share', () => {
    const result = {
      corpus: '',
      date: '',
      half: 'check',
      seconds: 0,
      docs: [
        doc({ dataset: 'a', f1: 0.9, precision: 0.9, recall: 0.9 }),
        doc({ dataset: 'b', f1: 0.1, precision: 0.1, recall: 0.1 }),
      ],
    };
    const failures = checkWebFloors(result, {
      datasets: { a: { f1: 0.85 }, b: { f1: 0.85 } },
      catastrophicShare: 0.01,
    });
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatch(/^b: F1 0\.100 < floor 0\.850/);
    expect(failures[1]).toMatch(/^catastrophic pages/);
    expect(checkWebFloors(result, { datasets: { a: { f1: 0.85 } } })).toEqual([]);
  });
});

describe('evaluateWebPages', () => {
  it('should clean a gzipped page, score its body and judge its metadata', () => {
    const root = mkdtempSync(join(tmpdir(), 'copydesk-web-'));
    const id = 'toy-0001';
    const dir = join(root, 'articles', id);
    mkdirSync(dir, { recursive: true });
    const body =
      'The harbour council voted on Tuesday to rebuild the old stone pier before the winter storms arrive. ' +
      'Fishermen said the repairs were long overdue and that the pier had been unsafe for years.';
    const more =
      'Work on the new pier will start in March and is expected to take two years, the council said. ' +
      'Boats will moor at the northern quay while the builders close the harbour mouth.';
    const html = `<html lang="en"><head><title>Pier to be rebuilt</title>
<meta name="author" content="Jane Roe"></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Pier to be rebuilt</h1><p>${body}</p><p>${more}</p></article></body></html>`;
    writeFileSync(join(dir, 'page.html.gz'), gzipSync(html));
    writeFileSync(join(dir, 'gold.txt'), `${body}\n\n${more}\n`);
    writeFileSync(
      join(dir, 'source.json'),
      JSON.stringify({
        gold_includes_title: false,
        gold_metadata: { title: 'Pier to be rebuilt', authors: ['Jane Roe'] },
      }),
    );
    writeFileSync(
      join(root, 'manifest.jsonl'),
      `${JSON.stringify({ id, dataset: 'toy', lang: 'en', site: 'toy.example', page_type: null, gold_words: 70 })}\n`,
    );
    const pages = selectPages(loadWebPages(root), { half: 'all' });
    expect(pages).toHaveLength(1);
    const [r] = evaluateWebPages(pages, { metadata: true });
    expect(r!.f1).toBeGreaterThan(0.95);
    expect(r!.baselineF1).toBeLessThan(r!.f1);
    expect(r!.title?.ok).toBe(true);
    expect(r!.language?.ok).toBe(true);
    expect(r!.authors?.want).toBe('Jane Roe');
  });
});
