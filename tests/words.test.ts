import { describe, expect, it } from 'vitest';
import {
  describeTally,
  outputWords,
  percent,
  sumTallies,
  tallyOf,
  wordTally,
} from '../src/review/words.js';

describe('words in, words out: the one "% removed"', () => {
  it('should take the share from words in and words out', () => {
    expect(wordTally(1790, 808)).toEqual({
      in: 1790,
      out: 808,
      removed: 982,
      share: 982 / 1790,
    });
    expect(describeTally(wordTally(1790, 808))).toBe('808 of 1,790 words kept, 982 removed (55%)');
  });

  it('should never go below 0% or above 100%', () => {
    // the house-style byline can add a word ("By")
    expect(wordTally(10, 11)).toMatchObject({ removed: 0, share: 0 });
    expect(wordTally(10, 0)).toMatchObject({ removed: 10, share: 1 });
    expect(wordTally(0, 0).share).toBe(0);
  });

  it('should count the head lines as output words', () => {
    const meta = {
      headline: 'Rivers rise',
      dek: 'Two metres overnight',
      byline: 'By Jane Doe',
      counts: { words: 100, inputWords: 200 },
    };
    expect(outputWords(meta)).toBe(108);
    expect(tallyOf(meta)).toMatchObject({ in: 200, out: 108, removed: 92 });
    expect(outputWords({ headline: null, counts: { words: 5, inputWords: 9 } })).toBe(5);
  });

  it('should sum documents by words, not by averaging shares', () => {
    const total = sumTallies([wordTally(100, 0), wordTally(900, 900)]);
    expect(total).toEqual({ in: 1000, out: 900, removed: 100, share: 0.1 });
  });

  it('should print small shares with one decimal', () => {
    expect(percent(0)).toBe('0%');
    expect(percent(0.034)).toBe('3.4%');
    expect(percent(0.42)).toBe('42%');
    expect(percent(1)).toBe('100%');
  });
});
