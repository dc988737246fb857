import { join } from 'node:path';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { fixtureCases, runFixture } from '../../tests/helpers/fixtures.js';
import { editsOf } from '../shared/messages.js';
import { remarkNormalizeMojibake, repairMojibake, toMojibake } from './index.js';

const dir = join(import.meta.dirname, 'fixtures');

function md(input: string) {
  const file = new VFile({ value: input });
  const p = unified().use(remarkParse).use(remarkNormalizeMojibake).use(remarkStringify);
  return { out: String(p.processSync(file)).trimEnd(), edits: editsOf(file) };
}

describe('remark-normalize-mojibake', () => {
  for (const c of fixtureCases(dir)) {
    it(`should match fixture ${c.name}`, async () => {
      const r = runFixture(c, [remarkNormalizeMojibake]);
      await expect(r.markdown).toMatchFileSnapshot(join(c.dir, 'output.md'));
    });
  }

  const table: [string, string, string][] = [
    ['apostrophe', 'donâ€™t', 'don’t'],
    ['accented letters', 'cafÃ© and rÃ©sumÃ©', 'café and résumé'],
    ['Cyrillic', 'ÐŸÑ€Ð¸Ð²ÐµÑ‚, Ð¼Ð¸Ñ€', 'Привет, мир'],
    ['the C1 case of ”', 'â€œquotedâ€\u009d', '“quoted”'],
    ['CJK and emoji', toMojibake('日本語 👍'), '日本語 👍'],
    ['double encoding', toMojibake(toMojibake('naïve ’')), 'naïve ’'],
    [
      'mixed with proper characters',
      'I like “café” and rÃ©sumÃ©s, donâ€™t you?',
      'I like “café” and résumés, don’t you?',
    ],
    ['à whose no-break space was lost', 'voilÃ  la cafÃ©', 'voilà la café'],
  ];
  for (const [name, input, expected] of table)
    it(`should repair ${name}`, () => expect(repairMojibake(input)).toBe(expected));

  const keep: [string, string][] = [
    ['German ß before a quote', 'Die Straße“ und Fuß’'],
    ['Portuguese Ã', 'SÃO PAULO e São Paulo'],
    ['ordinary accented text', 'Crème brûlée, naïve, Ærøskøbing, Ñandú'],
    ['curly quotes and dashes', '“Quoted” — it’s fine… €5'],
    ['other scripts', 'Привет 日本語 Ελληνικά עברית العربية 👍'],
  ];
  for (const [name, input] of keep)
    it(`should keep ${name}`, () => expect(repairMojibake(input)).toBe(input));

  it('should repair across inline nodes and never inside code or URLs', () => {
    expect(md('[donâ€](https://x.org)™t and `donâ€™t` at https://x.org/cafÃ©').out).toBe(
      '[don’](https://x.org)t and `donâ€™t` at https://x.org/cafÃ©',
    );
  });

  it('should record one edit per repaired block', () => {
    expect(md('cafÃ© and donâ€™t\n\nfine').edits).toEqual([
      { ruleId: 'normalize-mojibake', old: 'cafÃ© and donâ€™t', new: 'café and don’t', line: 1 },
    ]);
  });
});
