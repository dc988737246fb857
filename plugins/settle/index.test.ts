import type { Paragraph, Root } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import { type Plugin, unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkPrune } from '../prune/index.js';
import { isFree, label } from '../shared/label.js';
import { isRemoval } from '../shared/messages.js';
import { remarkSettle } from './index.js';

function para(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value: text }] };
}

function page(...texts: string[]): Root {
  return { type: 'root', children: texts.map(para) };
}

/** A toy neighbour-dependent detector: labels the last block when it is short (a trailing line). */
const stripShortLast: Plugin<[{ confidence: number }], Root> =
  ({ confidence }) =>
  (tree) => {
    const last = tree.children.at(-1);
    if (last && isFree(last) && mdToString(last).length < 12)
      label(last, { ruleId: 'short-last', reason: 'short last line', confidence });
  };

function settle(tree: Root, confidence: number, options: object = {}) {
  const file = new VFile();
  unified()
    .use(remarkSettle, {
      detect: [[stripShortLast, { confidence }]],
      remove: [remarkPrune],
      ...options,
    })
    .runSync(tree, file);
  return { texts: tree.children.map((c) => mdToString(c)), file };
}

describe('remarkSettle', () => {
  it('should re-run the round on the pruned tree until a round removes nothing', () => {
    const { texts, file } = settle(page('A long first paragraph.', 'two', 'one'), 0.9);
    expect(texts).toEqual(['A long first paragraph.']);
    const removed = file.messages.filter(isRemoval);
    expect(removed.map((m) => [m.ruleId, m.reason, m.actual])).toEqual([
      ['short-last', 'short last line (round 2)', 'one'],
      ['short-last', 'short last line (round 3)', 'two'],
    ]);
  });

  it('should tidy only after a round that removed something', () => {
    let tidied = 0;
    const count: Plugin<[], Root> = () => () => {
      tidied++;
    };
    settle(page('A long first paragraph.', 'one'), 0.9, { tidy: [count] });
    expect(tidied).toBe(1);
    settle(page('A long first paragraph.'), 0.9, { tidy: [count] });
    expect(tidied).toBe(1);
  });

  it('should stop after maxRounds rounds', () => {
    const { texts } = settle(page('A long first paragraph.', 'b', 'a', 'z'), 0.9, {
      maxRounds: 1,
    });
    expect(texts).toEqual(['A long first paragraph.', 'b', 'a']);
  });

  it('should not let a later round remove on a label below minConfidence', () => {
    const { texts, file } = settle(page('A long first paragraph.', 'one'), 0.6);
    expect(texts).toEqual(['A long first paragraph.', 'one']);
    expect(file.messages.filter(isRemoval)).toEqual([]);
    const strong = settle(page('A long first paragraph.', 'one'), 0.6, { minConfidence: 0.5 });
    expect(strong.texts).toEqual(['A long first paragraph.']);
  });

  it('should keep the status the first round set', () => {
    const setsStatus: Plugin<[], Root> = () => (_tree, file) => {
      file.data.status = 'not_article';
      file.data.statusReasons = ['from a later round'];
    };
    const file = new VFile();
    file.data.status = 'ok';
    file.data.statusReasons = [];
    unified()
      .use(remarkSettle, { detect: [setsStatus], remove: [remarkPrune] })
      .runSync(page('A long first paragraph.'), file);
    expect(file.data.status).toBe('ok');
    expect(file.data.statusReasons).toEqual([]);
  });

  it('should refuse a missing round or a bad option', () => {
    // @ts-expect-error: detect and remove are required
    expect(() => unified().use(remarkSettle, {}).freeze()).toThrow(/detect/);
    expect(() =>
      unified()
        .use(remarkSettle, { detect: [], remove: [remarkPrune], maxRounds: -1 })
        .freeze(),
    ).toThrow(/maxRounds/);
  });
});
