import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/clean.js';
import { fixtureCases, runFixture } from '../../tests/helpers/fixtures.js';
import { remarkDetectByline } from '../detect-byline/index.js';
import { remarkDetectHeadline } from '../detect-headline/index.js';
import type { HtmlMeta } from '../shared/types.js';
import {
  chooseTitle,
  dateOfTexts,
  namesFrom,
  remarkExtractHtmlMeta,
  stripTitleSuffix,
  threadStarter,
} from './index.js';

const dir = join(import.meta.dirname, 'fixtures');
const byName = (name: string) => fixtureCases(dir).find((f) => f.name === name)!;
const run = (name: string) =>
  runFixture(byName(name), [remarkDetectHeadline, remarkDetectByline, remarkExtractHtmlMeta]);

describe('remark-extract-html-meta', () => {
  it('should prefer JSON-LD over meta tags and visible text', () => {
    const meta = run('json-ld-beats-meta').file.data.meta!;
    expect(meta.authors).toEqual(['Jane Doe', 'John McIntyre']);
    expect(meta.authorEvidence).toBe('json-ld');
    expect(meta.published).toBe('2024-03-12T09:30:00+00:00');
    expect(meta.modified).toBe('2024-03-12T17:05:00+00:00');
    expect(meta.dateEvidence).toEqual({ published: 'json-ld', modified: 'json-ld' });
    expect(meta.siteName).toBe('City Herald');
    expect(meta.publication).toBe('City Herald');
    expect(meta.canonicalUrl).toBe('https://herald.example/news/harbour');
    expect(meta.title).toBe('Harbour closes as storm arrives');
    // One source for the byline: the visible line names someone else, so the line is the authors'.
    expect(meta.byline).toBe('By Jane Doe and John McIntyre');
    expect(meta.bylineEvidence).toBe('json-ld');
  });

  it('should read meta tags when there is no JSON-LD, before <time>', () => {
    const meta = run('meta-tags-only').file.data.meta!;
    expect(meta.authors).toEqual(["Anna O'Neill"]);
    expect(meta.authorEvidence).toBe('meta');
    expect(meta.published).toBe('2023-07-04');
    expect(meta.dateEvidence?.published).toBe('meta');
    expect(meta.canonicalUrl).toBe('https://greenthumb.example/posts/basil');
    expect(meta.byline).toBe("By Anna O'Neill");
  });

  it('should fill the title from <title> without its site suffix when no headline block set it', () => {
    const r = runFixture(byName('meta-tags-only'), [remarkExtractHtmlMeta]);
    expect(r.file.data.meta!.title).toBe('Ten ways to keep basil alive');
  });

  it('should let head evidence beat the visible headline, which stays the headline', () => {
    const r = runFixture(byName('meta-tags-only'), [
      () => (_t, file) => {
        file.data.meta = {
          authors: [],
          headline: 'Keep basil alive',
          title: 'Keep basil alive',
          titleEvidence: 'text',
        };
      },
      remarkExtractHtmlMeta,
    ]);
    expect(r.file.data.meta).toMatchObject({
      title: 'Ten ways to keep basil alive',
      titleEvidence: 'meta',
      headline: 'Keep basil alive',
    });
  });

  it('should take the JSON-LD headline first (CDATA-wrapped, entities decoded), then og:title, then the visible headline', () => {
    const meta = run('title-precedence').file.data.meta!;
    expect(meta.title).toBe('Harbour reopens & ferries return — at last');
    expect(meta.titleEvidence).toBe('json-ld');
    expect(meta.headline).toBe('Harbour reopens after the storm');
    expect(meta.published).toBe('2024-05-02');
  });

  it('should read front matter, whose title beats the visible headline', () => {
    const meta = runFixture(byName('front-matter'), [remarkDetectHeadline, remarkExtractHtmlMeta])
      .file.data.meta!;
    expect(meta).toMatchObject({
      title: 'Sourdough for beginners',
      titleEvidence: 'front-matter',
      headline: 'A starter from scratch',
      authors: ['Pat Baker', 'Lee Rye'],
      authorEvidence: 'front-matter',
      published: '2022-09-15',
    });
  });

  it('should strip site suffixes but keep subtitles', () => {
    expect(stripTitleSuffix('Storm closes harbour | City Herald', 'City Herald')).toBe(
      'Storm closes harbour',
    );
    expect(stripTitleSuffix('City Herald - Storm closes the harbour', 'City Herald')).toBe(
      'Storm closes the harbour',
    );
    expect(stripTitleSuffix('Putin meets Kim: what they agreed')).toBe(
      'Putin meets Kim: what they agreed',
    );
    expect(stripTitleSuffix('Ten ways to keep basil alive - Green Thumb Blog')).toBe(
      'Ten ways to keep basil alive',
    );
    expect(stripTitleSuffix('Hello - World')).toBe('Hello - World');
  });

  it('should read names out of author strings and refuse URLs', () => {
    expect(namesFrom('By Jane Doe and John Smith')).toEqual(['Jane Doe', 'John Smith']);
    expect(namesFrom('Jane Doe, Staff Writer')).toEqual(['Jane Doe']);
    expect(namesFrom('https://www.facebook.com/janedoe')).toEqual([]);
    expect(namesFrom('肖春芳')).toEqual(['肖春芳']);
    expect(namesFrom('BBC News')).toEqual([]);
  });
});

