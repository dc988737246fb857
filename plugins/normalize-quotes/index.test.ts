import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { fixtureCases, runFixture } from '../../tests/helpers/fixtures.js';
import { editsOf } from '../shared/messages.js';
import { normalizeQuotes, type QuoteStyle, remarkNormalizeQuotes } from './index.js';

const dir = join(import.meta.dirname, 'fixtures');

function md(input: string, style: QuoteStyle = 'curly', language?: string) {
  const file = new VFile({ value: input });
  file.data.meta = { authors: [], ...(language ? { language } : {}) };
  const p = unified()
    .use(remarkParse)
    .use(remarkNormalizeQuotes, { style })
    .use(remarkStringify, { emphasis: '_' });
  const out = String(p.processSync(file)).trimEnd();
  return { out, edits: editsOf(file) };
}

describe('remark-normalize-quotes', () => {
  for (const c of fixtureCases(dir)) {
    it(`should match fixture ${c.name}`, async () => {
      const configPath = join(c.dir, 'config.json');
      const config = existsSync(configPath) ? JSON.parse(readFileSync(configPath, 'utf8')) : {};
      const r = runFixture(c, [[remarkNormalizeQuotes, config]]);
      await expect(r.markdown).toMatchFileSnapshot(join(c.dir, 'output.md'));
    });
  }

  const table: [string, QuoteStyle, string, string][] = [
    ['straight double → curly', 'curly', 'He said "hello" to me.', 'He said “hello” to me.'],
    ['straight single → curly outer', 'curly', "He said 'hello' to me.", 'He said “hello” to me.'],
    [
      'nested straight',
      'curly',
      `"She said 'yes' twice," he wrote.`,
      '“She said ‘yes’ twice,” he wrote.',
    ],
    [
      'contractions and possessives',
      'curly',
      "Don't take Russia's or the Week's word",
      'Don’t take Russia’s or the Week’s word',
    ],
    ['mixed apostrophes', 'straight', "The Week’s and the week's", "The Week's and the week's"],
    [
      'elisions',
      'curly',
      "The '90s were rock 'n' roll 'til dawn",
      'The ’90s were rock ’n’ roll ’til dawn',
    ],
    ['feet and inches left alone', 'curly', 'He is 5\'10" tall', 'He is 5\'10" tall'],
    ['degrees and minutes left alone', 'curly', "At 45° 30' north", "At 45° 30' north"],
    ['true primes left alone', 'straight', 'At 45° 30′ and 5′10″', 'At 45° 30′ and 5′10″'],
    [
      'closing quote after a digit',
      'curly',
      'He said "born in 1990" twice',
      'He said “born in 1990” twice',
    ],
    [
      'plural possessive inside single quotes',
      'curly',
      "'The students' books are here'",
      '“The students’ books are here”',
    ],
    ['two single-quoted words', 'curly', "'a' and 'b'", '“a” and “b”'],
    [
      'uk style from curly',
      'uk',
      'He said “she told me ‘no’ twice”.',
      'He said ‘she told me “no” twice’.',
    ],
    [
      'curly from uk',
      'curly',
      'He said ‘she told me “no” twice’.',
      'He said “she told me ‘no’ twice”.',
    ],
    ['german input to curly', 'curly', '„Das ist gut“, sagte er.', '“Das ist gut”, sagte er.'],
    ['low-9 single nested', 'curly', '„Er sagte ‚nein‘ dazu“', '“Er sagte ‘nein’ dazu”'],
    ['guillemets with spaces to curly', 'curly', '« Bonjour », dit-il.', '“Bonjour”, dit-il.'],
    [
      'reversed marks ‟ ‛ (depth from structure)',
      'straight',
      '‟Yes,” he said, ‛fine’',
      '"Yes," he said, "fine"',
    ],
    ['acute accent as apostrophe', 'curly', 'don´t stop', 'don’t stop'],
    ['latex quotes', 'curly', "``Quoted'' text", '“Quoted” text'],
    ['double primes as quotes', 'curly', 'a ″word″ here', 'a “word” here'],
    [
      'unbalanced open stays open',
      'curly',
      '"It was the start of a long quote',
      '“It was the start of a long quote',
    ],
    ['unbalanced close stays close', 'uk', 'end of a long quote."', 'end of a long quote.”'],
    ['none leaves everything', 'none', `"a" 'b' don't`, `"a" 'b' don't`],
    [
      'guillemets as bullets and arrows',
      'curly',
      '» Home and Read more »» or « Back',
      '» Home and Read more »» or « Back',
    ],
    ['breadcrumb separators', 'curly', 'News » World » Europe', 'News » World » Europe'],
  ];
  for (const [name, style, input, expected] of table) {
    it(`should handle ${name} (${style})`, () => {
      expect(md(input, style).out).toBe(expected);
    });
  }

  it('should decide pairs across emphasis and links', () => {
    expect(md('He said "_really_" and "[this](https://x.org)" and "**bold**".').out).toBe(
      'He said “_really_” and “[this](https://x.org)” and “**bold**”.',
    );
    expect(md('"Quoted _across"_ nodes').out).toBe('“Quoted _across”_ nodes');
  });

  it('should never touch inline code, code blocks, URLs or html', () => {
    const input = [
      'Run `echo "hi"` and see "it".',
      '',
      '```',
      'print("x")',
      '```',
      '',
      'Visit <https://example.com/it\'s> or https://x.org/a"b then "go".',
      '',
      '<div title="x">"raw"</div>',
    ].join('\n');
    const { out } = md(input);
    expect(out).toContain('Run `echo "hi"` and see “it”.');
    expect(out).toContain('print("x")');
    expect(out).toContain("<https://example.com/it's>");
    expect(out).toContain('https://x.org/a"b then “go”.');
    expect(out).toContain('<div title="x">"raw"</div>');
  });

  it('should normalise image alt texts, never their URLs', () => {
    expect(md(`![Einstein's "focus"](https://x.org/it's.png)`).out).toBe(
      `![Einstein’s “focus”](https://x.org/it's.png)`,
    );
  });

  it('should leave raw tags in plain text alone', () => {
    const c = {
      name: 'tags',
      dir,
      inputPath: 'x.txt',
      input: 'Pixel <img height="1" src="x.gif"> and "quoted".\n',
    };
    expect(runFixture(c, [remarkNormalizeQuotes]).markdown).toBe(
      'Pixel \\<img height="1" src="x.gif"> and “quoted”.\n',
    );
  });

  it('should use French and German marks in auto style', () => {
    expect(md('Il a dit "bonjour" et l\'a répété.', 'auto', 'fr-FR').out).toBe(
      'Il a dit «\u00A0bonjour\u00A0» et l’a répété.',
    );
    expect(md('Er sagte "ja" und \'nein\' im "Haus \'Nord\'".', 'auto', 'de').out).toBe(
      'Er sagte „ja“ und „nein“ im „Haus ‚Nord‘“.',
    );
    expect(md('He said "yes".', 'auto', 'en').out).toBe('He said “yes”.');
  });

  it('should be idempotent in French style', () => {
    const once = md('Il a dit "bonjour « toi »".', 'auto', 'fr').out;
    expect(md(once, 'auto', 'fr').out).toBe(once);
    expect(once).toBe('Il a dit «\u00A0bonjour “toi”\u00A0».');
  });

  it('should record one edit per changed block with old and new text', () => {
    const { edits } = md('"One" and "two" and "three".\n\nNo quotes here.\n\nIt\'s "four".');
    expect(edits).toEqual([
      {
        ruleId: 'normalize-quotes',
        old: '"One" and "two" and "three".',
        new: '“One” and “two” and “three”.',
        line: 1,
      },
      { ruleId: 'normalize-quotes', old: 'It\'s "four".', new: 'It’s “four”.', line: 5 },
    ]);
  });

  it('should make the seed paragraph with nested quotes consistent in every style', () => {
    const seed =
      "The Independent reports that “the Kremlin has long sought a summit, with analysts saying Putin is ‘desperate to be considered a person of significance on the Korean peninsula, and to use that in diplomatic games with Washington’.” North Korea’s and The Week's";
    expect(normalizeQuotes(seed, 'curly')).toContain('that “the Kremlin');
    expect(normalizeQuotes(seed, 'curly')).toContain('is ‘desperate');
    expect(normalizeQuotes(seed, 'curly')).toContain('Washington’.” North Korea’s and The Week’s');
    expect(normalizeQuotes(seed, 'uk')).toContain('that ‘the Kremlin');
    expect(normalizeQuotes(seed, 'uk')).toContain('is “desperate');
    expect(normalizeQuotes(seed, 'uk')).toContain('Washington”.’ North Korea’s and The Week’s');
    expect(normalizeQuotes(seed, 'straight')).toContain(
      `that "the Kremlin has long sought a summit, with analysts saying Putin is 'desperate`,
    );
    expect(normalizeQuotes(seed, 'straight')).toContain(
      `Washington'." North Korea's and The Week's`,
    );
  });

  it('should reject an unknown style at attach time', () => {
    expect(() =>
      unified()
        .use(remarkParse)
        .use(remarkNormalizeQuotes, { style: 'fancy' as QuoteStyle })
        .freeze(),
    ).toThrow(/invalid style 'fancy'/);
  });
});
