import { describe, expect, it } from 'vitest';
import { bylineMatches, languageMatches, sameDay, titleMatches } from '../eval/lib/metadata.js';
import { aggregate, scoreDoc, shingles, tokenize } from '../eval/lib/metric.js';
import { htmlVisibleText, markdownToPlain } from '../eval/lib/plain.js';
import { checkFloors } from '../eval/lib/report.js';
import type { EvalResult } from '../eval/lib/run.js';

describe('tokenize', () => {
  it('should split on Unicode \\w runs and lower-case', () => {
    expect(tokenize('Ça va? Très_bien, 42 fois… Ünïcode—ok')).toEqual([
      'ça',
      'va',
      'très_bien',
      '42',
      'fois',
      'ünïcode',
      'ok',
    ]);
  });

  it('should keep a CJK run as one token, like \\w+ does', () => {
    expect(tokenize('東京は、晴れ。')).toEqual(['東京は', '晴れ']);
  });
});

describe('shingles', () => {
  it('should count 4-token windows as a multiset', () => {
    const s = shingles('a b c d a b c d');
    expect(s.get('a b c d')).toBe(2);
    expect(s.get('b c d a')).toBe(1);
    expect([...s.values()].reduce((x, y) => x + y, 0)).toBe(5);
  });

  it('should give one shingle for a text shorter than 4 tokens, none for an empty one', () => {
    expect([...shingles('two words')]).toEqual([['two words', 1]]);
    expect(shingles('  … ').size).toBe(0);
  });
});

describe('scoreDoc', () => {
  it('should score a perfect prediction 1 whatever the punctuation and case', () => {
    const s = scoreDoc('The cat sat on the mat.', 'the CAT sat, on the mat');
    expect(s).toMatchObject({ precision: 1, recall: 1, f1: 1, fp: 0, fn: 0 });
  });

  it('should normalise TP/FP/FN by their sum', () => {
    // gold: 6 tokens → 3 shingles; predicted adds 2 tokens → 5 shingles, 3 shared.
    const s = scoreDoc('one two three four five six seven eight', 'one two three four five six');
    expect(s.tp).toBeCloseTo(3 / 5);
    expect(s.fp).toBeCloseTo(2 / 5);
    expect(s.fn).toBe(0);
    expect(s.precision).toBeCloseTo(3 / 5);
    expect(s.recall).toBe(1);
    expect(s.f1).toBeCloseTo(0.75);
  });

  it('should count a repeated shingle only as often as the gold has it', () => {
    const s = scoreDoc('a b c d a b c d', 'a b c d');
    expect(s.tp).toBeCloseTo(1 / 5);
    expect(s.fp).toBeCloseTo(4 / 5);
  });

  it('should leave precision undefined for an empty prediction', () => {
    const s = scoreDoc('', 'some gold text here today');
    expect(s.precision).toBeUndefined();
    expect(s.recall).toBe(0);
    expect(s.f1).toBe(0);
  });
});

describe('aggregate', () => {
  it('should average precision and recall over the documents where they are defined', () => {
    const docs = [
      scoreDoc('one two three four five six seven eight', 'one two three four five six'), // p .6 r 1
      scoreDoc('', 'some gold text here today'), // p undefined, r 0
    ];
    const a = aggregate(docs);
    expect(a.docs).toBe(2);
    expect(a.precision).toBeCloseTo(0.6);
    expect(a.recall).toBeCloseTo(0.5);
    expect(a.f1).toBeCloseTo((2 * 0.6 * 0.5) / 1.1);
  });

  it('should give zeros for no documents', () => {
    expect(aggregate([])).toEqual({ f1: 0, precision: 0, recall: 0, docs: 0 });
  });
});

describe('markdownToPlain', () => {
  it('should drop the headline, link URLs and images but keep link text', () => {
    const md =
      '# The Headline\n\nBody with [a link](https://x.test/y) and ![alt text](i.png).\n\n## Sub\n\n- item *one*\n';
    expect(markdownToPlain(md)).toBe('Body with a link and .\n\nSub\n\nitem one');
  });

  it('should drop the dek and byline only right after the headline', () => {
    const md = '# Title\n\nThe dek.\n\nBy Jane Doe\n\nText.\n\nBy Jane Doe\n';
    expect(markdownToPlain(md, { dropLeading: ['The dek.', 'By Jane Doe'] })).toBe(
      'Text.\n\nBy Jane Doe',
    );
  });

  it('should read a hard line break as white space, not glue the words around it', () => {
    expect(markdownToPlain('Lego set\\\n[http://amzn.to/x](http://amzn.to/x)\\\nRace track')).toBe(
      'Lego set http://amzn.to/x Race track',
    );
  });

  it('should keep a second-level heading when there is no headline', () => {
    expect(markdownToPlain('## Part\n\nText')).toBe('Part\n\nText');
  });
});

describe('htmlVisibleText', () => {
  it('should keep visible text and drop scripts, styles and hidden elements', () => {
    const html =
      '<html><head><title>T</title><style>p{}</style></head><body><p>Hello <b>world</b></p><script>x()</script><div hidden>secret</div><div>Bye</div></body></html>';
    expect(htmlVisibleText(html)).toBe('Hello world\nBye');
  });
});

describe('metadata matching', () => {
  it('should match titles on normalised equality or long containment', () => {
    expect(titleMatches('Hello, World!', 'hello world')).toBe(true);
    expect(titleMatches('A long enough title here', 'A long enough title here | Site')).toBe(true);
    expect(titleMatches('Short', 'Short | Site')).toBe(false);
    expect(titleMatches('Title', null)).toBe(false);
  });

  it('should match bylines on name tokens', () => {
    expect(bylineMatches('By Jane Doe', ['Jane Doe'])).toBe(true);
    expect(bylineMatches('Jane Doe and John Roe', ['Jane Doe', 'John Roe'])).toBe(true);
    expect(bylineMatches('Jane Doe', ['Someone Else'])).toBe(false);
    expect(bylineMatches('Jane Doe', [], 'By JANE DOE, Staff')).toBe(true);
    expect(bylineMatches('Jane Doe', [])).toBe(false);
  });

  it('should compare dates by calendar day and languages by primary subtag', () => {
    expect(sameDay('2018-04-05T06:00', '2018-04-05T23:59:00Z')).toBe(true);
    expect(sameDay('2018-04-05', '2018-04-06')).toBe(false);
    expect(sameDay('2018-04-05', null)).toBe(false);
    expect(languageMatches('en-GB', 'en')).toBe(true);
    expect(languageMatches('fr', 'en')).toBe(false);
  });
});

describe('checkFloors', () => {
  const result = {
    corpus: '',
    date: '',
    forms: {
      html: {
        ours: { f1: 0.9, precision: 0.9, recall: 0.9, docs: 1 },
        baseline: { f1: 0, precision: 0, recall: 0, docs: 1 },
        failed: [],
        docs: [],
        seconds: 0,
      },
    },
  } satisfies EvalResult;

  it('should pass at or above the floors and name each figure below one', () => {
    expect(checkFloors(result, { forms: { html: { f1: 0.9, recall: 0.5 } } })).toEqual([]);
    expect(checkFloors(result, { forms: { html: { f1: 0.95, recall: 0.97 } } })).toEqual([
      'html: F1 0.900 < floor 0.950',
      'html: recall 0.900 < floor 0.970',
    ]);
  });
});
