import { join } from 'node:path';
import type { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { fixtureCases, runFixture } from '../../tests/helpers/fixtures.js';
import { remarkDetectHeadline } from '../detect-headline/index.js';
import { remarkExtractCounts } from './index.js';

const dir = join(import.meta.dirname, 'fixtures');
const byName = (name: string) => fixtureCases(dir).find((f) => f.name === name)!;

describe('remark-extract-counts', () => {
  it('should count Chinese by words, not by space-separated runs', () => {
    const c = byName('cjk');
    const r = runFixture(c, [
      () => (_t: unknown, file: VFile) => {
        file.data.inputWords = 42;
      },
      remarkExtractCounts,
    ]);
    const counts = r.file.data.counts!;
    // 6 English words plus several Chinese words (far more than the 1 a space split would give).
    expect(counts.words).toBeGreaterThan(6 + 4);
    expect(counts.paragraphs).toBe(2);
    expect(counts.inputWords).toBe(42);
    expect(counts.readingMinutes).toBe(1);
    expect(counts.characters).toBe(c.input.replace(/\s+/g, '').length);
  });

  it('should leave the headline out of the body counts', () => {
    const input = {
      name: 'x',
      dir,
      inputPath: 'x.md',
      input:
        '# A headline of five words\n\nOne two three four five six seven eight nine ten, the body said in full today.\n',
    };
    const counts = runFixture(input, [remarkDetectHeadline, remarkExtractCounts]).file.data.counts!;
    expect(counts.words).toBe(16);
    expect(counts.paragraphs).toBe(1);
  });

  it('should give zero minutes for an empty body and throw on bad speeds', () => {
    const input = { name: 'e', dir, inputPath: 'e.md', input: '' };
    expect(runFixture(input, [remarkExtractCounts]).file.data.counts!.readingMinutes).toBe(0);
    expect(() => runFixture(input, [[remarkExtractCounts, { wordsPerMinute: 0 }]])).toThrow(
      'remark-extract-counts: reading speeds must be positive numbers',
    );
  });
});
