/**
 * Idempotence of faithful Markdown (issue 13): over generated documents that
 * mix front matter, wiki citation markers and edit links, GFM footnotes
 * (with and without their notes), hard-wrapped paragraphs and stray `---`
 * rules, cleaning copydesk's output again changes nothing — for the whole
 * pipeline, and for each of the plugins on its own output (no settle pass to
 * hide a plugin that needs two runs).
 */
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { type Plugin, unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkFootnotes } from '../plugins/footnotes/index.js';
import { remarkStripCitations } from '../plugins/strip-citations/index.js';
import { remarkStripStrayBreaks } from '../plugins/strip-stray-breaks/index.js';
import { remarkUnwrapLines } from '../plugins/unwrap-lines/index.js';
import { Cleaner } from '../src/clean.js';
import { stringifyOptions } from '../src/pipeline.js';

const WORDS = [
  'the',
  'harbour',
  'ferry',
  'timetable',
  'unions',
  'coast',
  'Monday',
  'May',
  'towns',
  'talks',
  'new',
  'would',
  'start',
  'after',
  'months',
  'of',
  'and',
  'with',
  'said',
  'authority',
  'council',
  'residents',
  'boats',
  'winter',
  'fares',
  'route',
] as const; // prettier-ignore

/** A citation-ish mark after a word or sentence. */
const mark = fc.constantFrom(
  '',
  '',
  '',
  '[[1]](#cite_note-1)',
  '[[12]](#cite_note-12)',
  '[3](#fn3)',
  '\\[2]',
  '\\[a]',
  '\\[citation needed]',
  '[^1]',
  '[^n]',
);

const sentence = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 6, maxLength: 18 }), mark)
  .map(([words, m]) => {
    const s = words.join(' ');
    return `${s[0]!.toUpperCase()}${s.slice(1)}.${m}`;
  });

/** A paragraph, hard-wrapped at 60–80 columns or not. */
const paragraph = fc
  .tuple(
    fc.array(sentence, { minLength: 2, maxLength: 5 }),
    fc.option(fc.integer({ min: 60, max: 80 })),
  )
  .map(([sentences, width]) => {
    const text = sentences.join(' ');
    if (width === null) return text;
    const lines: string[] = [];
    let line = '';
    for (const w of text.split(' ')) {
      if (line && line.length + 1 + w.length > width) {
        lines.push(line);
        line = w;
      } else line = line ? `${line} ${w}` : w;
    }
    return [...lines, line].join('\n');
  });

const block = fc.oneof(
  { weight: 6, arbitrary: paragraph },
  { weight: 1, arbitrary: fc.constant('---') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '## History\\[[edit](https://wiki.example.org/w/index.php?title=X&action=edit&section=1)]',
      '## Ferries [edit]',
      '## Fares',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('Home\nNews\nSport', '- first item of a list\n- second item'),
  },
); // prettier-ignore

const frontMatter = fc.constantFrom(
  '',
  '---\ntitle: Ferry timetable changes\ntags: [ferries, harbour]\ndescription: New times.\n---\n\n',
  '+++\ntitle = "Ferry timetable changes"\ntags = ["ferries"]\n+++\n\n',
  '---\ntitle: [broken\n---\n\n',
);

const notes = fc.constantFrom(
  '',
  '[^1]: The authority published the timetable.\n',
  '[^1]: The authority published the timetable.\n\n[^n]: A note on the fares.\n',
);

const document = fc
  .tuple(frontMatter, fc.array(block, { minLength: 2, maxLength: 8 }), notes)
  .map(([fm, blocks, n]) => `${fm}# Ferry timetable changes\n\n${blocks.join('\n\n')}\n\n${n}`);

describe('faithful Markdown is idempotent', () => {
  const cleaner = new Cleaner({});

  it('should give the same output when its own output is cleaned again', () => {
    fc.assert(
      fc.property(document, (md) => {
        const once = cleaner.clean(md, { from: 'markdown' }).markdown;
        const twice = cleaner.clean(once, { from: 'markdown' }).markdown;
        expect(twice).toBe(once);
      }),
      { numRuns: 40 },
    );
  });

  for (const [name, plugin] of [
    ['strip-citations', remarkStripCitations],
    ['footnotes', remarkFootnotes],
    ['unwrap-lines', remarkUnwrapLines],
    ['strip-stray-breaks', remarkStripStrayBreaks],
  ] as [string, Plugin<[], Root>][]) {
    it(`should run ${name} once to its fixpoint`, () => {
      const processor = unified()
        .use(remarkParse)
        .use(remarkGfm)
        .use(plugin)
        .use(remarkStringify, stringifyOptions);
      const run = (md: string): string => {
        const file = new VFile({ value: md });
        return processor.stringify(processor.runSync(processor.parse(file), file) as Root, file);
      };
      fc.assert(
        fc.property(document, (md) => {
          const once = run(md);
          expect(run(once)).toBe(once);
        }),
        { numRuns: 150 },
      );
    });
  }
});
