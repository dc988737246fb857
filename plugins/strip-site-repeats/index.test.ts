import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/readers/text.js';
import { blockText } from '../shared/text.js';
import { collectBlockKeys, countSiteRepeats, remarkStripSiteRepeats } from './index.js';

const chrome = ['Subscribe to the Harbour Gazette', 'Home', '© 2024 Harbour Gazette'];
const page = (body: string, extra: string[] = []) => [...chrome, body, ...extra].join('\n');
const pages = [
  page('A story about the quay and the boats that moor there every summer.', [
    'Updated 3 hours ago',
  ]),
  page('A story about the market, which opens on Saturdays in the square.', [
    'Updated 5 hours ago',
  ]),
  page('A story about the school play, which sold out in two days.'),
  page('A story about the bakery on the corner and its famous bread.'),
];

describe('remark-strip-site-repeats', () => {
  const repeats = countSiteRepeats(pages.map((p) => collectBlockKeys(readText(p))));

  it('should count each exact key once per page, numbers kept', () => {
    expect(repeats.pages).toBe(4);
    expect(repeats.counts.get('home')).toBe(4);
    expect(repeats.counts.get('updated 3 hours ago')).toBe(1);
    expect(repeats.counts.get('updated 0 hours ago')).toBeUndefined();
  });

  it('should not take sentences that differ only in their numbers for a template block', () => {
    const market = (n: string) =>
      page(`Markets report number ${n.slice(-2)} of the week.`, [
        `The Dow closed at ${n} points on Friday.`,
      ]);
    const stories = ['34000', '34120', '33980', '34210'].map(market);
    const counts = countSiteRepeats(stories.map((p) => collectBlockKeys(readText(p))));
    const tree = readText(stories[0]!);
    unified().use(remarkStripSiteRepeats, { repeats: counts }).runSync(tree, new VFile());
    const labelled = tree.children.filter((c) => c.data?.copydesk?.label).map((c) => blockText(c));
    expect(labelled).toEqual(chrome);
  });

  it('should leave the guard room to refuse: no repeat label is strong evidence', async () => {
    const { clean } = await import('../../src/index.js');
    const same = Array.from({ length: 4 }, () => chrome.join('\n'));
    const counts = countSiteRepeats(same.map((p) => collectBlockKeys(readText(p))));
    const r = clean(same[0]!, { siteRepeatCounts: counts });
    expect(r.metadata.status).not.toBe('ok');
    const tree = readText(pages[0]!);
    unified().use(remarkStripSiteRepeats, { repeats }).runSync(tree, new VFile());
    for (const c of tree.children)
      expect(c.data?.copydesk?.label?.confidence ?? 0).toBeLessThan(0.9);
  });

  it('should label blocks on at least half of the pages and at least 3 pages', () => {
    const tree = readText(pages[0]!);
    unified().use(remarkStripSiteRepeats, { repeats }).runSync(tree, new VFile());
    const labelled = tree.children.filter((c) => c.data?.copydesk?.label).map((c) => blockText(c));
    expect(labelled).toEqual(chrome);
    expect(tree.children[0]!.data?.copydesk?.label?.reason).toBe('on 4 of 4 pages of this site');
  });

  it('should do nothing without batch counts or with too few pages', () => {
    const tree = readText(pages[0]!);
    unified().use(remarkStripSiteRepeats).runSync(tree, new VFile());
    const small = countSiteRepeats(pages.slice(0, 2).map((p) => collectBlockKeys(readText(p))));
    unified().use(remarkStripSiteRepeats, { repeats: small }).runSync(tree, new VFile());
    expect(tree.children.some((c) => c.data?.copydesk?.label)).toBe(false);
  });

  it('should validate options', () => {
    expect(() => unified().use(remarkStripSiteRepeats, { minPages: 1 }).freeze()).toThrow(
      /minPages/,
    );
    expect(() => unified().use(remarkStripSiteRepeats, { minShare: 2 }).freeze()).toThrow(
      /minShare/,
    );
  });
});
