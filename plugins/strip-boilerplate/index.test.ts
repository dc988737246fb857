import type { Root } from 'mdast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/readers/markdown.js';
import { readText } from '../../src/readers/text.js';
import { keep } from '../shared/label.js';
import { blockText } from '../shared/text.js';
import { remarkStripBoilerplate } from './index.js';

function labels(tree: Root, options = {}) {
  unified().use(remarkStripBoilerplate, options).runSync(tree, new VFile());
  return new Map(tree.children.map((c) => [blockText(c), c.data?.copydesk?.label]));
}

describe('remark-strip-boilerplate', () => {
  it('should label short call-to-action, share, cookie and copyright lines', () => {
    const got = labels(
      readText(
        [
          'Sign up for our newsletter',
          'Share this article',
          'We use cookies. Accept all',
          '© 2024 Example Media. All rights reserved.',
          'Abonnez-vous',
        ].join('\n'),
      ),
    );
    for (const [text, l] of got) {
      expect(l?.ruleId, text).toBe('strip-boilerplate');
      expect(l!.confidence).toBeGreaterThanOrEqual(0.75);
    }
    expect(got.get('Share this article')!.reason).toMatch(/share phrase/);
  });

  it('should keep a prose paragraph that mentions a newsletter (near miss)', () => {
    const para =
      'The mayor said she reads the council newsletter every morning, and that residents can sign up at the library desk if they have no email.';
    const got = labels(readText(para));
    expect(got.get(para)).toBeUndefined();
  });

  it('should keep a short heading that only mentions comments', () => {
    const md = '## Comments from the harbour master on the new quay\n';
    const got = labels(readMarkdown(md, new VFile()));
    expect([...got.values()][0]).toBeUndefined();
  });

  it('should label link lists and link-dense chrome lines, keep a linked content line', () => {
    const md = [
      '- [World](/w)',
      '- [Business](/b)',
      '- [Sport](/s)',
      '',
      '[Follow us](/f) on [Facebook](/fb)',
      '',
      '[Get it at the corner shop for $39](/deal)',
      '',
      '- First, boil the water for at least ten minutes before adding the pasta.',
      '- Then drain it and add the sauce while it is still hot.',
      '',
    ].join('\n');
    const tree = readMarkdown(md, new VFile({ value: md }));
    unified()
      .use(remarkStripBoilerplate)
      .runSync(tree, new VFile({ value: md }));
    const [menu, follow, deal, recipe] = tree.children;
    expect(menu!.data?.copydesk?.label?.reason).toMatch(/link density|short link items/);
    expect(follow!.data?.copydesk?.label?.reason).toMatch(/share phrase.*link density/);
    expect(deal!.data?.copydesk?.label).toBeUndefined();
    expect(recipe!.data?.copydesk?.label).toBeUndefined();
  });

  it('should respect keep marks and extra phrases', () => {
    const tree = readText(['Share this article', 'Join the club today'].join('\n'));
    keep(tree.children[0]!, 'test', 'kept');
    const got = labels(tree, { extraPhrases: { cta: ['join the club'] } });
    expect(got.get('Share this article')).toBeUndefined();
    expect(got.get('Join the club today')?.reason).toMatch(/cta phrase/);
  });

  it('should validate options', () => {
    expect(() => unified().use(remarkStripBoilerplate, { minLinkDensity: 0 }).freeze()).toThrow(
      /minLinkDensity/,
    );
  });
});
