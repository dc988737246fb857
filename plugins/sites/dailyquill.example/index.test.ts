import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Cleaner } from '../../../src/clean.js';
import pack from './index.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

const ARTICLE = [
  'The harbour ferry will carry passengers again from Monday',
  'Engineers at the boatyard replaced the diesel engine',
  'Commuters who have used the bus bridge since November',
  'The operator plans to run the first boat at six',
  'The new timetable will be reviewed at the end of the summer',
];

describe('site pack dailyquill.example', () => {
  for (const name of ['page.html', 'page.txt']) {
    it(`should remove the site's boilerplate with its own rule ids (${name})`, () => {
      const cleaner = new Cleaner({
        sitePacks: [pack],
        url: 'https://www.dailyquill.example/local/x',
      });
      const { markdown, metadata } = cleaner.clean(fixture(name), { path: name });
      for (const line of ARTICLE) expect(markdown).toContain(line);
      expect(markdown).not.toContain('Get the Daily Quill app');
      expect(markdown).not.toContain('School choir wins');
      expect(markdown).not.toContain('Become a member');
      const ids = new Set(metadata.removed.map((r) => r.ruleId));
      expect(ids).toContain('site/dailyquill.example/app-promo');
      expect(ids).toContain('site/dailyquill.example/most-read');
      if (name === 'page.html') expect(ids).toContain('site/dailyquill.example/membership');
      expect(metadata.related.map((r) => [r.kicker, r.title, r.authors])).toEqual([
        ['Local news', 'Bridge works delayed by storm', ['Ann Lee']],
        ['Sport', 'Rowing club celebrates centenary', ['Tom Reed']],
      ]);
    });

    it(`should change nothing site-specific with site rules off (${name})`, () => {
      const cleaner = new Cleaner({
        siteRules: false,
        url: 'https://www.dailyquill.example/local/x',
      });
      const { markdown, metadata } = cleaner.clean(fixture(name), { path: name });
      for (const line of ARTICLE) expect(markdown).toContain(line);
      expect(metadata.removed.some((r) => r.ruleId.startsWith('site/'))).toBe(false);
    });
  }

  it('should be found from the HTML alone (canonical URL), without a url option', () => {
    const { metadata } = new Cleaner().clean(fixture('page.html'), { path: 'page.html' });
    expect(metadata.removed.some((r) => r.ruleId === 'site/dailyquill.example/app-promo')).toBe(
      true,
    );
  });
});
