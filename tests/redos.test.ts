/**
 * Catastrophic backtracking: every regular expression in `src/` and
 * `plugins/` meets adversarial strings, and the whole pipeline meets pages
 * made of them. The assertion is completion (a catastrophic pattern hangs the
 * run), not timing. A hand audit (numbers in the report) found no exponential
 * pattern; quadratic ones on long runs were rewritten where trivially safe
 * (a negative lookbehind at the start of a trailing run: `(?<![.,])[.,]+$`).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Cleaner } from '../src/clean.js';
import { adversarialInputs, findRegexes } from './redos-corpus.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('regular expressions against adversarial strings', () => {
  const regexes = findRegexes(ROOT);

  it('should find the regex literals of src/ and plugins/', () => {
    expect(regexes.length).toBeGreaterThan(50);
    expect(regexes.some((r) => r.file.startsWith('plugins/'))).toBe(true);
  });

  it('should finish every regex on every adversarial string', () => {
    const inputs = adversarialInputs(1500);
    let runs = 0;
    for (const r of regexes) {
      const global = new RegExp(r.regex.source, `${r.regex.flags}g`);
      for (const s of inputs) {
        r.regex.test(s);
        s.replace(global, '');
        s.split(r.regex);
        runs++;
      }
    }
    expect(runs).toBe(regexes.length * inputs.length);
  }, 240_000);
});

describe('the pipeline against adversarial pages', () => {
  const cleaner = new Cleaner();
  const runs = [
    'a-',
    ' \n',
    'a.',
    '. ',
    '- ',
    ', ',
    '<a ',
    '"',
    '’',
    'http://a',
    'by ',
    'A. ',
    '>',
    '*',
  ];

  for (const from of ['text', 'markdown', 'html'] as const)
    it(`should clean ${from} pages made of long runs without hanging or throwing`, () => {
      for (const run of runs) {
        const line = run.repeat(Math.ceil(3000 / run.length));
        const page = `Headline of the page\n\n${line}!\n\n${line}\n\nA closing paragraph of ordinary words.`;
        const r = cleaner.clean(page, { from });
        expect(typeof r.markdown).toBe('string');
      }
    }, 240_000);
});
