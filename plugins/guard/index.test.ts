import type { Root } from 'mdast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/readers/text.js';
import { label } from '../shared/label.js';
import { remarkGuard } from './index.js';

const text = [
  'First paragraph of the article with a fair number of words in it.',
  'Second paragraph of the article, also with a fair number of words.',
  'Home',
].join('\n');

function guard(tree: Root, file = new VFile(), options = {}) {
  unified().use(remarkGuard, options).runSync(tree, file);
  return file;
}

describe('remark-guard', () => {
  it('should set status ok when little is removed', () => {
    const tree = readText(text);
    label(tree.children[2]!, { ruleId: 'x', reason: 'menu', confidence: 0.7 });
    const file = guard(tree);
    expect(file.data.status).toBe('ok');
    expect(tree.children[2]!.data?.copydesk?.label).toBeDefined();
  });

  it('should drop weak labels removing more than the share and mark low_confidence', () => {
    const tree = readText(text);
    for (const c of tree.children) label(c, { ruleId: 'x', reason: 'weak', confidence: 0.6 });
    const file = guard(tree);
    expect(file.data.status).toBe('low_confidence');
    expect(tree.children.every((c) => !c.data?.copydesk?.label)).toBe(true);
    expect(file.messages.map((m) => m.ruleId)).toEqual(['guard']);
    expect(file.data.statusReasons?.[0]).toMatch(/100% of the page's words/);
  });

  it('should keep strong labels even past the share, and report empty', () => {
    const tree = readText(text);
    for (const c of tree.children) label(c, { ruleId: 'x', reason: 'strong', confidence: 0.95 });
    const file = guard(tree);
    expect(file.data.status).toBe('empty');
    expect(tree.children.every((c) => c.data?.copydesk?.label)).toBe(true);
  });

  it('should honour maxRemovedShare and ignore kept blocks', () => {
    const tree = readText(text);
    label(tree.children[0]!, { ruleId: 'x', reason: 'weak', confidence: 0.6 });
    expect(guard(tree, new VFile(), { maxRemovedShare: 0.3 }).data.status).toBe('low_confidence');
  });

  it('should keep a not_article status set by a detector', () => {
    const file = new VFile();
    file.data.status = 'not_article';
    file.data.statusReasons = ['no prose'];
    guard(readText(text), file);
    expect(file.data.status).toBe('not_article');
    expect(file.data.statusReasons).toEqual(['no prose']);
  });

  it('should validate options', () => {
    expect(() => unified().use(remarkGuard, { maxRemovedShare: 0 }).freeze()).toThrow(
      /maxRemovedShare/,
    );
    expect(() => unified().use(remarkGuard, { strongConfidence: 2 }).freeze()).toThrow(
      /strongConfidence/,
    );
  });
});