describe('title and headline through the whole pipeline', () => {
  it('should keep the visible headline in the body and the declared title in the metadata', () => {
    const { markdown, metadata } = clean(byName('title-precedence').input, { from: 'html' });
    expect(markdown.split('\n')[0]).toBe('# Harbour reopens after the storm');
    expect(metadata).toMatchObject({
      title: 'Harbour reopens & ferries return — at last',
      titleEvidence: 'json-ld',
      headline: 'Harbour reopens after the storm',
    });
  });

  it('should leave text dumps as they were: the title is the headline', () => {
    const text =
      'Harbour reopens after the storm\n\nThe harbour reopened on Thursday morning after a week of repairs to the sea wall, the harbour master said.\n\nThe first ferry left for the islands at nine, carrying crews stranded on the mainland since the storm.\n';
    const { metadata } = clean(text, { from: 'text' });
    expect(metadata).toMatchObject({
      title: 'Harbour reopens after the storm',
      titleEvidence: 'text',
      headline: 'Harbour reopens after the storm',
    });
  });
});

describe('chooseTitle', () => {
  const html = (over: Partial<HtmlMeta>): HtmlMeta => ({
    meta: {},
    jsonLd: [],
    times: [],
    bylines: [],
    ...over,
  });

  it('should follow the precedence JSON-LD, og:title, twitter:title, <title>, visible headline', () => {
    const page = html({
      title: 'Title tag text here - Site',
      meta: { 'og:title': 'The og title here', 'twitter:title': 'The twitter title here' },
      jsonLd: [{ '@type': 'BlogPosting', headline: 'The JSON-LD headline' }],
    });
    expect(chooseTitle(page)).toEqual({
      title: 'The JSON-LD headline',
      evidence: 'json-ld',
      from: 'headline',
    });
    expect(chooseTitle({ ...page, jsonLd: [] })?.from).toBe('og:title');
    expect(
      chooseTitle({ ...page, jsonLd: [], meta: { 'dc:title x:title': 'Dublin Core' } }),
    ).toMatchObject({ title: 'Dublin Core', from: 'dc.title' });
    expect(chooseTitle(html({}), { headline: 'Seen on the page' })).toEqual({
      title: 'Seen on the page',
      evidence: 'text',
      from: 'headline',
    });
    expect(chooseTitle(html({}))).toBeUndefined();
  });

  it('should drop the site name by og:site_name, the host, a shared affix or the visible headline', () => {
    const t = (title: string, context = {}) =>
      chooseTitle(html({ meta: { 'og:title': title } }), context)?.title;
    expect(t('Storm closes harbour | City Herald', { siteNames: ['City Herald'] })).toBe(
      'Storm closes harbour',
    );
    expect(t('City Herald :: Storm closes harbour', { siteNames: ['City Herald'] })).toBe(
      'Storm closes harbour',
    );
    expect(t('Storm closes harbour — The Tide', { host: 'www.thetide.co.uk' })).toBe(
      'Storm closes harbour',
    );
    expect(t('The Tide: Storm closes harbour', { host: 'thetide.example' })).toBe(
      'Storm closes harbour',
    );
    expect(t('Storm closes harbour · Notes', { headline: 'Storm closes harbour' })).toBe(
      'Storm closes harbour',
    );
    const shared = html({
      meta: { 'og:title': 'Storm closes harbour | Tide Log' },
      title: 'Ferries cancelled for the week | Tide Log',
    });
    expect(chooseTitle(shared)?.title).toBe('Storm closes harbour');
  });

  it('should keep subtitles and titles that only mention the site (near-misses)', () => {
    const t = (title: string, context = {}) =>
      chooseTitle(html({ meta: { 'og:title': title } }), context)?.title;
    // No site evidence: og:title is never cut by length alone.
    expect(t('How we designed our task queue - an async framework')).toBe(
      'How we designed our task queue - an async framework',
    );
    // The site's name inside a long part is part of the title.
    expect(
      t('Review: the Herald drama nobody expected | Radio Week', { siteNames: ['Herald'] }),
    ).toBe('Review: the Herald drama nobody expected | Radio Week');
    // A colon prefix goes only when it is exactly the site's name.
    expect(t('Putin meets Kim: what they agreed', { siteNames: ['Putin Daily'] })).toBe(
      'Putin meets Kim: what they agreed',
    );
    // One title extending another shares no site affix.
    const longer = html({
      meta: { 'og:title': 'Firefox — Make it yours' },
      title: 'Firefox — Make it yours — The flexible browser',
    });
    expect(chooseTitle(longer)?.title).toBe('Firefox — Make it yours');
  });

  it('should pass over junk head titles', () => {
    const pick = (meta: Record<string, string>, title?: string, context = {}) =>
      chooseTitle(html({ meta, ...(title ? { title } : {}) }), context);
    // Only the site's name (a CMS put it in og:title): the <title> wins.
    expect(
      pick({ 'og:title': 'Tide Times', 'og:site_name': 'Tide Times' }, 'Harbour reopens', {
        siteNames: ['Tide Times'],
      }),
    ).toMatchObject({ title: 'Harbour reopens', from: '<title>' });
    expect(pick({ 'og:title': 'Home' }, 'Harbour reopens')?.from).toBe('<title>');
    expect(pick({ 'og:title': '   ' }, 'Harbour reopens')?.from).toBe('<title>');
    // The headline padded with keywords: the next evidence, or the headline itself.
    const seo =
      'Harbour reopens after storm harbour news ferry times tide tables weather sea wall repairs';
    expect(
      pick({ 'og:title': seo }, undefined, { headline: 'Harbour reopens after storm' }),
    ).toEqual({ title: 'Harbour reopens after storm', evidence: 'text', from: 'headline' });
    // Truncated copies of the headline.
    expect(
      pick({ 'og:title': 'Harbour reopens after the…' }, undefined, {
        headline: 'Harbour reopens after the storm',
      })?.evidence,
    ).toBe('text');
    // A site name equal to the visible headline (application-name = title) names no site.
    expect(
      pick({ 'og:title': 'Harbour reopens' }, undefined, {
        siteNames: ['Harbour reopens'],
        headline: 'Harbour reopens',
      }),
    ).toMatchObject({ title: 'Harbour reopens', evidence: 'meta' });
  });

  it('should take, of several JSON-LD stories, the one the page names, else none', () => {
    const stories = [
      { '@type': 'NewsArticle', headline: 'Ferries return to the islands' },
      { '@type': 'NewsArticle', headline: 'Harbour wall repaired at last' },
    ];
    const page = html({ jsonLd: stories, title: 'Harbour wall repaired at last | Tide Times' });
    expect(chooseTitle(page)).toMatchObject({
      title: 'Harbour wall repaired at last',
      evidence: 'json-ld',
    });
    // A front page listing stories names none of them: its own title stands.
    const front = html({ jsonLd: stories, meta: { 'og:title': 'Tide Times: all the news' } });
    expect(chooseTitle(front)).toMatchObject({
      title: 'Tide Times: all the news',
      from: 'og:title',
    });
  });

  it('should take the visible headline when a head title is that headline plus a category, keywords or the site', () => {
    const pick = (meta: Record<string, string>, title: string | undefined, headline: string) =>
      chooseTitle(html({ meta, ...(title ? { title } : {}) }), { headline });
    // The headline followed by more words, with or without a separator.
    expect(
      pick({ 'og:title': 'Trail Shoes: Light Grip for Wet Rock' }, undefined, 'Trail Shoes'),
    ).toEqual({
      title: 'Trail Shoes',
      evidence: 'text',
      from: 'headline',
    });
    expect(
      pick({}, 'Why Ferries Run Late? Our Guide for 2030', 'Why ferries run late?')?.title,
    ).toBe('Why ferries run late?');
    // A separated part before the headline: a section or the site.
    expect(
      pick({}, 'Garden Notes › Pruning roses in spring', 'Pruning roses in spring')?.title,
    ).toBe('Pruning roses in spring');
    // Near-miss: only the strongest head title counts; a JSON-LD headline that differs stands.
    const both = html({
      title: 'Pruning roses in spring | Garden Notes',
      jsonLd: [{ '@type': 'BlogPosting', headline: 'Spring pruning, step by step' }],
    });
    expect(chooseTitle(both, { headline: 'Pruning roses in spring' })?.title).toBe(
      'Spring pruning, step by step',
    );
  });

  it('should keep the head title when it only ends with the headline or the headline is the site (near-misses)', () => {
    const pick = (meta: Record<string, string>, title: string | undefined, context = {}) =>
      chooseTitle(html({ meta, ...(title ? { title } : {}) }), context);
    // Ending with the headline without a separator: a longer title of its own.
    expect(
      pick({ 'og:title': 'Ten ways to keep basil alive' }, undefined, {
        headline: 'Keep basil alive',
      })?.title,
    ).toBe('Ten ways to keep basil alive');
    // A headline that is the site's name (a logo in <h1>) is no title.
    expect(
      pick({ 'og:title': 'Garden Notes: Pruning roses' }, undefined, {
        headline: 'Garden Notes',
        siteNames: ['Garden Notes'],
      }),
    ).toMatchObject({ title: 'Garden Notes: Pruning roses', evidence: 'meta' });
    // A JSON-LD headline no head title ties to the visible headline still comes first.
    const page = html({
      title: 'Ferries return | Tide Times',
      jsonLd: [{ '@type': 'NewsArticle', headline: 'Ferries return to the islands' }],
    });
    expect(chooseTitle(page, { headline: 'Harbour news' })).toMatchObject({ evidence: 'json-ld' });
  });

  it('should drop the site name on every common separator, at either end', () => {
    const t = (title: string) =>
      chooseTitle(html({ meta: { 'og:title': title } }), { siteNames: ['Tide Times'] })?.title;
    for (const sep of [' | ', ' : ', ' » ', ' › ', ' « ', ' :: ', ' – ', ' - ', ' · ', ' ~ '])
      for (const title of [`Harbour reopens${sep}Tide Times`, `Tide Times${sep}Harbour reopens`])
        expect(t(title), title).toBe('Harbour reopens');
    // A French subtitle after a spaced colon stays when no part names the site.
    expect(t('Le port rouvre : les ferries reviennent')).toBe(
      'Le port rouvre : les ferries reviennent',
    );
  });

  it("should take JSON-LD's name when its headline agrees with nothing else", () => {
    const page = html({
      title: 'List of films about loops - Wiki',
      jsonLd: [{ '@type': 'Article', name: 'List of films about loops', headline: 'Wiki list' }],
    });
    expect(chooseTitle(page, { siteNames: ['Wiki'] })).toMatchObject({
      title: 'List of films about loops',
      from: 'name',
    });
  });
});

