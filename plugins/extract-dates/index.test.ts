import type { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { runFixture } from '../../tests/helpers/fixtures.js';
import type { ArticleMeta } from '../shared/types.js';
import { dateFromUrl, remarkExtractDates } from './index.js';

const input = {
  name: 'x',
  dir: '.',
  inputPath: 'x.txt',
  input: 'A body paragraph that says nothing about dates at all.\n',
};

function run(meta: ArticleMeta, url?: string, fetchDate?: string): ArticleMeta {
  const r = runFixture(input, [
    () => (_t: unknown, file: VFile) => {
      file.data.meta = meta;
      if (url)
        file.data.source = {
          path: 'x',
          format: 'text',
          sha256: '',
          bytes: 0,
          encoding: 'utf-8',
          url,
        };
    },
    fetchDate ? [remarkExtractDates, { fetchDate }] : remarkExtractDates,
  ]);
  return r.file.data.meta!;
}

describe('remark-extract-dates', () => {
  it('should read a date from the URL path only when nothing else gave one', () => {
    expect(run({ authors: [] }, 'https://example.com/news/2019/11/18/some-story')).toMatchObject({
      published: '2019-11-18',
      dateEvidence: { published: 'url' },
    });
    expect(
      run(
        { authors: [], published: '2019-11-17', dateEvidence: { published: 'text' } },
        'https://example.com/2019/11/18/x',
      ).published,
    ).toBe('2019-11-17');
  });

  it('should not read ids or partial dates in a URL as dates', () => {
    expect(dateFromUrl('https://example.com/article/201911181077343476-story/')).toBeUndefined();
    expect(dateFromUrl('https://example.com/2018/10/story.html')).toBeUndefined();
    expect(dateFromUrl('https://example.com/2019-11-18-story')).toBe('2019-11-18');
    expect(dateFromUrl('not a url')).toBeUndefined();
  });

  it('should drop an updated date earlier than the publication date', () => {
    const meta = run({
      authors: [],
      published: '2020-03-05T15:45:00-05:00',
      modified: '2020-03-04T10:00:00Z',
      dateEvidence: { published: 'json-ld', modified: 'meta' },
    });
    expect(meta.modified).toBeUndefined();
    expect(meta.published).toBe('2020-03-05T15:45:00-05:00');
    expect(
      run({ authors: [], published: '2020-03-05', modified: '2020-03-06T01:00:00' }).modified,
    ).toBe('2020-03-06T01:00:00');
  });

  it('should drop a date later than the fetch date and fall back to the URL', () => {
    const meta = run(
      { authors: [], published: '2031-01-05', dateEvidence: { published: 'json-ld' } },
      'https://example.com/2024/02/03/story',
      '2024-02-04T00:00:00Z',
    );
    expect(meta).toMatchObject({ published: '2024-02-03', dateEvidence: { published: 'url' } });
    // Near-miss: the day of the fetch (and a time zone ahead of it) stays.
    expect(
      run(
        { authors: [], published: '2024-02-04T23:30:00+10:00' },
        undefined,
        '2024-02-04T12:00:00Z',
      ).published,
    ).toBe('2024-02-04T23:30:00+10:00');
  });

  it('should refuse a fetch date that is not a date', () => {
    expect(() => run({ authors: [] }, undefined, 'soon')).toThrow(/fetchDate/);
  });
});
