import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCases, runFixture } from '../../tests/helpers/fixtures.js';
import { remarkAssemble } from '../assemble/index.js';
import { remarkDetectHeadline } from './index.js';

const dir = join(import.meta.dirname, 'fixtures');
const byName = (name: string) => fixtureCases(dir).find((f) => f.name === name)!;

describe('remark-detect-headline', () => {
  for (const c of fixtureCases(dir)) {
    it(`should match fixture ${c.name}`, async () => {
      const r = runFixture(c, [remarkDetectHeadline, remarkAssemble]);
      await expect(r.markdown).toMatchFileSnapshot(join(c.dir, 'output.md'));
    });
  }

  it('should find the headline and dek below a menu in a text dump', () => {
    const r = runFixture(byName('text-dump-with-menu'), [remarkDetectHeadline]);
    expect(r.file.data.meta!.title).toBe(
      'River levels fall as flood warnings are lifted across the valley',
    );
    expect(r.file.data.meta!.dek).toBe(
      'Residents begin clearing homes after the wettest week on record',
    );
  });

  it('should take a level-1 heading and the line under it', () => {
    const r = runFixture(byName('markdown-heading'), [remarkDetectHeadline]);
    expect(r.file.data.meta!.title).toBe('Rail fares to rise by 4.6% in March');
    expect(r.file.data.meta!.dek).toBe(
      'Season tickets will cost up to £250 more a year for some commuters.',
    );
  });

  it('should not take an exclamation under the headline for the dek', () => {
    const c = byName('markdown-heading');
    const exclaim = {
      ...c,
      input:
        '# Festival opens in the park\n\nThe reason we came to the park this morning!\n\nThe festival opened on Tuesday with dances and drums, and crowds filled the park until late in the evening.\n',
    };
    expect(runFixture(exclaim, [remarkDetectHeadline]).file.data.meta!.dek).toBeUndefined();
    const emoji = { ...exclaim, input: exclaim.input.replace('this morning!', 'this morning 🙂') };
    expect(runFixture(emoji, [remarkDetectHeadline]).file.data.meta!.dek).toBeUndefined();
    const plain = { ...exclaim, input: exclaim.input.replace('this morning!', 'this morning.') };
    expect(runFixture(plain, [remarkDetectHeadline]).file.data.meta!.dek).toBe(
      'The reason we came to the park this morning.',
    );
  });

  it('should prefer the block that matches the HTML title', () => {
    const c = {
      name: 'html',
      dir,
      inputPath: 'x.html',
      input:
        '<html><head><meta property="og:title" content="Storm closes the harbour"></head><body><h1>City News</h1><p>Latest</p><h2>Storm closes the harbour</h2><p>The harbour was closed on Monday as winds reached 90 miles an hour, the coastguard said in a statement.</p><p>Ferries to the islands were cancelled for the rest of the day and most of Tuesday, the operator said.</p></body></html>',
    };
    const r = runFixture(c, [remarkDetectHeadline]);
    expect(r.file.data.meta!.title).toBe('Storm closes the harbour');
  });

  it('should pass over chrome lines and gallery counters', () => {
    const r = runFixture(byName('skips-chrome-lines'), [remarkDetectHeadline]);
    expect(r.file.data.meta!.title).toBe('Ferry timetable cut as fuel costs rise');
  });

  it('should not invent a headline from prose', () => {
    const r = runFixture(byName('no-headline-in-prose'), [remarkDetectHeadline]);
    expect(r.file.data.meta!.title).toBeUndefined();
    expect(r.file.messages.map((m) => m.ruleId)).toContain('detect-headline');
  });
});
