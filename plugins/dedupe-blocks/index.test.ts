import { join } from 'node:path';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { fixtureCases, runFixture } from '../../tests/helpers/fixtures.js';
import { label } from '../shared/label.js';
import { remarkDedupeBlocks } from './index.js';

const dir = join(import.meta.dirname, 'fixtures');
const byName = (name: string) => fixtureCases(dir).find((f) => f.name === name)!;

/** A test detector: labels blocks starting with "Subscribe". */
const labelSubscribe = () => (tree: Root) => {
  for (const b of tree.children)
    if (
      b.type === 'paragraph' &&
      b.children[0]?.type === 'text' &&
      b.children[0].value.startsWith('Subscribe')
    )
      label(b, { ruleId: 'test', reason: 'test', confidence: 1 });
};

describe('remark-dedupe-blocks', () => {
  for (const c of fixtureCases(dir)) {
    it(`should match fixture ${c.name}`, async () => {
      const r = runFixture(c, [labelSubscribe, remarkDedupeBlocks]);
      await expect(r.markdown).toMatchFileSnapshot(join(c.dir, 'output.md'));
    });
  }

  it('should remove exact and near-exact repeats, pointing at the first copy', () => {
    const r = runFixture(byName('removes-repeats'), [remarkDedupeBlocks]);
    expect(r.messages.map((m) => [m.line, m.reason])).toEqual([
      [3, 'repeats an earlier block'],
      [4, 'nearly repeats an earlier block'],
    ]);
    expect(r.markdown).toContain('the younger crowd');
    const msg = r.file.messages.find((m) => m.line === 3)!;
    expect(msg.note).toBe('first copy at line 1');
  });

  it('should keep short repeated lines (not its job)', () => {
    const r = runFixture(byName('removes-repeats'), [remarkDedupeBlocks]);
    expect(r.markdown.match(/Short line/g)).toHaveLength(2);
  });

  it('should not count a block being removed as the first copy', () => {
    const r = runFixture(byName('keeps-boilerplate-twin-of-article'), [
      labelSubscribe,
      remarkDedupeBlocks,
    ]);
    expect(r.messages.map((m) => m.ruleId)).toEqual(['test']);
    expect(r.markdown).toContain('The council approved the new cycling plan');
  });

  it('should keep the copy that stands in running text when a teaser repeats it', () => {
    const r = runFixture(byName('keeps-the-copy-in-running-text'), [remarkDedupeBlocks]);
    // Line 2 (a standfirst between the title and the byline) goes, line 7 (in the article) stays.
    expect(r.messages.map((m) => [m.line, m.reason])).toEqual([
      [2, 'repeated later inside the running text'],
    ]);
    const lines = r.markdown.split('\n\n');
    expect(
      lines.indexOf(
        'The central library reopened on Tuesday after a renovation that took two years and cost more than expected.',
      ),
    ).toBe(5);
  });

  it('should leave repeated code alone (tutorials run the same command twice)', () => {
    const c = {
      ...byName('removes-repeats'),
      input:
        '```sh\nhg pull -u && hg update --clean default\n```\n\nThen again:\n\n```sh\nhg pull -u && hg update --clean default\n```\n',
      inputPath: 'x.md',
    };
    const r = runFixture(c, [remarkDedupeBlocks]);
    expect(r.messages).toEqual([]);
  });

  it('should reject a bad similarity', () => {
    const c = { name: 'x', dir, inputPath: 'x.txt', input: 'x\n' };
    expect(() => runFixture(c, [[remarkDedupeBlocks, { similarity: 2 }]])).toThrow(/similarity/);
  });
});
