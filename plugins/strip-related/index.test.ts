import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCases, runFixture } from '../../tests/helpers/fixtures.js';
import { remarkStripRelated } from './index.js';
import { splitKickers } from './kicker.js';

const dir = join(import.meta.dirname, 'fixtures');
const byName = (name: string) => fixtureCases(dir).find((f) => f.name === name)!;

describe('remark-strip-related', () => {
  for (const c of fixtureCases(dir)) {
    it(`should match fixture ${c.name}`, async () => {
      const r = runFixture(c, [remarkStripRelated]);
      await expect(r.markdown).toMatchFileSnapshot(join(c.dir, 'output.md'));
      await expect(
        `${JSON.stringify({ removed: r.messages, related: r.file.data.related }, null, 2)}\n`,
      ).toMatchFileSnapshot(join(c.dir, 'messages.json'));
    });
  }

  it('should take a separator-delimited card list out and keep its items', () => {
    const r = runFixture(byName('card-list-with-separators'), [remarkStripRelated]);
    expect(r.messages.map((m) => m.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    const related = r.file.data.related!;
    expect(related.map((i) => i.title)).toEqual([
      'Ten walks within an hour of the city',
      'Is the new stadium worth the money?',
      'How the tram network was saved',
    ]);
    expect(related.map((i) => i.kicker)).toEqual([
      'Weekend Guide',
      'Big Question',
      'Weekend Guide',
    ]);
    expect(related[0]!.dek).toBe('Forests, cliffs and a lighthouse you can reach by train');
    expect(related[0]!.authors).toEqual(['Ana Duarte']);
    expect(related[0]!.publication).toBe('Harbour Times');
    expect(related[1]!.authors).toEqual([]);
    expect(related[2]!.authors).toEqual(
      ['Liam O’Neill', 'Ana Duarte'].map((n) => n.replace('’', "'")),
    );
  });

  it('should find cards that each end in a byline', () => {
    const r = runFixture(byName('cards-ending-in-bylines'), [remarkStripRelated]);
    expect(r.messages.map((m) => m.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(r.file.data.related!.map((i) => i.authors)).toEqual([
      ['Sam Rivera'],
      ['Jo Park', 'Lee Chan'],
      ['Sam Rivera'],
    ]);
  });

  it('should take a list under a related heading with its links', () => {
    const r = runFixture(byName('headed-link-list'), [remarkStripRelated]);
    expect(r.markdown).not.toContain('Read more');
    expect(r.file.data.related!.map((i) => i.url)).toEqual([
      'https://example.org/night-buses',
      'https://example.org/ticket-machines',
      'https://example.org/car-parks',
    ]);
  });

  it('should keep a real list in the body', () => {
    const r = runFixture(byName('keeps-list-in-body'), [remarkStripRelated]);
    expect(r.messages).toEqual([]);
    expect(r.file.data.related).toEqual([]);
  });

  it('should split kickers only when cards share them', () => {
    expect(
      splitKickers([
        'Speed Read Mark Rutte said',
        'Speed Read Ukraine posted',
        'Talking Point Steering clear',
      ]),
    ).toEqual([
      { kicker: 'Speed Read', dek: 'Mark Rutte said' },
      { kicker: 'Speed Read', dek: 'Ukraine posted' },
      { kicker: 'Talking Point', dek: 'Steering clear' },
    ]);
    expect(splitKickers(['Ministers met on Monday', 'Rain is expected'])).toEqual([
      { dek: 'Ministers met on Monday' },
      { dek: 'Rain is expected' },
    ]);
  });
});
