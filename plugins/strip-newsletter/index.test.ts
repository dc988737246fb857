import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCases, runFixture } from '../../tests/helpers/fixtures.js';
import { remarkStripNewsletter } from './index.js';

const dir = join(import.meta.dirname, 'fixtures');

describe('remark-strip-newsletter', () => {
  for (const c of fixtureCases(dir)) {
    it(`should match fixture ${c.name}`, async () => {
      const r = runFixture(c, [remarkStripNewsletter]);
      await expect(r.markdown).toMatchFileSnapshot(join(c.dir, 'output.md'));
      await expect(`${JSON.stringify(r.messages, null, 2)}\n`).toMatchFileSnapshot(
        join(c.dir, 'messages.json'),
      );
    });
  }

  it('should remove a call to action and the blurb that sells it', () => {
    const c = fixtureCases(dir).find((f) => f.name === 'removes-cta-and-blurb')!;
    const r = runFixture(c, [remarkStripNewsletter]);
    expect(r.messages.map((m) => m.line)).toEqual([2, 3, 5]);
    expect(r.messages.every((m) => m.ruleId === 'strip-newsletter')).toBe(true);
    expect(r.markdown).toContain('The council approved the budget');
    expect(r.markdown).toContain('The mayor is expected');
  });

  it('should take the box title and blurb above a Subscribe line, not article prose above a CTA', () => {
    const c = fixtureCases(dir).find((f) => f.name === 'removes-box-title-and-blurb-before-cta')!;
    const r = runFixture(c, [remarkStripNewsletter]);
    expect(r.messages.map((m) => [m.line, m.reason])).toEqual([
      [3, 'newsletter or subscription call to action'],
      [4, 'title of a sign-up box'],
      [5, 'promotional blurb of a sign-up call to action'],
      [6, 'newsletter or subscription call to action'],
    ]);
    expect(r.markdown).toContain('If you get a chance to visit');
  });

  it('should keep article paragraphs that report on newsletters', () => {
    const c = fixtureCases(dir).find((f) => f.name === 'keeps-article-about-newsletters')!;
    const r = runFixture(c, [remarkStripNewsletter]);
    expect(r.messages).toEqual([]);
  });

  it('should recognise calls to action in other languages', () => {
    const c = fixtureCases(dir).find((f) => f.name === 'removes-non-english-cta')!;
    const r = runFixture(c, [remarkStripNewsletter]);
    expect(r.messages.map((m) => m.line)).toEqual([2, 3]);
  });

  it('should take extra phrases from options', () => {
    const c = {
      name: 'extra',
      dir,
      inputPath: 'x.txt',
      input:
        'A long article sentence that goes on for quite a while, as articles do.\nJoin the Inner Circle today\n',
    };
    expect(runFixture(c, [remarkStripNewsletter]).messages).toEqual([]);
    expect(
      runFixture(c, [[remarkStripNewsletter, { phrases: ['inner circle'] }]]).messages,
    ).toHaveLength(1);
  });

  it('should reject a bad maxWords at attach time', () => {
    const c = { name: 'x', dir, inputPath: 'x.txt', input: 'x\n' };
    expect(() => runFixture(c, [[remarkStripNewsletter, { maxWords: 0 }]])).toThrow(/maxWords/);
  });
});
