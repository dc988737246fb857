import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCases, runFixture } from '../../tests/helpers/fixtures.js';
import { findQuotations } from '../shared/attribution.js';
import { remarkExtractQuotes } from './index.js';

const seedDir = join(import.meta.dirname, '..', 'extract-sources', 'fixtures');
const seed = fixtureCases(seedDir).find((f) => f.name === 'seed-body')!;
const text = (input: string) => ({ name: 'x', dir: seedDir, inputPath: 'x.txt', input });

describe('remark-extract-quotes', () => {
  it('should attribute the seed’s quotations to Kim, Putin, Andrei Lankov and the outlets', () => {
    const quotes = runFixture(seed, [remarkExtractQuotes]).file.data.quotes!;
    const speakerOf = (start: string) => quotes.find((q) => q.text.startsWith(start))?.speaker;
    expect(speakerOf('very meaningful one-on-one')).toBe('Kim');
    expect(speakerOf('satisfied with the results')).toBe('Putin');
    expect(speakerOf('based on the old logic')).toBe('Andrei Lankov');
    expect(speakerOf('a long wish list')).toBe('CBS News');
    expect(speakerOf('the Kremlin has long sought')).toBe('The Independent');
    expect(speakerOf('Moscow is interested')).toBe('Sky News');
    // "the broadcaster reports" → the BBC, and the next sentence's quotation continues it
    expect(speakerOf('With weakened ideological ties')).toBe('BBC');
    expect(speakerOf('And as a regular trading partner')).toBe('BBC');
    expect(speakerOf('Meanwhile, tens of thousands')).toBe('Deutsche Welle');
    expect(speakerOf('while the meeting is an important gesture')).toBe('Andrew Roth');
    expect(speakerOf('has a lot on his plate')).toBe('CBS');
  });

  it('should keep nested quotations inside the outer one and give paragraph and line', () => {
    const quotes = runFixture(seed, [remarkExtractQuotes]).file.data.quotes!;
    const q = quotes.find((x) => x.text.startsWith('the Kremlin has long sought'))!;
    expect(q.text).toContain('‘desperate to be considered');
    expect(q.paragraph).toBe(6);
    expect(q.line).toBe(7);
    expect(quotes.some((x) => x.text.startsWith('desperate'))).toBe(false);
  });

  it('should skip names in quotation marks and leave unattributed quotations without a speaker', () => {
    const quotes = runFixture(
      text(
        'The “Belt and Road” initiative could be lucrative.\n“We will never give up on this town and its people,” read a banner over the square.\n',
      ),
      [remarkExtractQuotes],
    ).file.data.quotes!;
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.speaker).toBeUndefined();
    expect(quotes[0]!.paragraph).toBe(1);
  });

  it('should read straight, French and German marks', () => {
    expect(findQuotations('He said "we are done here" and left.').map((q) => q.text)).toEqual([
      'we are done here',
    ]);
    expect(findQuotations('Il a dit « nous avons fini » hier.').map((q) => q.text)).toEqual([
      'nous avons fini',
    ]);
    expect(findQuotations('Er sagte „wir sind fertig“ gestern.').map((q) => q.text)).toEqual([
      'wir sind fertig',
    ]);
    expect(findQuotations('It’s the students’ union, isn’t it?')).toEqual([]);
    expect(findQuotations('‘We are not leaving,’ she said.').map((q) => q.text)).toEqual([
      'We are not leaving,',
    ]);
  });
});

describe('remark-extract-quotes: other languages', () => {
  it('should attribute French and German quotations', () => {
    const quotes = runFixture(
      text(
        '« Nous avons pris nos responsabilités ce soir », a déclaré Anne Hidalgo devant le conseil.\nDer Minister sagte: „Wir werden die Steuern nicht erhöhen.“ Das sagte Olaf Scholz am Montag.\n',
      ),
      [remarkExtractQuotes],
    ).file.data.quotes!;
    expect(quotes[0]).toMatchObject({
      text: 'Nous avons pris nos responsabilités ce soir',
      speaker: 'Anne Hidalgo',
    });
    expect(quotes[1]?.text).toBe('Wir werden die Steuern nicht erhöhen.');
  });
});
