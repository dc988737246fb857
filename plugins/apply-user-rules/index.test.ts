import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { Cleaner } from '../../src/clean.js';
import { readText } from '../../src/readers/text.js';
import { markdownFile } from '../../tests/helpers/fixtures.js';
import { remarkPrune } from '../prune/index.js';
import { label } from '../shared/label.js';
import { type Options, remarkApplyUserRules } from './index.js';
import { compileMatcher, headingKey, matcherProblem } from './matchers.js';

function run(markdown: string, options: Options, url?: string) {
  const file = markdownFile(markdown, url);
  const processor = unified()
    .use(remarkParse)
    .use(remarkApplyUserRules, options)
    .use(remarkPrune)
    .use(remarkStringify);
  const out = String(processor.processSync(file));
  return { out, removed: file.messages.map((m) => `${m.ruleId}: ${m.actual}`) };
}

describe('matchers', () => {
  it('should match plain strings as case-insensitive substrings and /re/flags as regexes', () => {
    expect(compileMatcher('SUBSCRIBE').test('Please subscribe now')).toBe(true);
    expect(compileMatcher('subscribe').test('Subscriber numbers rose')).toBe(true);
    expect(compileMatcher('/^subscribe$/i').test('Subscriber numbers rose')).toBe(false);
    expect(compileMatcher('/^subscribe$/i').test('Subscribe')).toBe(true);
  });

  it('should compare headings without #, case, or trailing colons', () => {
    expect(headingKey('## More from us:')).toBe('more from us');
    expect(compileMatcher({ heading: 'More from us' }).test('MORE FROM US')).toBe(true);
    expect(compileMatcher({ heading: 'More from us' }).test('More from us and them')).toBe(false);
  });

  it('should match rules on text with typography folded (apostrophes, quotes, dashes)', () => {
    expect(compileMatcher("What's new").test('What\u2019s new this week')).toBe(true);
    expect(compileMatcher('What\u2019s new').test("What's new this week")).toBe(true);
    expect(compileMatcher({ heading: "Editor's picks" }).test('## Editor\u2019s picks:')).toBe(
      true,
    );
    expect(compileMatcher('/^"Quoted" - end$/').test('\u201CQuoted\u201D \u2013 end')).toBe(true);
    // near miss: folding does not make different words match
    expect(compileMatcher("What's new").test('What is new')).toBe(false);
  });

  it('should keep a block by a rule with an apostrophe through clean(), whatever the quotes', () => {
    const page = [
      'Harbour master retires after forty years at the quay',
      'The harbour master, who has run the quay since 1984, retired on Friday after a ceremony attended by most of the town and many of the fishing crews.',
      'Colleagues described a patient man who knew every boat by the sound of its engine, and who never once missed a spring tide in four decades.',
      'What\u2019s new: subscribe to our newsletter for the week\u2019s harbour news',
    ].join('\n');
    const removed = new Cleaner().clean(page).markdown;
    expect(removed).not.toContain('subscribe to our newsletter');
    const kept = new Cleaner({ keep: ["What's new"] }).clean(page).markdown;
    expect(kept).toContain('subscribe to our newsletter');
  });

  it('should explain malformed rules in one line', () => {
    expect(matcherProblem('/(unclosed/')).toMatch(/bad regular expression/);
    expect(matcherProblem({ text: 'a', heading: 'b' })).toMatch(/exactly one of/);
    expect(matcherProblem({ heading: 'x', colour: 'red' })).toMatch(/unknown key 'colour'/);
    expect(matcherProblem(42)).toMatch(/must be a string/);
    expect(matcherProblem('ok')).toBeUndefined();
  });
});

