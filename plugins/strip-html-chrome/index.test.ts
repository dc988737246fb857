import type { Nodes, Root } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/readers/html/index.js';
import { labelOf } from '../shared/label.js';
import { remarkStripHtmlChrome } from './index.js';

const PROSE =
  'The council voted on Tuesday to approve the new budget, which sets aside money for schools, roads and the library. Residents who spoke at the meeting were divided on the plan and its cost over the next years.';

function labels(html: string, options = {}) {
  const file = new VFile();
  const tree = readHtml(html, file);
  unified()
    .use(remarkStripHtmlChrome, options)
    .runSync(tree as Root, file);
  const out = new Map<string, { ruleId: string; reason: string; confidence: number } | undefined>();
  for (const node of tree.children) out.set(mdToString(node).slice(0, 30), labelOf(node));
  return { out, file };
}

const PAGE = `<html><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article>
  <h1>Budget approved</h1>
  <div class="article-body">
    <p>${PROSE}</p>
    <figure><img src="a.jpg" alt=""><figcaption>The council chamber on Tuesday.</figcaption></figure>
    <p>${PROSE}</p>
    <div class="social-share">Share on Facebook</div>
    <aside><p>Pull quote inside the article</p></aside>
    <footer><p>Filed under politics</p></footer>
  </div>
</article>
<aside class="sidebar"><p>Most read today</p></aside>
<footer><p>© 2024 The Paper</p></footer>
</body></html>`;

