/** `settle`: clean again until nothing changes; later passes' removals join the record. */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { isRemoval } from '../plugins/shared/messages.js';
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
