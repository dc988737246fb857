import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCases, runFixture } from '../../tests/helpers/fixtures.js';
import { remarkDetectByline } from '../detect-byline/index.js';
import { remarkDetectHeadline } from '../detect-headline/index.js';
import { namesFrom, remarkExtractHtmlMeta, stripTitleSuffix } from './index.js';

const dir = join(import.meta.dirname, 'fixtures');
const byName = (name: string) => fixtureCases(dir).find((f) => f.name === name)!;
const run = (name: string) =>
  runFixture(byName(name), [remarkDetectHeadline, remarkDetectByline, remarkExtractHtmlMeta]);

describe('remark-extract-html-meta', () => {
  it('should prefer JSON-LD over meta tags and visible text', () => {
    const meta = run('json-ld-beats-meta').file.data.meta!;
    expect(meta.authors).toEqual(['Jane Doe', 'John McIntyre']);
    expect(meta.authorEvidence).toBe('json-ld');
    expect(meta.published).toBe('2024-03-12T09:30:00+00:00');
    expect(meta.modified).toBe('2024-03-12T17:05:00+00:00');
    expect(meta.dateEvidence).toEqual({ published: 'json-ld', modified: 'json-ld' });
    expect(meta.siteName).toBe('City Herald');
    expect(meta.publication).toBe('City Herald');
    expect(meta.canonicalUrl).toBe('https://herald.example/news/harbour');
    expect(meta.title).toBe('Harbour closes as storm arrives');
    // The visible byline line stays the page's own.
    expect(meta.byline).toBe('By Jane Smith');
  });

  it('should read meta tags when there is no JSON-LD, before <time>', () => {
    const meta = run('meta-tags-only').file.data.meta!;
    expect(meta.authors).toEqual(["Anna O'Neill"]);
    expect(meta.authorEvidence).toBe('meta');
    expect(meta.published).toBe('2023-07-04');
    expect(meta.dateEvidence?.published).toBe('meta');
    expect(meta.canonicalUrl).toBe('https://greenthumb.example/posts/basil');
    expect(meta.byline).toBe("By Anna O'Neill");
  });

  it('should fill the title from <title> without its site suffix when no headline block set it', () => {
    const r = runFixture(byName('meta-tags-only'), [remarkExtractHtmlMeta]);
    expect(r.file.data.meta!.title).toBe('Ten ways to keep basil alive');
  });

  it('should not replace a title the headline detector set', () => {
    const r = runFixture(byName('meta-tags-only'), [
      () => (_t, file) => {
        file.data.meta = { authors: [], title: 'Keep basil alive' };
      },
      remarkExtractHtmlMeta,
    ]);
    expect(r.file.data.meta!.title).toBe('Keep basil alive');
  });

  it('should read front matter', () => {
    const meta = runFixture(byName('front-matter'), [remarkExtractHtmlMeta]).file.data.meta!;
    expect(meta).toMatchObject({
      title: 'Sourdough for beginners',
      authors: ['Pat Baker', 'Lee Rye'],
      authorEvidence: 'front-matter',
      published: '2022-09-15',
    });
  });

  it('should strip site suffixes but keep subtitles', () => {
    expect(stripTitleSuffix('Storm closes harbour | City Herald', 'City Herald')).toBe(
      'Storm closes harbour',
    );
    expect(stripTitleSuffix('City Herald - Storm closes the harbour', 'City Herald')).toBe(
      'Storm closes the harbour',
    );
    expect(stripTitleSuffix('Putin meets Kim: what they agreed')).toBe(
      'Putin meets Kim: what they agreed',
    );
    expect(stripTitleSuffix('Ten ways to keep basil alive - Green Thumb Blog')).toBe(
      'Ten ways to keep basil alive',
    );
    expect(stripTitleSuffix('Hello - World')).toBe('Hello - World');
  });

  it('should read names out of author strings and refuse URLs', () => {
    expect(namesFrom('By Jane Doe and John Smith')).toEqual(['Jane Doe', 'John Smith']);
    expect(namesFrom('Jane Doe, Staff Writer')).toEqual(['Jane Doe']);
    expect(namesFrom('https://www.facebook.com/janedoe')).toEqual([]);
    expect(namesFrom('肖春芳')).toEqual(['肖春芳']);
    expect(namesFrom('BBC News')).toEqual([]);
  });
});
