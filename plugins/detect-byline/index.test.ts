import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCases, runFixture } from '../../tests/helpers/fixtures.js';
import { remarkAssemble } from '../assemble/index.js';
import { remarkDetectHeadline } from '../detect-headline/index.js';
import { remarkDetectByline } from './index.js';

const dir = join(import.meta.dirname, 'fixtures');
const byName = (name: string) => fixtureCases(dir).find((f) => f.name === name)!;

describe('remark-detect-byline', () => {
  for (const c of fixtureCases(dir)) {
    it(`should match fixture ${c.name}`, async () => {
      const r = runFixture(c, [remarkDetectHeadline, remarkDetectByline, remarkAssemble]);
      await expect(r.markdown).toMatchFileSnapshot(join(c.dir, 'output.md'));
    });
  }

  it('should read authors, agency and the updated time, and keep the dateline in the text', () => {
    const r = runFixture(byName('wire-story-with-dateline'), [
      remarkDetectHeadline,
      remarkDetectByline,
      remarkAssemble,
    ]);
    const meta = r.file.data.meta!;
    expect(meta.authors).toEqual(['Mary McDonald', "Sean O'Brien"]);
    expect(meta.publication).toBe('Reuters');
    expect(meta.byline).toBe("By Mary McDonald and Sean O'Brien, Reuters");
    expect(meta.modified).toBe('2020-03-05T15:45:00-05:00');
    expect(meta.dateEvidence?.modified).toBe('text');
    expect(meta.authorEvidence).toBe('text');
    expect(meta.dateline).toBe('WASHINGTON (Reuters)');
    expect(r.markdown).toContain('WASHINGTON (Reuters) — The Senate voted');
    expect(r.markdown).toContain('By the time the vote came');
    expect(r.markdown).not.toContain('Updated 3:45');
  });

  it('should read a French byline and date', () => {
    const r = runFixture(byName('french-par-byline'), [remarkDetectHeadline, remarkDetectByline]);
    expect(r.file.data.meta).toMatchObject({
      authors: ['Jean Dupont', 'Marie Lefèvre'],
      published: '2024-03-12T10:00:00',
    });
  });

  it('should strip the role and leave "2 hours ago" unresolved without a reference date', () => {
    const r = runFixture(byName('staff-writer-relative-date'), [
      remarkDetectHeadline,
      remarkDetectByline,
    ]);
    expect(r.file.data.meta!.authors).toEqual(['Jane Doe']);
    expect(r.file.data.meta!.byline).toBe('By Jane Doe');
    expect(r.file.data.meta!.published).toBeUndefined();
  });

  it('should resolve "2 hours ago" against the reference date', () => {
    const r = runFixture(byName('staff-writer-relative-date'), [
      remarkDetectHeadline,
      [remarkDetectByline, { referenceDate: '2024-06-01T12:00:00Z' }],
    ]);
    expect(r.file.data.meta!.published).toBe('2024-06-01T10:00:00Z');
  });

  it('should take a bare name from an element classed as author, and keep prose naming the author', () => {
    const r = runFixture(byName('html-author-class'), [
      remarkDetectHeadline,
      remarkDetectByline,
      remarkAssemble,
    ]);
    expect(r.file.data.meta!.authors).toEqual(['Jane Doe']);
    expect(r.markdown.match(/Jane Doe/g)).toHaveLength(2);
  });

  it('should leave prose that looks like a byline or a date alone', () => {
    const r = runFixture(byName('prose-near-misses'), [
      remarkDetectHeadline,
      remarkDetectByline,
      remarkAssemble,
    ]);
    expect(r.file.data.meta!.authors).toEqual([]);
    expect(r.file.data.meta!.byline).toBeUndefined();
    expect(r.file.data.meta!.published).toBeUndefined();
    for (const s of [
      'By the time the lights',
      'Published in Nature',
      'Jane Doe, the lead author',
      'March 5, 2020 was',
    ])
      expect(r.markdown).toContain(s);
  });

  it('should not let weaker evidence overwrite stronger', () => {
    const c = byName('staff-writer-relative-date');
    const r = runFixture(c, [
      () => (_tree, file) => {
        file.data.meta = { authors: ['Ann Lee'], authorEvidence: 'json-ld' };
      },
      remarkDetectByline,
    ]);
    expect(r.file.data.meta!.authors).toEqual(['Ann Lee']);
  });

  it('should throw on bad options', () => {
    expect(() =>
      runFixture(byName('prose-near-misses'), [[remarkDetectByline, { head: -1 }]]),
    ).toThrow('remark-detect-byline: `head` must be a non-negative integer');
    expect(() =>
      runFixture(byName('prose-near-misses'), [[remarkDetectByline, { referenceDate: 'nope' }]]),
    ).toThrow('remark-detect-byline: `referenceDate` is not a date');
  });
});

describe('remark-detect-byline: position', () => {
  it('should believe a date line next to a lead-word byline far down a text dump, and not the page title', () => {
    const r = runFixture(byName('long-menu-then-article'), [
      remarkDetectHeadline,
      remarkDetectByline,
      remarkAssemble,
    ]);
    const meta = r.file.data.meta!;
    expect(meta.authors).toEqual(['Jane Doe']);
    expect(meta.published).toBe('2019-11-18T23:03:00');
    expect(meta.byline).toBe('By Jane Doe');
    expect(r.markdown).not.toContain('Reuters November 18');
  });
});

describe('remark-detect-byline: line breaks', () => {
  it("should give an author element's names the outlet (and date) on its next line", () => {
    const r = runFixture(byName('author-element-with-outlet'), [
      remarkDetectHeadline,
      remarkDetectByline,
      remarkAssemble,
    ]);
    expect(r.file.data.meta).toMatchObject({
      authors: ['Kelli Moore'],
      byline: 'By Kelli Moore, The Harbour Gazette',
      published: '2020-03-05',
    });
  });

  it('should read a byline block line by line: names, then their outlet or date under a break', () => {
    const r = runFixture(byName('byline-with-line-breaks'), [
      remarkDetectHeadline,
      remarkDetectByline,
      remarkAssemble,
    ]);
    const meta = r.file.data.meta!;
    // "By **Jane Doe**" + break + "City Herald": not "Jane DoeCity Herald".
    expect(meta.authors).toEqual(['Jane Doe']);
    expect(meta.byline).toBe('By Jane Doe, City Herald');
    // An outlet line with a date line under it is a byline block too ("Agency Wire" + "Published …").
    expect(meta.published).toBe('2015-03-23T08:22:00-05:00');
    expect(r.markdown).not.toContain('Published Monday');
    // Near-misses: the digest links ("… Weekly Edition for <date>") are not outlet bylines,
    // and prose stays prose.
    expect(meta.publication).toBe('City Herald');
    expect(r.markdown).toContain('Harbour Weekly Edition for April 23, 2015');
    expect(r.markdown).toContain("Written by the council's press office");
  });
});
