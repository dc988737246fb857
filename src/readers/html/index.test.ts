import type { Nodes, Root } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { Hints } from '../../types.js';
import { conceptOfToken, isContentToken, tokenParts } from './chrome.js';
import { readHtml } from './index.js';

const PROSE =
  'The council voted on Tuesday to approve the new budget, which sets aside money for schools, roads and the library. Residents who spoke at the meeting were divided on the plan and its cost over the next years.';

function blocks(tree: Root): { type: string; text: string; hints: Hints | undefined }[] {
  const out: { type: string; text: string; hints: Hints | undefined }[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      out.push({ type: node.type, text: mdToString(node), hints: node.data?.copydesk?.hints });
      return;
    }
    if ('children' in node) for (const c of node.children) walk(c as Nodes);
  };
  walk(tree);
  return out;
}

function read(html: string): ReturnType<typeof blocks> {
  return blocks(readHtml(html, new VFile()));
}

function find(bs: ReturnType<typeof blocks>, text: string) {
  const b = bs.find((x) => x.text.includes(text));
  if (!b) throw new Error(`no block with ${text}`);
  return b;
}

describe('class/id tokens', () => {
  it('should not read a slug of a title as a component name', () => {
    expect(conceptOfToken('debt-as-a-share-of-gdp', false)).toBeUndefined();
    expect(conceptOfToken('share-buttons', false)).toBe('share');
    expect(conceptOfToken('related-posts-for-you', false)).toBe('related');
  });

  it('should split tokens on dashes, underscores and camelCase', () => {
    expect(tokenParts('socialShare-bar__item2')).toEqual(['social', 'share', 'bar', 'item']);
  });

  it('should name concepts by whole parts, not substrings', () => {
    expect(conceptOfToken('share-tools', true)).toBe('share');
    expect(conceptOfToken('more-stories', true)).toBe('related');
    expect(conceptOfToken('author-bio', true)).toBe('author-bio');
    expect(conceptOfToken('ad-slot', true)).toBe('ad');
    expect(conceptOfToken('sharethrough', true)).toBeUndefined();
    expect(conceptOfToken('head', true)).toBeUndefined();
    expect(conceptOfToken('shadow', true)).toBeUndefined();
    expect(conceptOfToken('cookie-banner', false)).toBeUndefined();
    expect(conceptOfToken('social-media-embed', true)).toBeUndefined();
    expect(conceptOfToken('InlineImage-imageEmbedCaption', true)).toBe('caption');
    expect(conceptOfToken('relatedpoststitle', true)).toBe('related');
    expect(conceptOfToken('commentary', true)).toBeUndefined();
  });

  it('should recognise article body containers but not their chrome parts', () => {
    expect(isContentToken('entry-content')).toBe(true);
    expect(isContentToken('article__body')).toBe(true);
    expect(isContentToken('c-article-body')).toBe(true);
    expect(isContentToken('article-body-related')).toBe(false);
    expect(isContentToken('content')).toBe(false);
  });
});

describe('readHtml hints', () => {
  it('should put tag, ancestors, tokens, roles and itemprops on blocks', () => {
    const bs = read(
      `<html><body class="has-sidebar"><div id="Main" role="region"><section class="Story" itemprop="text"><p class="lead">${PROSE}</p></section></div></body></html>`,
    );
    const h = find(bs, 'council').hints!;
    expect(h.tag).toBe('p');
    expect(h.ancestors).toEqual(['div', 'section']);
    expect(h.tokens).toEqual(['main', 'story', 'lead']);
    expect(h.roles).toEqual(['region']);
    expect(h.itemprops).toEqual(['text']);
  });

  it('should give text straight in a div the div’s hints', () => {
    const bs = read(`<div class="promo-box">Loose text <b>here</b></div><p>${PROSE}</p>`);
    const h = find(bs, 'Loose text').hints!;
    expect(h.tag).toBe('div');
    expect(h.chrome?.[0]).toMatchObject({ concept: 'ad', landmark: false });
    expect(h.chrome?.[0]?.evidence).toBe('class "promo-box" on <div>');
  });

  it('should give list item paragraphs the hints of their item', () => {
    const bs = read(`<nav><ul><li><a href="/">Home</a></li></ul></nav><p>${PROSE}</p>`);
    const h = find(bs, 'Home').hints!;
    expect(h.tag).toBe('li');
    expect(h.chrome).toEqual([{ concept: 'navigation', evidence: '<nav>', landmark: true }]);
  });

  it('should mark blocks inside and outside the main content container', () => {
    const bs = read(
      `<header><p>Site name</p></header><article><h1>Title</h1><div class="article-body"><p>${PROSE}</p><p>${PROSE}</p><div class="share-bar">Share this</div></div></article><footer><p>About us</p></footer>`,
    );
    expect(find(bs, 'council').hints?.content).toBe('inside');
    expect(find(bs, 'Title').hints?.content).toBe('inside');
    expect(find(bs, 'Site name').hints?.content).toBe('outside');
    expect(find(bs, 'About us').hints?.content).toBe('outside');
    expect(find(bs, 'Share this').hints?.chrome?.[0]?.concept).toBe('share');
    expect(find(bs, 'council').hints?.container).toEqual({
      evidence: 'class "article-body" on <div>',
      specific: true,
    });
  });

  it('should ignore html/body classes and wrappers of the article as chrome evidence', () => {
    const bs = read(
      `<body class="sidebar-open nav-fixed"><div class="page-with-sidebar"><article><p>${PROSE}</p></article></div></body>`,
    );
    const h = find(bs, 'council').hints!;
    expect(h.chrome).toEqual([]);
    expect(h.tokens).toEqual(['page-with-sidebar']);
  });

  it('should not take a wrapper holding most of the page for chrome when there is no container', () => {
    const bs = read(`<div class="widget-area"><p>${PROSE}</p><p>${PROSE}</p></div><p>Short.</p>`);
    expect(find(bs, 'council').hints?.chrome).toEqual([]);
    expect(find(bs, 'council').hints?.content).toBeUndefined();
  });

  it('should match cookie words on class only', () => {
    const bs = read(
      `<div id="cookie-recipes"><p>Our cookie recipes</p></div><div class="cookie-notice"><p>We use cookies</p></div><p>${PROSE}</p>`,
    );
    expect(find(bs, 'recipes').hints?.chrome).toEqual([]);
    expect(find(bs, 'We use').hints?.chrome?.[0]?.concept).toBe('cookie');
  });
});

