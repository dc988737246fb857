import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCases, runFixture } from '../../tests/helpers/fixtures.js';
import { findAttributions, kindOf } from '../shared/attribution.js';
import { remarkExtractSources } from './index.js';

const dir = join(import.meta.dirname, 'fixtures');
const byName = (name: string) => fixtureCases(dir).find((f) => f.name === name)!;

describe('remark-extract-sources', () => {
  it('should find the outlets and people the seed cites, with their sentences', () => {
    const sources = runFixture(byName('seed-body'), [remarkExtractSources]).file.data.sources!;
    const byKey = new Map(sources.map((s) => [s.name, s]));
    for (const [name, kind] of [
      ['CBS News', 'outlet'],
      ['The Independent', 'outlet'],
      ['Sky News', 'outlet'],
      ['BBC', 'outlet'],
      ['Deutsche Welle', 'outlet'],
      ['The Guardian', 'outlet'],
      ['Andrew Roth', 'person'],
      ['Andrei Lankov', 'person'],
      ['Dmitry Peskov', 'person'],
    ] as const)
      expect(byKey.get(name)?.kind, name).toBe(kind);
    // "says CBS" joins "CBS News"; "the broadcaster reports" counts for the BBC.
    expect(byKey.has('CBS')).toBe(false);
    expect(byKey.get('CBS News')!.sentences).toHaveLength(2);
    expect(byKey.get('BBC')!.sentences.some((s) => s.includes('the broadcaster reports'))).toBe(
      true,
    );
    expect(byKey.get('Sky News')!.sentences[0]).toMatch(/^In addition, “Moscow is interested/);
  });

  it('should not take names inside quotations or sentence openers as sources', () => {
    const r = runFixture(
      {
        name: 'x',
        dir,
        inputPath: 'x.txt',
        input:
          'But the report, which Anna Berg wrote for a blog, was ignored.\n“The Times says nothing,” she laughed, and Paris said no more.\n',
      },
      [remarkExtractSources],
    );
    const names = r.file.data.sources!.map((s) => s.name);
    expect(names).not.toContain('The Times');
    expect(names).not.toContain('But');
  });

  it('should classify names generically', () => {
    expect(kindOf('Reuters')).toBe('outlet');
    expect(kindOf('NBC')).toBe('outlet');
    expect(kindOf('NATO')).toBe('organisation');
    expect(kindOf('Ministry of Defence')).toBe('organisation');
    expect(kindOf('Maria Gonzalez')).toBe('person');
    expect(kindOf('Putin', new Set(['Putin']))).toBe('person');
    expect(kindOf('Moscow')).toBe('unknown');
  });

  it('should read "according to" and "told" attributions', () => {
    const a = findAttributions(
      'According to the company’s chief executive, Ann Lee, sales rose. He told Reuters on Monday.',
    );
    expect(a.filter((x) => !x.anaphor).map((x) => x.name)).toEqual(['Ann Lee', 'Reuters']);
    expect(a.find((x) => x.anaphor)?.anaphor).toBe('person');
  });
});
