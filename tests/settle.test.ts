/** `settle`: clean again until nothing changes; later passes' removals join the record. */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { isRemoval } from '../plugins/shared/messages.js';
import { Cleaner, clean } from '../src/clean.js';
import { resolveOptions } from '../src/options.js';
import { presetPlugins } from '../src/pipeline.js';
import { MAX_PASSES, type Pass, settle } from '../src/settle.js';

function pass(markdown: string, removed?: string): Pass {
  const file = new VFile();
  file.data.meta = { authors: [] };
  if (removed) {
    const m = file.info('short non-prose line', { ruleId: 'outside-article', source: 'copydesk' });
    m.actual = removed;
    m.expected = [];
  }
  return { markdown, file };
}

describe('settle', () => {
  it('should return the first pass when cleaning it again changes nothing', () => {
    const first = pass('# T\n\nBody.\n');
    let calls = 0;
    const out = settle(first, (md) => {
      calls++;
      return pass(md);
    });
    expect(out).toBe(first);
    expect(calls).toBe(1);
  });

  it('should keep cleaning until a fixed point and record what later passes removed', () => {
    const first = pass('# T\n\nMenu\n\nBody.\n');
    const out = settle(first, (md) =>
      md.includes('Menu') ? pass('# T\n\nBody.\n', 'Menu') : pass(md),
    );
    expect(out.markdown).toBe('# T\n\nBody.\n');
    const removals = out.file.messages.filter(isRemoval);
    expect(removals.map((m) => [m.ruleId, m.reason, m.actual])).toEqual([
      ['outside-article', 'short non-prose line (pass 2)', 'Menu'],
    ]);
  });

  it('should stop after MAX_PASSES even if the output keeps changing', () => {
    let n = 0;
    const out = settle(pass('x0\n'), () => pass(`x${++n}\n`));
    expect(n).toBe(MAX_PASSES - 1);
    expect(out.markdown).toBe(`x${MAX_PASSES - 1}\n`);
  });
});

describe('the settle variant of the preset', () => {
  const names = (variant: { settle?: boolean }, quotes?: 'auto') =>
    presetPlugins(resolveOptions(quotes ? { quotes } : {}), variant).map(
      (p) => (Array.isArray(p) ? p[0] : p) as { name: string },
    );

  it('should leave out the plugins that only set metadata kept from the first pass', () => {
    const all = names({}).map((f) => f.name);
    const later = names({ settle: true }).map((f) => f.name);
    expect(all.filter((n) => !later.includes(n))).toEqual([
      'remarkExtractLanguage',
      'remarkExtractSources',
      'remarkExtractQuotes',
    ]);
  });

  it('should keep the language detector when `quotes: auto` reads the language', () => {
    expect(names({ settle: true }, 'auto').map((f) => f.name)).toContain('remarkExtractLanguage');
  });

  it('should report the sources, quotes and language the first pass found', () => {
    const page = [
      'Share this',
      '',
      'Menu',
      '',
      'The council approved the budget on Tuesday, CBS News reports, after a long debate about the new library and its opening hours in the city.',
      '',
      '“We have waited a long time for this,” said Maria Lopez, who leads the library board and spoke at the meeting on Tuesday evening.',
    ].join('\n');
    const once = new Cleaner().cleanOnce(page, { from: 'text' });
    const settled = clean(page, { from: 'text' });
    expect(settled.metadata.sources.map((x) => x.name)).toEqual(['CBS News', 'Maria Lopez']);
    expect(settled.metadata.sources).toEqual(once.metadata.sources);
    expect(settled.metadata.quotes).toEqual(once.metadata.quotes);
    expect(settled.metadata.language).toBe(once.metadata.language);
  });
});
