import type { Root } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/readers/html/index.js';
import { label, peek } from '../shared/label.js';
import { remarkKeepHtmlContent } from './index.js';

const PROSE =
  'The council voted on Tuesday to approve the new budget, which sets aside money for schools, roads and the library. Residents who spoke at the meeting were divided on the plan and its cost over the next years.';

/** Read HTML, label every block with `ruleId` (as a detector would), run the keep rule. */
function run(html: string, ruleId = 'outside-article', options = {}) {
  const file = new VFile();
  const tree = readHtml(html, file);
  for (const node of tree.children) label(node, { ruleId, reason: 'test', confidence: 0.9 });
  unified()
    .use(remarkKeepHtmlContent, options)
    .runSync(tree as Root, file);
  const out = new Map<string, string | undefined>();
  for (const node of tree.children)
    out.set(mdToString(node).slice(0, 20), peek(node)?.keep?.reason);
  return out;
}

const PAGE = `<p>Outside text here</p><div class="entry-content"><p>${PROSE}</p><p>Short line inside.</p><h2>A subhead</h2><p><a href="/a">Related story one</a></p><div class="share-box">Share this</div><p>${PROSE}</p></div>`;

describe('remarkKeepHtmlContent', () => {
  it('should keep text inside a specific container against a positional label', () => {
    const out = run(PAGE);
    expect(out.get('Short line inside.')).toBe(
      'inside the main content container (class "entry-content" on <div>): outside-article alone does not remove it',
    );
    expect(out.get(PROSE.slice(0, 20))).toBeDefined();
  });

  it('should not keep outside blocks, headings, link lists or chrome-classed blocks', () => {
    const out = run(PAGE);
    expect(out.get('Outside text here')).toBeUndefined();
    expect(out.get('A subhead')).toBeUndefined();
    expect(out.get('Related story one')).toBeUndefined();
    expect(out.get('Share this')).toBeUndefined();
  });

  it('should keep a subhead with the section it opens, not one over a link list', () => {
    const out = run(
      `<div class="entry-content"><p>${PROSE}</p><h2>Achieving guarantees</h2><p>${PROSE}</p><h2>More stories</h2><p><a href="/a">Related story one</a></p></div>`,
    );
    expect(out.get('Achieving guarantees')).toBe(
      'heading of a section kept inside the main content container (class "entry-content" on <div>)',
    );
    expect(out.get('More stories')).toBeUndefined();
  });

  it('should leave labels of content rules alone', () => {
    expect(run(PAGE, 'strip-newsletter').get('Short line inside.')).toBeUndefined();
  });

  it('should not act inside a bare <article>', () => {
    const out = run(`<article><p>${PROSE}</p><p>Short line inside.</p></article>`);
    expect(out.get('Short line inside.')).toBeUndefined();
  });

  it('should reject bad options', () => {
    expect(() => unified().use(remarkKeepHtmlContent, { maxLinkShare: 0 }).freeze()).toThrow(
      'remark-keep-html-content: `maxLinkShare` must be in (0, 1]',
    );
  });
});
