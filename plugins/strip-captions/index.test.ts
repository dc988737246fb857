import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCases, runFixture } from '../../tests/helpers/fixtures.js';
import { captionEvidence, remarkStripCaptions } from './index.js';

const dir = join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => fixtureCases(dir).find((f) => f.name === name)!;

describe('remark-strip-captions', () => {
  for (const c of fixtureCases(dir)) {
    it(`should match fixture ${c.name}`, async () => {
      const r = runFixture(c, [remarkStripCaptions]);
      await expect(r.markdown).toMatchFileSnapshot(join(c.dir, 'output.md'));
      await expect(`${JSON.stringify(r.messages, null, 2)}\n`).toMatchFileSnapshot(
        join(c.dir, 'messages.json'),
      );
    });
  }

  it('should remove captions and credit lines and keep the article around them', () => {
    const r = runFixture(fixture('removes-captions-and-credits'), [remarkStripCaptions]);
    expect(r.messages.map((m) => m.line)).toEqual([2, 3, 4, 6, 7, 8, 10, 11]);
    expect(r.messages.every((m) => m.ruleId === 'caption')).toBe(true);
    expect(r.markdown).toContain('voted on Tuesday');
    expect(r.markdown).toContain('open every day of the week');
  });

  it('should keep prose that mentions photos, agencies or credits', () => {
    const r = runFixture(fixture('keeps-prose-about-photos'), [remarkStripCaptions]);
    expect(r.messages).toEqual([]);
  });

  it('should name its evidence', () => {
    expect(captionEvidence('Photo: Jane Doe')).toBe('starts with a picture credit');
    expect(captionEvidence('The room on Monday. (Image credit: Example)')).toBe(
      'ends with a picture credit',
    );
    expect(captionEvidence('A crowd outside. (AP Photo/Jane Doe)')).toBe('names a wire photo');
    expect(captionEvidence('Jane Doe | Getty Images')).toBe('ends with a photo agency');
    expect(captionEvidence('Image 3 of 9')).toBe('a gallery counter');
    expect(captionEvidence('Media caption The minister speaking on Monday')).toBe(
      'a caption or copyright label',
    );
    expect(captionEvidence('Media playback is unsupported on your device')).toBe(
      'a media player placeholder',
    );
    expect(captionEvidence('Photos and videos from the day were shared widely online.')).toBe(
      undefined,
    );
    expect(captionEvidence('He worked for AP for ten years before joining the paper.')).toBe(
      undefined,
    );
  });

  it('should reject invalid options', () => {
    expect(() =>
      runFixture(fixture('keeps-prose-about-photos'), [[remarkStripCaptions, { maxWords: 0 }]]),
    ).toThrow(/maxWords/);
    expect(() =>
      runFixture(fixture('keeps-prose-about-photos'), [[remarkStripCaptions, { confidence: 2 }]]),
    ).toThrow(/confidence/);
  });
});
