import { describe, expect, it } from 'vitest';
import { clean } from '../../src/clean.js';
import { bylineNames, isAccountName, teamName } from './index.js';

const PROSE =
  '<p>The harbour reopened on Monday after a week of repairs to the sea wall, and the first ferries left on time.</p>' +
  '<p>Traders on the quay said the closure had cost them most of a season, and asked the council for help.</p>';

const page = (head: string, body: string) =>
  clean(`<html><head>${head}</head><body>${body}</body></html>`, { from: 'html' });

describe('one source for the byline', () => {
  it("should write the authors' byline when the visible line names someone else", () => {
    const ld = `<script type="application/ld+json">${JSON.stringify({
      '@type': 'NewsArticle',
      headline: 'Harbour reopens after repairs',
      author: { '@type': 'Person', name: 'Ruth Calder' },
    })}</script>`;
    const { metadata } = page(
      ld,
      `<article><h1>Harbour reopens after repairs</h1><p>Tide Weekly | Coastal Towns | March 3, 2024</p>${PROSE}</article>`,
    );
    expect(metadata.authors).toEqual(['Ruth Calder']);
    expect(metadata.byline).toBe('By Ruth Calder');
    expect(metadata.bylineEvidence).toBe('json-ld');
    // Near-miss: the page's own line naming the same person stays the page's.
    const same = page(
      ld,
      `<article><h1>Harbour reopens after repairs</h1><p>BY RUTH CALDER</p>${PROSE}</article>`,
    );
    expect(same.metadata.byline).toBe('By Ruth Calder');
    expect(same.metadata.bylineEvidence).toBe('text');
    // Near-miss: a category line marked like a byline is not the article's byline.
    const other = page(
      '<meta name="author" content="Ruth Calder">',
      `<article><h1>Harbour reopens after repairs</h1><div class="post-meta">Coastal Towns · Harbour News</div>${PROSE}</article>`,
    );
    expect(other.metadata.authors).toEqual(['Ruth Calder']);
    expect(other.metadata.byline).toBe('By Ruth Calder');
    expect(other.markdown).not.toContain('Coastal Towns');
  });

  it('should let a visible byline naming people beat a CMS account in structured data', () => {
    expect(isAccountName('andrew.keaveney')).toBe(true);
    expect(isAccountName('jdoe_2')).toBe(true);
    // Near-misses: names and plain one-word handles are not accounts.
    expect(isAccountName('Ruth Calder')).toBe(false);
    expect(isAccountName('ruthc')).toBe(false);
    const ld = `<script type="application/ld+json">${JSON.stringify({
      '@type': 'BlogPosting',
      headline: 'Harbour reopens after repairs',
      author: { '@type': 'Person', name: 'harbour.admin2' },
    })}</script>`;
    const { metadata } = page(
      ld,
      `<article><h1>Harbour reopens after repairs</h1><p>By Ruth Calder</p>${PROSE}</article>`,
    );
    expect(metadata.authors).toEqual(['Ruth Calder']);
    expect(metadata.authorEvidence).toBe('text');
  });

  it('should not take a heading or a menu entry for a byline', () => {
    const { metadata } = page(
      '',
      `<nav><ul><li>marine engines, AI</li></ul></nav><article><h1>Harbour reopens after repairs</h1><div class="post_meta_field"><section><div>${PROSE}<h3>Copper Pipes</h3>${PROSE}</div></section></div></article>`,
    );
    expect(metadata.authors).toEqual([]);
    expect(metadata.byline).toBeNull();
    // Near-miss: a heading that opens with a lead word is a byline.
    const led = page(
      '',
      `<article><h1>Harbour reopens after repairs</h1><h4>By Ruth Calder</h4>${PROSE}</article>`,
    );
    expect(led.metadata.authors).toEqual(['Ruth Calder']);
  });
});

describe('author elements', () => {
  it('should keep the lines of an author element apart', () => {
    const { metadata } = page(
      '',
      `<article><h1>Harbour reopens after repairs</h1><div class="author"><div>Ruth Calder</div><div>Senior Writer, Tide Weekly</div></div>${PROSE}</article>`,
    );
    expect(metadata.authors).toEqual(['Ruth Calder']);
  });

  it("should not read comment authors as the article's, but still read a thread's first poster", () => {
    const comments =
      '<div class="comments"><div class="comment"><span class="comment-author">Alan Pike</span><p>Good news for the town at last, and about time too.</p></div></div>';
    const { metadata } = page(
      '',
      `<article><h1>Harbour reopens after repairs</h1>${PROSE}</article>${comments}`,
    );
    expect(metadata.authors).toEqual([]);
    const thread = ['harbourfan', 'quay_walker', 'ferry22', 'harbourfan']
      .map(
        (u) =>
          `<div class="reply"><span class="author">${u}</span><p>I think the ferry times will change again next week.</p></div>`,
      )
      .join('');
    expect(page('', `<h1>Ferry times after the reopening</h1>${thread}`).metadata.authors).toEqual([
      'harbourfan',
    ]);
  });

  it('should take an organisation that a byline element names when no person is named', () => {
    expect(teamName('Resy Staff')).toBe('Resy Staff');
    expect(teamName('By the Harbour Desk')).toBe('Harbour Desk');
    expect(teamName('Alan Pike')).toBeUndefined();
    expect(bylineNames(['By Tide Weekly Staff', 'By Alan Pike'])).toEqual({
      names: [],
      organisation: 'Tide Weekly Staff',
    });
    // Near-miss: a person named first is the author.
    expect(bylineNames(['By Alan Pike', 'By Tide Weekly Staff'])).toEqual({ names: ['Alan Pike'] });
  });
});
