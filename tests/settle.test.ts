/** Idempotent without cleaning twice: the preset settles on the tree (`plugins/settle`). */
import { describe, expect, it, vi } from 'vitest';
import { Cleaner } from '../src/clean.js';
import { resolveOptions } from '../src/options.js';
import { presetPlugins } from '../src/pipeline.js';

const PROSE = [
  'The council approved the budget on Tuesday after a long debate about the new library and its opening hours in the city centre.',
  'Residents who spoke at the meeting were divided on the plan, and several asked how the building would be heated in winter.',
  'The library is due to open next spring, the council said, once the work on the roof and the heating has been finished.',
];

/** A dump with a menu above the article and share lines, a related list and a footer below it. */
const PAGE = [
  'Home',
  'News',
  'Sport',
  'Weather',
  'Contact',
  '',
  PROSE[0],
  '',
  'Photo: archive',
  '',
  PROSE[1],
  '',
  PROSE[2],
  '',
  'Tags',
  '',
  'Share',
  '',
  'Related',
  '- One story here',
  '- Another story here',
  '- A third story',
  '',
  'Copyright 2024',
].join('\n');

describe('settling on the tree', () => {
  it('should run the preset once per document', () => {
    const cleaner = new Cleaner({ from: 'text' });
    const run = vi.spyOn(cleaner.processor, 'runSync');
    const result = cleaner.clean(PAGE);
    expect(run).toHaveBeenCalledTimes(1);
    expect(result.markdown).toBe(`${PROSE.join('\n\n')}\n`);
  });

  it('should give output that cleaning again leaves as it is', () => {
    const once = new Cleaner({ from: 'text' }).clean(PAGE);
    const again = new Cleaner({ from: 'markdown' }).clean(once.markdown);
    expect(again.markdown).toBe(once.markdown);
    expect(again.metadata.removed).toEqual([]);
  });

  it('should re-run the region, the block classifier, the keep rule and dedupe after prune', () => {
    const names = presetPlugins(resolveOptions({})).map(
      (p) => ((Array.isArray(p) ? p[0] : p) as { name: string }).name,
    );
    const prune = names.indexOf('remarkPrune');
    const settle = names.indexOf('remarkSettle');
    expect(settle).toBeGreaterThan(prune);
    expect(names.indexOf('remarkStripStrayBreaks')).toBeLessThan(settle);
    expect(names.indexOf('remarkAssemble')).toBeGreaterThan(settle);
  });
});
