import type { Nodes, Root } from 'mdast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/readers/markdown.js';
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

/** Read Markdown, find the region, and return the texts of the labelled blocks (at any depth). */
function runMarkdown(value: string): string[] {
  const file = new VFile({ value });
  const tree = readMarkdown(value, file);
  unified().use(remarkFindArticleRegion).runSync(tree, file);
  const labelled: string[] = [];
  const walk = (n: Nodes): void => {
    if (n.data?.copydesk?.label) labelled.push(blockText(n));
    else if ('children' in n) for (const c of n.children) walk(c as Nodes);
  };
  walk(tree);
  return labelled;
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

  it('should not let a level-1 heading below running prose cut off the paragraphs above it', () => {
    // A cleaned page without a headline line, with a cross-promoted story's
    // title as `# …` in the middle: the lead above it is still the article.
    const value = [
      PROSE[0],
      PROSE[1],
      'Read also',
      '# A different story about the library',
      PROSE[2],
      PROSE[3],
    ].join('\n\n');
    const labelled = runMarkdown(value);
    for (const p of PROSE) expect(labelled).not.toContain(p);
  });

  it('should still start the article at a level-1 heading that follows only menus and teasers', () => {
    const value = [
      'Home',
      'World',
      'Sport',
      '# The library reopens after two years',
      ...PROSE,
    ].join('\n\n');
    const labelled = runMarkdown(value);
    expect(labelled).toEqual(expect.arrayContaining(['Home', 'World', 'Sport']));
    for (const p of PROSE) expect(labelled).not.toContain(p);
  });

  it('should keep the short opening lines between the headline and the first paragraph', () => {
    const value = [
      '# The library reopens after two years',
      'Home',
      'World',
      '# The library reopens after two years',
      'Tuesday 12 March 2024 / 3 comments / by admin',
      'Our city, our books',
      'The doors open again!',
      ...PROSE,
    ].join('\n\n');
    const labelled = runMarkdown(value);
    expect(labelled).not.toContain('Our city, our books');
    expect(labelled).not.toContain('The doors open again!');
    // A date stamp (and anything above it) is not an opening line.
    expect(labelled).toContain('Tuesday 12 March 2024 / 3 comments / by admin');
  });

  it('should keep key-point bullets under the headline but not a one-word menu', () => {
    const value = [
      'Home',
      '# The library reopens after two years',
      '- Reading rooms kept as they were\n- Card catalogue moved to a museum\n- Classes for children start next month',
      ...PROSE,
      'About',
      '- News\n- Sport\n- Weather',
    ].join('\n\n');
    const labelled = runMarkdown(value);
    expect(labelled.some((t) => t.includes('Reading rooms kept'))).toBe(false);
    expect(labelled.some((t) => t.includes('Weather'))).toBe(true);
  });

  it('should not let a chart drawn in HTML (axis labels) cut the article in two', () => {
    const ticks = [
      '$900',
      'billion',
      '600',
      '300',
      '0',
      '’17',
      '’18',
      '’19',
      '’20',
      '’21',
      '’22',
      '’23',
    ];
    const { labelled } = run([
      'Home',
      'News',
      PROSE[0]!,
      PROSE[1]!,
      ...ticks,
      PROSE[2]!,
      PROSE[3]!,
      'Privacy policy',
    ]);
    for (const p of PROSE) expect(labelled).not.toContain(p);
    expect(labelled).toContain('Home');
  });

  it('should take a list of teaser cards (date stamps in its items) for chrome, not a list in the story', () => {
    const card = (title: string, day: string) =>
      `- ##### [${title}](/a)\n\n  [Jane Doe](/author)\n\n  Tuesday November ${day}, 2019\n\n  A first sentence of the teaser that runs on for a while to look like prose in a card.`;
    const facts =
      '- The reading room keeps its old oak tables and lamps.\n- The card catalogue has moved to a museum across the street.\n- Classes for children and adults start next month.';
    const value = [
      PROSE[0],
      facts,
      PROSE[1],
      PROSE[2],
      PROSE[3],
      card('One story', '19'),
      card('Another story', '18'),
      card('A third story', '17'),
    ].join('\n\n');
    // Labels sit on the list or on its items (a list holding most of the page is read item by item).
    const labelled = runMarkdown(value);
    expect(labelled.filter((t) => t.includes('story')).length).toBeGreaterThan(0);
    expect(labelled.some((t) => t.includes('One story'))).toBe(true);
    expect(labelled.some((t) => t.includes('oak tables'))).toBe(false);
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

  it('should score the page as prune will leave it: a labelled paragraph does not pull the region out', () => {
    const pitch =
      'Get the morning briefing in your inbox every weekday, with the stories our editors think you should not miss today.';
    const lines = [...PROSE.slice(0, 3), 'Watch the video', pitch, 'Contact us'];
    const tree = readText(lines.join('\n'));
    // another detector (strip-newsletter) already labelled the pitch
    mark(tree.children[4]!).label = { ruleId: 'strip-newsletter', reason: 'test', confidence: 0.9 };
    unified().use(remarkFindArticleRegion).runSync(tree, new VFile());
    const outside = tree.children
      .filter((c) => c.data?.copydesk?.label?.ruleId === 'outside-article')
      .map((c) => blockText(c));
    // What a second look at the cleaned page would remove goes now, not in a later pass.
    expect(outside).toEqual(['Watch the video', 'Contact us']);
  });

  it('should not let labelled chrome inside the article split it in two (near miss)', () => {
    const widget = ['Most read', 'Sport', 'Weather', 'Business', 'Travel', 'Culture', 'Video'];
    const lines = [PROSE[0]!, PROSE[1]!, ...widget, PROSE[2]!, PROSE[3]!];
    const tree = readText(lines.join('\n'));
    widget.forEach((_, i) => {
      mark(tree.children[2 + i]!).label = {
        ruleId: 'strip-html-chrome',
        reason: 'test',
        confidence: 0.9,
      };
    });
    unified().use(remarkFindArticleRegion).runSync(tree, new VFile());
    const outside = tree.children.filter(
      (c) => c.data?.copydesk?.label?.ruleId === 'outside-article',
    );
    expect(outside).toEqual([]);
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

  it('should leave out teaser cards stamped with repeated dates', () => {
    const card = (n: number) => [
      `Another headline number ${n} about the river`,
      'Jane Roe',
      `Tuesday November ${n}, 2019`,
      `This teaser paragraph number ${n} summarises another story with enough words to look like prose to anyone.`,
    ];
    const { labelled } = run([
      'Home',
      'News',
      ...PROSE,
      'Tags',
      ...card(11),
      ...card(12),
      ...card(13),
    ]);
    for (const p of PROSE) expect(labelled).not.toContain(p);
    expect(labelled).toContain(card(12)[3]);
    expect(labelled).toContain('Tuesday November 13, 2019');
  });

  it('should close the article at a related header, but not at an inset the article resumes after', () => {
    const teaser =
      'A teaser for a different story, which has enough words in it to look like a paragraph of running prose.';
    const closed = run([
      'Menu',
      ...PROSE,
      'Related articles',
      'Share',
      'Five bridges to see this year',
      'Email',
      teaser,
      'Share',
      teaser.replace('different', 'third'),
    ]);
    expect(closed.labelled).toContain(teaser);
    const inset = run([
      'Menu',
      PROSE[0]!,
      PROSE[1]!,
      'Related articles',
      'Five bridges to see this year',
      'The best cafés in the old town',
      PROSE[2]!,
      PROSE[3]!,
    ]);
    // The inset stays inside the region (strip-boilerplate judges it); the article goes on.
    expect(inset.labelled).toEqual(['Menu']);
  });

  it('should pull in a last paragraph separated by a short inset line', () => {
    const { labelled } = run([
      'Menu',
      'News',
      'Sport',
      PROSE[0]!,
      PROSE[1]!,
      PROSE[2]!,
      'Photo: City archive',
      PROSE[3]!,
      'Contact',
    ]);
    expect(labelled).not.toContain(PROSE[3]);
    expect(labelled).toContain('Contact');
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
