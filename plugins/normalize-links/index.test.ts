import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { Cleaner } from '../../src/clean.js';
import { absoluteUrl, remarkNormalizeLinks } from './index.js';

function run(md: string, url?: string, canonical?: string): string {
  const file = new VFile({ value: md });
  if (url)
    file.data.source = {
      path: 'x.md',
      format: 'markdown',
      sha256: '',
      bytes: 0,
      encoding: 'utf-8',
      url,
    };
  if (canonical) file.data.meta = { authors: [], canonicalUrl: canonical };
  const processor = unified().use(remarkParse).use(remarkNormalizeLinks).use(remarkStringify);
  const tree = processor.runSync(processor.parse(file), file) as Root;
  return processor.stringify(tree, file);
}

describe('remark-normalize-links', () => {
  it('should write & in URLs as it is', () => {
    expect(run('[search](https://example.com/find?q=tides&page=2)\n')).toBe(
      '[search](https://example.com/find?q=tides&page=2)\n',
    );
    expect(run('AT&T and R&D\n')).toBe('AT&T and R&D\n');
  });

  it('should still escape an & that would read as a character reference (near miss)', () => {
    // the source says a literal "&amp;" (escaped), which must survive a re-read
    const out = run('[x](https://example.com/?a=1\\&amp;b=2) and \\&copy;\n');
    expect(out).toBe('[x](https://example.com/?a=1\\&amp;b=2) and \\&copy;\n');
    const again = run(out);
    expect(again).toBe(out);
  });

  it('should make relative links and images absolute against the page URL', () => {
    expect(
      run(
        '[a](/news/a.html) ![b](../img/b.jpg) [c](//cdn.example.org/c) [d]\n\n[d]: d.html\n',
        'https://example.com/blog/post/',
      ),
    ).toBe(
      '[a](https://example.com/news/a.html) ![b](https://example.com/blog/img/b.jpg) [c](https://cdn.example.org/c) [d]\n\n[d]: https://example.com/blog/post/d.html\n',
    );
  });

  it('should use the canonical URL when no URL was given', () => {
    expect(run('[a](a.html)\n', undefined, 'https://example.org/x/y.html')).toBe(
      '[a](https://example.org/x/a.html)\n',
    );
  });

  it('should leave relative links alone without a base, and in-page anchors always (near misses)', () => {
    expect(run('[a](/news/a.html)\n')).toBe('[a](/news/a.html)\n');
    expect(run('[notes](#notes) [m](mailto:desk@example.com)\n', 'https://example.com/p')).toBe(
      '[notes](#notes) [m](mailto:desk@example.com)\n',
    );
    expect(absoluteUrl('https://other.org/a', 'https://example.com/')).toBe('https://other.org/a');
  });

  it('should turn an image without a source into its alt text', () => {
    expect(run('A ![chart of tides]() and ![]() here\n')).toBe('A chart of tides and  here\n');
  });

  it('should unwrap links that lead nowhere', () => {
    expect(run('[empty]() and [hash](#) and [kept](/k)\n', 'https://example.com/')).toBe(
      'empty and hash and [kept](https://example.com/k)\n',
    );
  });
});

describe('faithful links through the whole pipeline', () => {
  const cleaner = new Cleaner({});
  const PARA =
    'The harbour authority said on Monday that the new ferry timetable would start in May, after months of talks with the unions and the towns along the coast.';

  it('should resolve HTML links and lazy images against --url, idempotently', () => {
    const html = `<html><body><article><h1>Ferry timetable changes</h1><p>${PARA} <a href="/ferries?from=a&amp;to=b">Timetable</a> and <a>no link</a>.</p>
<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" data-src="/img/ferry.jpg" alt="The ferry">
<p>${PARA}</p></article></body></html>`;
    const { markdown } = cleaner.clean(Buffer.from(html), {
      path: 'ferry.html',
      url: 'https://news.example.com/2026/ferry.html',
    });
    expect(markdown).toContain('[Timetable](https://news.example.com/ferries?from=a&to=b)');
    expect(markdown).toContain('![The ferry](https://news.example.com/img/ferry.jpg)');
    expect(markdown).toContain('and no link.');
    expect(markdown).not.toContain('data:image');
    const again = cleaner.clean(Buffer.from(markdown), {
      path: 'ferry.md',
      url: 'https://news.example.com/2026/ferry.html',
    });
    expect(again.markdown).toBe(markdown);
  });
});
