import type { Root } from 'mdast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/readers/text.js';
import { keep, mark } from '../shared/label.js';
import { blockText } from '../shared/text.js';
import { bestRun, remarkFindArticleRegion, streakPenalty } from './index.js';

const PROSE = [
  'The city council voted on Tuesday to reopen the central library after a renovation that took two years and cost more than expected.',
  'Officials said the building would keep its reading rooms, but the old card catalogue has been moved to a museum across the street.',
  'Residents who had campaigned for the reopening gathered on the steps, and several of them said they had waited for this day since the closure.',
  'The library will open every day of the week, and its staff will run reading classes for children and adults from next month.',
];

function run(lines: string[], options = {}) {
  const tree = readText(lines.join('\n'));
  const file = new VFile({ value: lines.join('\n') });
  unified().use(remarkFindArticleRegion, options).runSync(tree, file);
  const labelled = tree.children.filter((c) => c.data?.copydesk?.label).map((c) => blockText(c));
  return { tree: tree as Root, file, labelled };
}

describe('remark-find-article-region', () => {
  it('should label menu lines before and footer lines after the prose run', () => {
    const { labelled } = run([
      'Home',
      'World',
      'Business',
      'Sport',
      'Culture',
      'Sign in',
      ...PROSE,
      'Most read',
      'Five things to do this weekend',
      'A new bridge for the river',
      'About us',
      'Contact',
      '© 2024 Example Media',
    ]);
    expect(labelled).toContain('Home');
    expect(labelled).toContain('Sign in');
    expect(labelled).toContain('© 2024 Example Media');
    expect(labelled).toContain('Five things to do this weekend');
    for (const p of PROSE) expect(labelled).not.toContain(p);
  });

  it('should keep short in-article elements between prose (subheads, short lines)', () => {
    const { labelled } = run([
      'Menu',
      'News',
      PROSE[0]!,
      'A new chapter',
      PROSE[1]!,
      '“It is ours again.”',
      PROSE[2]!,
      PROSE[3]!,
      'Privacy policy',
    ]);
    expect(labelled).toEqual(['Menu', 'News', 'Privacy policy']);
  });

  it('should start the region after a repeated page title (the headline)', () => {
    const teaser =
      'Another story entirely, about the harbour, with enough words in it to read like a real paragraph of prose here.';
    const { labelled } = run([
      'Library reopens after two years | City Herald',
      teaser,
      'Library reopens after two years',
      'By Jane Doe',
      ...PROSE,
    ]);
    expect(labelled).toContain(teaser);
    for (const p of PROSE) expect(labelled).not.toContain(p);
  });

  it('should not label blocks that are kept or claimed by a role', () => {
    const tree = readText(['Home', 'News', ...PROSE, 'Contact'].join('\n'));
    keep(tree.children[0]!, 'test', 'kept by test');
    mark(tree.children[1]!).role = 'headline';
    unified().use(remarkFindArticleRegion).runSync(tree, new VFile());
    expect(tree.children[0]!.data?.copydesk?.label).toBeUndefined();
    expect(tree.children[1]!.data?.copydesk?.label).toBeUndefined();
    expect(tree.children.at(-1)!.data?.copydesk?.label?.ruleId).toBe('outside-article');
  });

  it('should mark a page without prose not_article and label nothing', () => {
    const { labelled, file } = run([
      'Home',
      'Latest',
      'A headline here',
      'Another headline there',
      'Third headline',
      'Contact',
    ]);
    expect(labelled).toEqual([]);
    expect(file.data.status).toBe('not_article');
    expect(file.data.statusReasons?.[0]).toMatch(/no run of prose/);
  });

  it('should give strong confidence to chrome and weak to prose outside the region', () => {
    const far =
      'This site is run by volunteers who write about the city every week, and they welcome letters from readers about anything at all.';
    const { tree } = run([
      ...PROSE,
      'Newsletter',
      'Sign up',
      'Facebook',
      'Twitter',
      'Home',
      'Contact',
      'Jobs',
      'Archive',
      far,
    ]);
    const byText = new Map(tree.children.map((c) => [blockText(c), c.data?.copydesk?.label]));
    expect(byText.get('Sign up')?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(byText.get(far)?.confidence).toBeLessThan(0.9);
  });

  it('should validate options', () => {
    expect(() => unified().use(remarkFindArticleRegion, { minRegionWords: -1 }).freeze()).toThrow(
      /minRegionWords/,
    );
  });

  it('should find the maximum-sum run and make long non-prose streaks costly', () => {
    expect(bestRun([-1, 2, 3, -1, 4, -9, 5])).toEqual({ start: 1, end: 4, sum: 8 });
    expect(bestRun([-1, -2])).toBeUndefined();
    expect(streakPenalty([-1, -1, -1, 2, -1])).toEqual([-1, -1.25, -1.5, 2, -1]);
  });
});
