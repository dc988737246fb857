/**
 * Golden outputs of every bundled seed page (`seeds/`): the Markdown and the
 * facts of the metadata, compared with `tests/golden/<name>.{md,json}`
 * (`npx vitest -u` rewrites them; review the diff). The three pages made for
 * this project come from other kinds of site than the original seed — a wire
 * story text dump, a blog's Markdown, an HTML page with a cookie notice — and
 * prove that the detectors are not tuned to one site. Each also has explicit
 * assertions, so a rewritten golden file cannot hide a regression.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, parse } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cleaner } from '../src/clean.js';

const root = join(import.meta.dirname, '..');
const seeds = readdirSync(join(root, 'seeds')).sort();
const cleaner = new Cleaner({ siteRules: false });
const run = (name: string) =>
  cleaner.clean(readFileSync(join(root, 'seeds', name)), { path: `seeds/${name}` });

describe('golden outputs of the seeds (site rules off)', () => {
  for (const name of seeds) {
    it(`should clean ${name} as recorded`, async () => {
      const { markdown, metadata } = run(name);
      const facts = {
        title: metadata.title,
        dek: metadata.dek,
        byline: metadata.byline,
        authors: metadata.authors,
        publication: metadata.publication,
        published: metadata.published,
        modified: metadata.modified,
        language: metadata.language,
        status: metadata.status,
        related: metadata.related,
        removed: metadata.removed.map((r) => ({ ruleId: r.ruleId, line: r.line, text: r.text })),
      };
      const base = join(root, 'tests', 'golden', parse(name).name);
      await expect(markdown).toMatchFileSnapshot(`${base}.md`);
      await expect(`${JSON.stringify(facts, null, 2)}\n`).toMatchFileSnapshot(`${base}.json`);
    });
  }
});

describe('the wire story (text dump with a dateline)', () => {
  const { markdown, metadata } = run('wire--port-strike-ends.txt');
  it('should keep the dateline as article text and fix the shouted byline', () => {
    expect(markdown).toContain('ROTTERDAM, March 5 (Global Wire) — Port workers');
    expect(metadata.authors).toEqual(['Maria Jansen', 'Tom Okafor']);
    expect(markdown).toContain('\n\nBy Maria Jansen and Tom Okafor\n\n');
    expect(metadata.modified).toBe('2020-03-05T15:45:00-05:00');
  });
  it('should remove the menu, the ad label, the newsletter block and the share/copyright tail', () => {
    for (const gone of [
      'Skip to main content',
      'Advertisement',
      'Morning Briefing',
      'Share this article',
      'LinkedIn',
      'All rights reserved',
    ])
      expect(markdown).not.toContain(gone);
    expect(markdown).toContain(
      '“Nobody wins from a strike that lasts weeks,” said Annelies Bakker',
    );
  });
});

describe('the blog post (Markdown with a real list, comments and a related list)', () => {
  const { markdown, metadata } = run('example-blog--sourdough-starter.md');
  it('should keep the numbered list and the subheads of the body', () => {
    expect(markdown).toContain('1. Take the jar out of the fridge');
    expect(markdown).toContain('4. Leave it at room temperature');
    expect(markdown).toContain('## What about holidays?');
  });
  it('should take out navigation, share links, related posts, comments and the newsletter line', () => {
    for (const gone of [
      '[Home]',
      'Share this post',
      'Related posts',
      '14 comments',
      'Priya',
      'subscribe to the Crumb',
    ])
      expect(markdown).not.toContain(gone);
    expect(metadata.related.map((r) => r.url)).toEqual([
      'https://crumbandcraft.example/no-knead',
      'https://crumbandcraft.example/dense-bread',
      'https://crumbandcraft.example/rye',
    ]);
    expect(metadata.authors).toEqual(["Jamie O'Connor"]);
    expect(metadata.published).toBe('2024-03-12');
  });
});

describe('the HTML page (cookie notice, nav, figure, share tools, "More from" list)', () => {
  const { markdown, metadata } = run('cityherald--central-library-reopens.html');
  it('should read the head metadata and keep the article with its subhead', () => {
    expect(metadata.title).toBe('Central library reopens after two-year restoration');
    expect(metadata.authors).toEqual(['Rosa Lindqvist']);
    expect(metadata.siteName).toBe('The City Herald');
    expect(metadata.published).toBe('2024-09-14T08:30:00+01:00');
    expect(markdown).toContain('## A floor for children');
    expect(markdown).toContain('Membership sign-ups on the first day');
  });
  it('should drop the cookie notice, nav, caption, ad label, share tools, related list and footer', () => {
    for (const gone of [
      'cookies',
      '[News]',
      'Photograph: Ada Brook',
      'Advertisement',
      'Share this article',
      'More from',
      'Tram extension',
      'All rights reserved',
      'Privacy',
      'trackEverything',
    ])
      expect(markdown).not.toContain(gone);
    expect(metadata.related.map((r) => r.title)).toContain(
      'Jazz festival returns to the old docks',
    );
  });
});