describe('authors from structured evidence', () => {
  const page = (
    head: string,
    body = '<p>Body text of the page, long enough to be a paragraph of prose.</p>',
  ) =>
    clean(
      `<html><head>${head}</head><body><article><h1>A headline here</h1>${body}</article></body></html>`,
      {
        from: 'html',
      },
    ).metadata;

  it('should take an organisation declared as the author when no person is named', () => {
    const ld = (author: object) =>
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'BlogPosting', headline: 'A headline here', author })}</script>`;
    expect(page(ld({ '@type': 'Organization', name: 'Harbour Movers' })).authors).toEqual([
      'Harbour Movers',
    ]);
    // A person-typed author that reads like a team is still the declared author.
    expect(page(ld({ '@type': 'Person', name: 'Tide Editorial Team' })).authors).toEqual([
      'Tide Editorial Team',
    ]);
    // Near-miss: a person named in the byline beats the organisation.
    expect(
      page(
        ld({ '@type': 'Organization', name: 'Harbour Movers' }),
        '<p class="byline">By Jane Doe</p><p>Body text of the page, long enough to be a paragraph of prose.</p>',
      ).authors,
    ).toEqual(['Jane Doe']);
  });

  it('should never take a placeholder account for an author', () => {
    expect(page('<meta name="author" content="admin">').authors).toEqual([]);
  });
});

describe('threadStarter', () => {
  it('should take the first of several post authors, or the one labelled the starter', () => {
    expect(threadStarter(['river.otter', 'kestrel_9', 'river.otter', 'Moss'])).toEqual([
      'river.otter',
    ]);
    expect(
      threadStarter(['heron 12 posts', 'kestrel_9 Discussion starter 3 posts', 'moss 5 posts']),
    ).toEqual(['kestrel_9']);
  });

  it('should not read one author element or prose as a thread (near-misses)', () => {
    expect(threadStarter(['river.otter'])).toEqual([]);
    expect(
      threadStarter(['About the author', 'Jane Doe writes about ships', 'More posts']),
    ).toEqual([]);
  });
});

describe('dateOfTexts', () => {
  it('should read the first full date of date elements, in the page language', () => {
    expect(dateOfTexts(['5 min read', 'Posted on March 5, 2020'])).toBe('2020-03-05');
    expect(dateOfTexts(['8. Dezember 2010 um 09:43'], 'de')).toBe('2010-12-08T09:43:00');
    expect(dateOfTexts(['23 février 2009'], 'fr')).toBe('2009-02-23');
    expect(dateOfTexts(['3 de mayo de 2022'], 'es')).toBe('2022-05-03');
  });

  it('should pass over update dates and dates without a year (near-misses)', () => {
    expect(dateOfTexts(['Updated May 5, 2020'])).toBeUndefined();
    expect(dateOfTexts(['May 2, 2020 · Updated May 5, 2020'])).toBe('2020-05-02');
    expect(dateOfTexts(['Jun 2'])).toBeUndefined();
  });
});
