import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/readers/markdown.js';
import { readText } from '../../src/readers/text.js';
import { compileLexicon, lexiconHits, mergePhrases, PHRASES } from './lexicon.js';
import { segments } from './segment.js';
import { detectLanguage, isProse, pageSignals, strongLexicon, wordsOf } from './signals.js';

const lexicon = compileLexicon(PHRASES);

describe('lexicon', () => {
  it('should match whole phrases case-insensitively, not inside words', () => {
    expect(lexiconHits(lexicon, 'SIGN UP for our Newsletter').map((h) => h.concept)).toContain(
      'newsletter',
    );
    expect(lexiconHits(lexicon, 'The shares fell').map((h) => h.concept)).not.toContain('share');
    expect(lexiconHits(lexicon, 'Alle Rechte vorbehalten').map((h) => h.concept)).toEqual([
      'copyright',
    ]);
  });

  it('should fold curly apostrophes', () => {
    expect(lexiconHits(lexicon, 'Editor’s picks').map((h) => h.concept)).toContain('related');
  });

  it('should merge extra phrases and reject unknown concepts', () => {
    const merged = compileLexicon(mergePhrases({ paywall: ['members get more'] }));
    expect(lexiconHits(merged, 'Members get more').map((h) => h.concept)).toEqual(['paywall']);
    expect(() => mergePhrases({ nope: ['x'] } as never)).toThrow(/unknown concept 'nope'/);
    expect(() => mergePhrases({ cta: [''] })).toThrow(/non-empty strings/);
  });
});

describe('signals', () => {
  it('should detect the language from stopwords, und when too few', () => {
    expect(
      detectLanguage(wordsOf('Le chat est sur la table et il dort dans le salon avec les enfants')),
    ).toBe('fr');
    expect(
      detectLanguage(wordsOf('Der Hund ist in dem Garten und die Katze ist auf dem Dach')),
    ).toBe('de');
    expect(detectLanguage(wordsOf('Home News Sport'))).toBe('und');
  });

  it('should break a tie between languages by the stopword lists order', () => {
    // French and Spanish both list "la", "de" and "en" (5 hits each): French comes first.
    expect(detectLanguage(['la', 'de', 'en', 'la', 'de'])).toBe('fr');
    // Five hits, but fewer than 5% of the words: unknown.
    expect(detectLanguage([...'la de en la de'.split(' '), ...Array(100).fill('zzz')])).toBe('und');
  });

  it('should not take the prose of a language its stopword list covers thinly for chrome', () => {
    // Latin read with the nearest lists: a few shared small words (in, et, a) only.
    const latin = [
      'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.',
      'Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.',
      'Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur.',
      'Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.',
      'Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque laudantium, totam rem aperiam.',
    ];
    const page = pageSignals(readText(latin.join('\n')), undefined, lexicon);
    expect(page.blocks.every(isProse)).toBe(true);
    // A well-covered language keeps its measured densities.
    const english = pageSignals(
      readText(
        [
          'The council voted on Tuesday to reopen the library after a renovation that took two years.',
          'Residents who had campaigned for it gathered on the steps of the building in the morning.',
          'The library will open every day of the week, and its staff will run classes for children.',
          'Officials said that the old card catalogue has been moved to a museum across the street.',
          'Several of them said that they had waited for this day since the closure of the old building.',
        ].join('\n'),
      ),
      undefined,
      lexicon,
    );
    expect(english.language).toBe('en');
    const line = english.blocks[0]!;
    expect(line.stopwordDensity).toBeCloseTo(7 / 16, 2);
  });

  it('should take a long share bar for chrome by its phrases, not a paragraph that mentions sharing', () => {
    const bar = Array.from({ length: 8 }, (_, i) => `- Share this with Network${i} friends`).join(
      '\n',
    );
    const prose =
      'The council will share the cost of the renovation with the county, which agreed on Monday to pay for the new roof, the heating and the reading room, after months of talks about who should pay for what.';
    const page = pageSignals(readMarkdown(`${bar}\n\n${prose}\n`, new VFile()), undefined, lexicon);
    const [list, para] = page.blocks;
    expect(list!.words).toBeGreaterThan(25);
    expect(strongLexicon(list!)?.concept).toBe('share');
    expect(strongLexicon(para!)).toBeUndefined();
  });

  it('should count CJK words with the segmenter, not spaces', () => {
    const page = pageSignals(
      readText('東京都は新しい図書館を来年開館すると発表した。'),
      undefined,
      lexicon,
    );
    expect(page.blocks[0]!.words).toBeGreaterThan(5);
    expect(page.blocks[0]!.endsWithPunct).toBe(true);
  });

  it('should end a sentence at a wave dash or an emoji, not at a bare word or a number', () => {
    const ends = (line: string) =>
      pageSignals(readText(line), undefined, lexicon).blocks[0]!.endsWithPunct;
    expect(ends('This is the park where the air is filled with the scent of fall~')).toBe(true);
    expect(ends('We will make our culture known to the world 🙂')).toBe(true);
    expect(ends('The team prepared an outstanding show at the festival! 🙂')).toBe(true);
    expect(ends('Our thanks to everyone who came ❤️')).toBe(true);
    expect(ends('Performance Ticket Reservation')).toBe(false);
    expect(ends('Tickets from 40,000')).toBe(false);
  });

  it('should measure link density over all descendants and list shape', () => {
    const md =
      '- [Home](/)\n- [World **news**](/w)\n- [Sport](/s)\n\nA [short](/x) paragraph with one link in a longer sentence of prose.\n';
    const file = new VFile({ value: md });
    const page = pageSignals(readMarkdown(md, file), file, lexicon);
    const [list, para] = page.blocks;
    expect(list!.kind).toBe('list');
    expect(list!.items).toBe(3);
    expect(list!.linkDensity).toBe(1);
    expect(list!.markupOverhead).toBeGreaterThan(0.3);
    expect(para!.linkDensity).toBeGreaterThan(0);
    expect(para!.linkDensity).toBeLessThan(0.2);
  });

  it('should tell prose from chrome lines and count repeats', () => {
    const text = [
      'Share',
      'The council voted on Tuesday to reopen the library after a two-year renovation, officials said.',
      'Share',
    ].join('\n');
    const page = pageSignals(readText(text), undefined, lexicon);
    expect(isProse(page.blocks[1]!)).toBe(true);
    expect(isProse(page.blocks[0]!)).toBe(false);
    expect(page.blocks[0]!.repeats).toBe(2);
    expect(strongLexicon(page.blocks[0]!)?.concept).toBe('share');
    expect(strongLexicon(page.blocks[1]!)).toBeUndefined();
  });
});

describe('wordsOf', () => {
  const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
  // The segmenter in bounded pieces, as before the fast path.
  const reference = (text: string) =>
    [...segments(segmenter, text.toLowerCase())].filter((s) => s.isWordLike).map((s) => s.segment);

  it('should give the segmenter’s words on Latin text (fast path) and elsewhere', () => {
    for (const text of [
      "Don't say U.S. e.g. 3.5 or 1,200; it's 10:30, a:b, x.1, 1.x, l’été — “Ça va?” …",
      'Ünïcödé ÀÉÎÕÜ ßtraße naïve-café 4;5 foo_bar',
      'İstanbul ǅemal', // lowercasing leaves the fast path's characters
      '東京は晴れ。 Привет, мир!',
      `${'a'.repeat(3000)} b`,
      `${'word '.repeat(600)}end.`,
    ])
      expect(wordsOf(text)).toEqual(reference(text));
  });
});