describe('layout tables', () => {
  it('should turn a layout table into paragraphs and keep a data table', () => {
    const file = new VFile();
    const tree = readHtml(
      `<table><tr><td><div>Menu</div></td><td><p>${PROSE}</p><p>Second paragraph.</p></td></tr></table>
       <table><thead><tr><th>Team</th><th>Points</th></tr></thead><tr><td>Reds</td><td>12</td></tr><tr><td>Blues</td><td>9</td></tr></table>`,
      file,
    );
    expect(tree.children.map((c) => c.type)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'table',
    ]);
    expect(mdToString(tree.children[1]!)).toBe(PROSE);
  });

  it('should keep a data table whose cells each wrap their text in one <p>', () => {
    const tree = readHtml(
      '<table><tr><td><p><b>Status</b></p></td><td><p><b>Next step</b></p></td></tr><tr><td><p>new</p></td><td><p>Pick up the task.</p></td></tr></table>',
      new VFile(),
    );
    expect(tree.children.map((c) => c.type)).toEqual(['table']);
  });

  it('should unwrap a one-column table and one marked presentation', () => {
    const tree = readHtml(
      '<table><tr><td>Only</td></tr><tr><td>Column</td></tr></table><table role="presentation"><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>',
      new VFile(),
    );
    expect(tree.children.every((c) => c.type === 'paragraph')).toBe(true);
  });
});

describe('content container in listings', () => {
  it('should take the article holding the headline when articles nest', () => {
    const bs = read(
      `<article class="feed"><article class="post"><h1>Headline</h1><p>${PROSE}</p><p>${PROSE}</p></article><article><p>Teaser one text here</p></article><article><p>Teaser two text here</p></article></article>`,
    );
    expect(find(bs, 'council').hints?.content).toBe('inside');
    expect(find(bs, 'Teaser one').hints?.content).toBe('outside');
  });

  it('should mark small articles among several inside the article as related', () => {
    const bs = read(
      `<article><h1>Headline</h1><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p><h3>You may like</h3><article><p>Teaser one text here</p></article><article><p>Teaser two text here</p></article></article>`,
    );
    expect(find(bs, 'Teaser one').hints?.chrome?.[0]).toMatchObject({ concept: 'related' });
    expect(find(bs, 'council').hints?.chrome).toEqual([]);
  });

  it('should not take a single nested body article for a teaser', () => {
    const bs = read(
      `<article><header><h1>Headline</h1></header><article class="body"><p>${PROSE}</p><p>${PROSE}</p></article></article>`,
    );
    expect(find(bs, 'council').hints?.chrome).toEqual([]);
    expect(find(bs, 'council').hints?.content).toBe('inside');
  });

  it('should not glue the words on either side of an empty block', () => {
    const words = (html: string) =>
      read(html)
        .map((b) => b.text)
        .join(' ')
        .split(/\s+/)
        .filter(Boolean);
    expect(words('<div>alpha<div></div>beta</div>')).toEqual(['alpha', 'beta']);
    expect(words('<p>x</p>alpha<p> </p>beta')).toEqual(['x', 'alpha', 'beta']);
    // parse5 moves the text out of the table (foster parenting), leaving it empty.
    expect(words('<table>alpha</table>beta')).toEqual(['alpha', 'beta']);
    // An image is not empty: it stays where it was.
    expect(read('<p>alpha <img src="a.png" alt="chart"> beta</p>')).toHaveLength(1);
  });

  it('should keep MathML: its TeX annotation as code, else its text', () => {
    const tex =
      '<p>The roots are <math><semantics><mi>x</mi><annotation encoding="application/x-tex">x=\\frac{-b}{2a}</annotation></semantics></math> here.</p>';
    const tree = readHtml(tex, new VFile());
    expect(JSON.stringify(tree)).toContain('"type":"inlineCode","value":"x=\\\\frac{-b}{2a}"');
    const plain = read(
      '<p>Solve <math><mi>a</mi><mo>+</mo><mn>2</mn></math> now.</p><math display="block"><mi>y</mi><mo>=</mo><mn>1</mn></math>',
    );
    expect(plain.map((b) => b.text)).toEqual(['Solve a + 2 now.', 'y = 1']);
  });

  it('should not read an id that is the slug of the section heading as chrome', () => {
    const bs = read(
      `<main><div class="section" id="sharing-with-a-single-developer"><h2>Sharing with a single developer</h2><p>${PROSE}</p></div>` +
        `<div id="share-buttons"><p>Share this page with a friend</p></div></main>`,
    );
    expect(find(bs, 'council').hints?.chrome ?? []).toEqual([]);
    expect(find(bs, 'Share this page').hints?.chrome?.map((c) => c.concept)).toContain('share');
  });
});
