import { join } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { fixtureCases, runFixture } from '../../tests/helpers/fixtures.js';
import { bioEvidence, remarkStripAuthorBio } from './index.js';

const dir = join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => fixtureCases(dir).find((f) => f.name === name)!;

/** The byline detector's result, as `detect-byline` would leave it. */
const authors = (names: string[]) => () => (_tree: Root, file: VFile) => {
  file.data.meta = { ...(file.data.meta ?? {}), authors: names };
};

describe('remark-strip-author-bio', () => {
  for (const c of fixtureCases(dir)) {
    it(`should match fixture ${c.name}`, async () => {
      const r = runFixture(c, [authors(['Jane Doe']), remarkStripAuthorBio]);
      await expect(r.markdown).toMatchFileSnapshot(join(c.dir, 'output.md'));
      await expect(`${JSON.stringify(r.messages, null, 2)}\n`).toMatchFileSnapshot(
        join(c.dir, 'messages.json'),
      );
    });
  }

  it('should remove the credit line and the author bio at the end', () => {
    const r = runFixture(fixture('removes-bio-and-credits'), [
      authors(['Jane Doe']),
      remarkStripAuthorBio,
    ]);
    expect(r.messages.map((m) => m.line)).toEqual([6, 7]);
    expect(r.messages.every((m) => m.ruleId === 'author-bio')).toBe(true);
    expect(r.markdown).toContain('since the library closed.');
  });

  it('should keep a paragraph of the story that names the author early in the article', () => {
    const r = runFixture(fixture('keeps-author-named-in-story'), [
      authors(['Jane Doe']),
      remarkStripAuthorBio,
    ]);
    expect(r.messages).toEqual([]);
  });

  it('should need the author’s name for a bio, not any name', () => {
    const bio = 'John Roe is a senior reporter at the Daily Example.';
    expect(bioEvidence(bio, ['Jane Doe'])).toBeUndefined();
    expect(bioEvidence(bio, ['John Roe'])).toBe('introduces the author (John Roe)');
    expect(bioEvidence('John Roe said the council had no choice.', ['John Roe'])).toBeUndefined();
    expect(
      bioEvidence('Associated Press writers Ann Lee and Bo Chan contributed to this report.', []),
    ).toBe('a credit line');
  });

  it('should reject invalid options', () => {
    const c = fixture('keeps-author-named-in-story');
    expect(() => runFixture(c, [[remarkStripAuthorBio, { maxWords: 0 }]])).toThrow(/maxWords/);
    expect(() => runFixture(c, [[remarkStripAuthorBio, { maxProseAfter: -1 }]])).toThrow(
      /maxProseAfter/,
    );
  });
});
