/** The "Write a plugin" example of docs/library.md works with the exported helpers. */
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { type Plugin, unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { isFree, isRemoval, label, remarkPrune } from '../plugins/index.js';

const remarkStripDonate: Plugin<[], Root> = () => (tree) => {
  for (const block of tree.children)
    if (isFree(block) && JSON.stringify(block).toLowerCase().includes('donate'))
      label(block, { ruleId: 'strip-donate', reason: 'donation appeal', confidence: 0.8 });
};

describe('a plugin written with the exported helpers', () => {
  it('should have its labelled blocks removed and recorded by prune', async () => {
    const file = await unified()
      .use(remarkParse)
      .use(remarkStripDonate)
      .use(remarkPrune)
      .use(remarkStringify)
      .process('The story.\n\nPlease donate to keep us going.\n\nThe end.\n');
    expect(String(file)).toBe('The story.\n\nThe end.\n');
    const removal = file.messages.find(isRemoval)!;
    expect([removal.ruleId, removal.reason, removal.actual]).toEqual([
      'strip-donate',
      'donation appeal',
      'Please donate to keep us going.',
    ]);
  });
});
