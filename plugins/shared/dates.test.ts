import { describe, expect, it } from 'vitest';
import { cjkMetaDate, dayOf, normalizeDate, parseDate } from './dates.js';
import { sentenceSegmenter, splitSentences } from './sentences.js';

describe('dates', () => {
  it('should keep the written day and offset of a zoned date', () => {
    expect(parseDate('Jan. 3, 2025 at 4:05 p.m. ET')?.iso).toBe('2025-01-03T16:05:00-05:00');
    expect(parseDate('Published 12 March 2024')?.iso).toBe('2024-03-12');
  });

  it('should leave year-less and relative dates unresolved without a reference', () => {
    expect(parseDate('12 March')).toBeUndefined();
    expect(parseDate('yesterday')).toBeUndefined();
    expect(parseDate('yesterday', { referenceDate: new Date('2024-06-01T12:00:00Z') })?.iso).toBe(
      '2024-05-31',
    );
  });

  it('should read other languages', () => {
    expect(parseDate('Veröffentlicht am 12. März 2024')?.iso).toBe('2024-03-12');
    expect(parseDate('24 novembre 2017 à 18:42')?.iso).toBe('2017-11-24T18:42:00');
  });

  it('should normalise machine dates', () => {
    expect(normalizeDate('2018-04-05T06:00')).toBe('2018-04-05T06:00:00');
    expect(normalizeDate('2015-07-24T05:36:09+0100')).toBe('2015-07-24T05:36:09+01:00');
    expect(normalizeDate('2017-11-03 03:01:00.000000')).toBe('2017-11-03T03:01:00');
    expect(normalizeDate('20240420')).toBe('2024-04-20');
    expect(normalizeDate('not a date')).toBeUndefined();
    expect(normalizeDate('2024-13-01')).toBeUndefined();
    expect(dayOf('2015-07-24T05:36:09+01:00')).toBe('2015-07-24');
  });
});

describe('sentences', () => {
  it('should not split after abbreviations and initials', () => {
    expect(
      splitSentences(
        'Mr. Smith went to Washington. He met Dr. J. K. Rowling in the U.S. Capitol. Then he left.',
      ).map((s) => s.text),
    ).toEqual([
      'Mr. Smith went to Washington.',
      'He met Dr. J. K. Rowling in the U.S. Capitol.',
      'Then he left.',
    ]);
  });

  it('should keep a question inside a quotation in its sentence', () => {
    expect(splitSentences('“Is it true?” she asked. Yes.').map((s) => s.text)).toEqual([
      '“Is it true?” she asked.',
      'Yes.',
    ]);
  });

  it('should give offsets into the input', () => {
    const text = 'One two.  Three four.';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('should split the same with a segmenter made once as with a locale', () => {
    const text = 'Il a dit « oui ». M. Dupont est parti. Fin.';
    const fr = sentenceSegmenter('fr');
    expect(splitSentences(text, fr)).toEqual(splitSentences(text, 'fr'));
    expect(splitSentences('One. Two.', fr).map((s) => s.text)).toEqual(['One.', 'Two.']);
  });

  it('should fall back to English for a locale Intl does not accept', () => {
    expect(sentenceSegmenter('not a locale!').resolvedOptions().locale).toBe('en');
  });
});

describe('parseDate with a per-document cache', () => {
  it('should give the same readings as without the cache, and read each text once', () => {
    const cache = new Map();
    const texts = ['Published March 5, 2020', 'no date here 2020', 'Top 10 stories', '2 hours ago'];
    const ref = { referenceDate: new Date('2024-01-02T00:00:00Z') };
    for (const t of [...texts, ...texts]) {
      expect(parseDate(t, { ...ref, cache })).toEqual(parseDate(t, ref));
    }
    // "Top 10 stories" has no date shape: never parsed, never cached.
    expect(cache.size).toBe(3);
  });

  it('should key readings by reference date and language', () => {
    const cache = new Map();
    const a = parseDate('2 hours ago', { referenceDate: new Date('2024-01-02T00:00:00Z'), cache });
    const b = parseDate('2 hours ago', { referenceDate: new Date('2024-05-02T00:00:00Z'), cache });
    expect(a?.iso).not.toBe(b?.iso);
    expect(parseDate('2 hours ago', { cache })).toBeUndefined();
  });
});

describe('cjkMetaDate', () => {
  it('should read the date of a Chinese meta line with a label before it or a post label after it', () => {
    expect(cjkMetaDate('晨报 | 发布: 2019-3-7 08:05 | 点击: 27 | 来自: 本站')).toBe(
      '2019-03-07T08:05',
    );
    expect(cjkMetaDate('小明 发表于 2012-6-30 21:40:09')).toBe('2012-06-30T21:40:09');
    expect(cjkMetaDate('发布时间：2018年11月2日')).toBe('2018-11-02');
    expect(cjkMetaDate('2016-04-09 阅读312次')).toBe('2016-04-09');
    expect(cjkMetaDate('本帖由 小红 于2010年2月3日09:15:00在〖 茶馆 〗发表')).toBe(
      '2010-02-03T09:15:00',
    );
  });

  it('should not read a bare date, a date in prose, a list of dated links, or a line without Han', () => {
    expect(cjkMetaDate('2016-04-09 小明')).toBeUndefined();
    // 于 ("on") without 发表/发布: a sentence or a blog's founding date, not the post's.
    expect(cjkMetaDate('他于2001年5月2日到了上海，在那里住了三年。')).toBeUndefined();
    expect(cjkMetaDate('建立于:2009年3月1日')).toBeUndefined();
    expect(cjkMetaDate('发布 2016-04-09 旧闻 发布 2016-04-08 新闻')).toBeUndefined();
    expect(cjkMetaDate('Posted 2016-04-09 | views 12')).toBeUndefined();
  });
});