describe('remarkApplyUserRules', () => {
  it('should drop matching blocks with rule id user/drop and a reason naming the rule', () => {
    const { out, removed } = run('Keep this paragraph.\n\nAdvertisement: buy now.\n', {
      drop: ['advertisement'],
    });
    expect(out).toBe('Keep this paragraph.\n');
    expect(removed).toEqual(['user/drop: Advertisement: buy now.']);
  });

  it('should drop a heading with its section, up to the next heading of the same level', () => {
    const md =
      '# Title\n\nBody one.\n\n## Read more\n\n- a\n- b\n\n### sub\n\nstill section\n\n## Notes\n\nKept.\n';
    const { out } = run(md, { drop: [{ heading: 'read more' }] });
    expect(out).toBe('# Title\n\nBody one.\n\n## Notes\n\nKept.\n');
  });

  it('should treat a short line of a text dump as a heading whose section ends at prose', () => {
    const text =
      'Intro line of the article.\nMore stories\nFirst story title\nSecond story title\n' +
      'This paragraph is long enough to count as prose because it has more than twenty five words in it, ends with a full stop, and so it closes the section.\n';
    const file = new VFile({ value: text });
    const tree = readText(text) as Root;
    const processor = unified()
      .use(remarkApplyUserRules, { drop: [{ heading: 'More stories' }] })
      .use(remarkPrune);
    processor.runSync(tree, file);
    const kept = tree.children.map((c) =>
      c.type === 'paragraph' && c.children[0]?.type === 'text' ? c.children[0].value : '',
    );
    expect(kept).toHaveLength(2);
    expect(kept[0]).toBe('Intro line of the article.');
    expect(kept[1]).toMatch(/^This paragraph is long enough/);
  });

  it('should let keep beat drop (keep > drop)', () => {
    const { out } = run('Sign up for our newsletter.\n\nSign up here.\n', {
      keep: ['newsletter'],
      drop: ['sign up'],
    });
    expect(out).toBe('Sign up for our newsletter.\n');
  });

  it('should let keep beat any detector label (keep > heuristics)', () => {
    const file = new VFile();
    const tree = unified()
      .use(remarkParse)
      .parse('Subscribe to the Daily Bugle today.\n\nOther.\n');
    const processor = unified()
      .use(remarkApplyUserRules, { keep: ['daily bugle'] })
      .use(() => (t: Root) => {
        for (const c of t.children)
          label(c, { ruleId: 'strip-newsletter', reason: 'cta', confidence: 0.99 });
      })
      .use(remarkPrune);
    const out = processor.runSync(tree, file);
    expect(out.children).toHaveLength(1);
    expect(file.messages.map((m) => m.ruleId)).toEqual(['strip-newsletter']);
  });

  it('should keep a kept block inside a container a detector labelled, and remove the rest', () => {
    const file = new VFile();
    const tree = unified()
      .use(remarkParse)
      .parse('Body.\n\n- Related one\n- Correction: keep me\n- Related two\n');
    const processor = unified()
      .use(remarkApplyUserRules, { keep: ['correction:'] })
      .use(() => (t: Root) => {
        label(t.children[1] as never, { ruleId: 'strip-related', reason: 'list', confidence: 0.9 });
      })
      .use(remarkPrune)
      .use(remarkStringify);
    const out = processor.stringify(processor.runSync(tree, file));
    expect(out).toBe('Body.\n\n* Correction: keep me\n');
    expect(file.messages.map((m) => m.actual)).toEqual(['Related one', 'Related two']);
  });

  it('should apply per-site rules only to that host and its subdomains', () => {
    const options = { sites: { 'example.com': { drop: ['promo'] } } };
    expect(run('A promo line.\n', options, 'https://www.example.com/a').out).toBe('');
    expect(run('A promo line.\n', options, 'https://example.org/a').out).toBe('A promo line.\n');
    expect(run('A promo line.\n', options).out).toBe('A promo line.\n');
  });

  it('should keep near misses: a drop pattern does not touch blocks that do not contain it', () => {
    const { out } = run('The subscription economy grew.\n', { drop: ['/\\bsubscribe\\b/i'] });
    expect(out).toBe('The subscription economy grew.\n');
  });

  it('should throw at attach time on a bad rule', () => {
    expect(() =>
      unified()
        .use(remarkApplyUserRules, { drop: ['/(/'] })
        .freeze(),
    ).toThrow(/remark-apply-user-rules: `drop`: bad regular expression/);
  });
});

describe('user rules through clean() (all stages)', () => {
  const html = `<html><head><title>T</title></head><body><article>
<h1>Council approves the new library budget</h1>
<p>The council approved the budget for the new library on Tuesday evening after a long debate about the costs of the building and its staff.</p>
<div class="promo"><p>Read our special report on the library.</p></div>
<aside class="promo keepme"><p>Correction: an earlier version misstated the budget total.</p></aside>
<p>Work on the building is due to start in the spring and take two years, the council said in a statement after the vote.</p>
</article></body></html>`;

  it('should drop by CSS selector before conversion, except what a keep selector protects', () => {
    const cleaner = new Cleaner({
      drop: [{ selector: '.promo' }],
      keep: [{ selector: '.keepme' }],
    });
    const { markdown, metadata } = cleaner.clean(html, { path: 'page.html' });
    expect(markdown).not.toContain('special report');
    expect(markdown).toContain('Correction: an earlier version');
    expect(markdown).toContain('Work on the building');
    const drop = metadata.removed.find((r) => r.ruleId === 'user/drop');
    expect(drop?.text).toBe('Read our special report on the library.');
    expect(drop?.reason).toContain('selector ".promo"');
  });

  it('should keep a text block that a generic detector would remove', () => {
    const text = [
      'Council approves the new library budget',
      'The council approved the budget for the new library on Tuesday evening after a long debate about the costs of the building and its staff.',
      'Sign up for our newsletter to get the library updates',
      'Work on the building is due to start in the spring and take two years, the council said in a statement after the vote.',
    ].join('\n');
    const without = new Cleaner().clean(text, { path: 'a.txt' });
    expect(without.markdown).not.toContain('Sign up for our newsletter');
    const withKeep = new Cleaner({ keep: ['library updates'] }).clean(text, { path: 'a.txt' });
    expect(withKeep.markdown).toContain('Sign up for our newsletter to get the library updates');
  });
});