describe('remarkStripHtmlChrome', () => {
  it('should label chrome outside the content container on any evidence', () => {
    const { out } = labels(PAGE);
    expect(out.get('HomeWorld')).toMatchObject({ ruleId: 'strip-html-chrome', confidence: 0.9 });
    expect(out.get('HomeWorld')?.reason).toBe('navigation chrome outside the main content: <nav>');
    expect(out.get('Most read today')?.reason).toBe(
      'sidebar chrome outside the main content: <aside>',
    );
    expect(out.get('© 2024 The Paper')?.ruleId).toBe('strip-html-chrome');
  });

  it('should label specific chrome inside the article but keep weak landmarks there', () => {
    const { out } = labels(PAGE);
    expect(out.get('Share on Facebook')).toMatchObject({
      ruleId: 'strip-html-chrome',
      confidence: 0.7,
      reason: 'share chrome inside the article: class "social-share" on <div>',
    });
    expect(out.get('Pull quote inside the article')).toBeUndefined();
    expect(out.get('Filed under politics')).toBeUndefined();
    expect(out.get(PROSE.slice(0, 30))).toBeUndefined();
    expect(out.get('Budget approved')).toBeUndefined();
  });

  it('should label figure captions with their own rule, unless told not to', () => {
    expect(labels(PAGE).out.get('The council chamber on Tuesday')).toMatchObject({
      ruleId: 'html-caption',
      confidence: 0.6,
      reason: 'figure caption: <figcaption>',
    });
    expect(
      labels(PAGE, { captions: false }).out.get('The council chamber on Tuesday'),
    ).toBeUndefined();
  });

  it("should not take a carousel slide's long text for a caption, but still a short one (near miss)", () => {
    const slide = `${PROSE} ${PROSE}`;
    const html = `<article><h1>Homes on the river</h1><div class="article-body"><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p><div class="carousel"><p>${slide}</p><p>The porch at dusk, seen from the garden.</p></div><p>${PROSE}</p></div></article>`;
    const file = new VFile();
    const tree = readHtml(html, file);
    unified()
      .use(remarkStripHtmlChrome)
      .runSync(tree as Root, file);
    const captions: string[] = [];
    const walk = (n: Nodes): void => {
      if (labelOf(n)?.ruleId === 'html-caption') captions.push(mdToString(n));
      else if ('children' in n) for (const c of n.children) walk(c as Nodes);
    };
    walk(tree as Root);
    expect(captions).toEqual(['The porch at dusk, seen from the garden.']);
  });

  it('should not label on chrome evidence covering most prose without a container', () => {
    // two concepts, each under half of the prose (the HTML stage's wrapper rule), together over 60 %
    const html = `<div class="promo"><p>${PROSE}</p></div><div class="sidebar"><p>${PROSE}</p></div><p>Unrelated opening words. ${PROSE.slice(0, 120)}</p>`;
    const { out, file } = labels(html);
    expect(out.get(PROSE.slice(0, 30))).toBeUndefined();
    expect(file.messages.map((m) => m.ruleId)).toContain('strip-html-chrome');
  });

  it('should read no chrome into a class whose elements hold most of the prose (a wrapper)', () => {
    // a forum's posts marked as comments, an article body in a paywall box
    const html = `<nav><a href="/">Home</a></nav><div class="paywall-content"><p>${PROSE}</p><p>Second paragraph. ${PROSE}</p></div><div class="newsletter"><p>Sign up for our letter.</p></div>`;
    const { out } = labels(html);
    expect(out.get(PROSE.slice(0, 30))).toBeUndefined();
    expect(out.get(`Second paragraph. ${PROSE}`.slice(0, 30))).toBeUndefined();
    expect(out.get('Home')?.ruleId).toBe('strip-html-chrome');
  });

  it('should read a forum thread marked as comments as content, but a thread under a story as comments', () => {
    const posts = [1, 2, 3]
      .map((i) => `<div class="comment"><p>Post ${i}. ${PROSE}</p></div>`)
      .join('');
    const forum = labels(`<h1>Budget thread</h1><div>${posts}</div>`).out;
    expect(forum.get(`Post 1. ${PROSE}`.slice(0, 30))).toBeUndefined();
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
    const story = `<article><div class="article-body">${days.map((d) => `<p>${d}. ${PROSE}</p>`).join('')}</div></article>`;
    const blog = labels(`${story}<div>${posts}${posts}</div>`).out;
    expect(blog.get(`Monday. ${PROSE}`.slice(0, 30))).toBeUndefined();
    expect(blog.get(`Post 1. ${PROSE}`.slice(0, 30))).toMatchObject({ ruleId: 'strip-comments' });
  });

  it('should still read chrome into a class holding less than half of the prose (near miss)', () => {
    const html = `<div class="paywall-content"><p>${PROSE}</p></div><p>Body one. ${PROSE}</p><p>Body two. ${PROSE}</p>`;
    const { out } = labels(html);
    expect(out.get(PROSE.slice(0, 30))?.ruleId).toBe('strip-html-chrome');
  });

  it('should label blocks outside a specific container, but not prose paragraphs there', () => {
    const html = `<div class="promo-strip">Top stories today</div><p>${PROSE}</p><div itemprop="articleBody"><p>${PROSE}</p><p>${PROSE}</p></div><div class="teaser">Another story you may know</div>`;
    const { out } = labels(html);
    expect(out.get('Top stories today')).toMatchObject({ ruleId: 'strip-html-chrome' });
    expect(out.get('Another story you may know')).toMatchObject({
      ruleId: 'strip-html-chrome',
      confidence: 0.6,
      reason: 'outside the main content container (itemprop="articleBody" on <div>)',
    });
    // A paragraph of prose outside the container is left to the prose detectors.
    const outsideProse = labels(`<p>${PROSE}</p><article><p>${PROSE}</p><p>${PROSE}</p></article>`);
    expect(outsideProse.out.get(PROSE.slice(0, 30))).toBeUndefined();
  });

  it('should not label outside a container that holds too little of the prose', () => {
    const four = `${PROSE} ${PROSE} ${PROSE} ${PROSE}`;
    const html = `<div>${four}</div><div>${four}</div><div class="post-content"><p>${PROSE}</p><p>${PROSE}</p></div>`;
    const { out, file } = labels(html);
    expect([...out.values()].filter(Boolean)).toEqual([]);
    expect(file.messages.some((m) => m.reason.includes('may miss part of the article'))).toBe(true);
  });

  it('should do nothing on trees without hints', () => {
    const tree: Root = {
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Share this' }] }],
    };
    unified().use(remarkStripHtmlChrome).runSync(tree, new VFile());
    expect(labelOf(tree.children[0]!)).toBeUndefined();
  });

  it('should reject bad options', () => {
    expect(() => unified().use(remarkStripHtmlChrome, { maxShare: 2 }).freeze()).toThrow(
      'remark-strip-html-chrome: `maxShare` must be between 0 and 1',
    );
  });
});
