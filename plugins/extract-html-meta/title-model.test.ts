import { describe, expect, it } from 'vitest';
import type { HtmlMeta } from '../shared/types.js';
import { chooseTitle } from './title.js';
import {
  pickTitle,
  TITLE_FEATURES,
  TITLE_WEIGHTS,
  type TitleWeights,
  titleOptions,
} from './title-model.js';

function page(p: Partial<HtmlMeta>): HtmlMeta {
  return { meta: {}, jsonLd: [], times: [], bylines: [], ...p };
}

/** Weights that give one feature a weight of 1 and every other 0. */
function only(feature: (typeof TITLE_FEATURES)[number]): TitleWeights {
  return {
    version: 0,
    features: [...TITLE_FEATURES],
    weights: TITLE_FEATURES.map((f) => (f === feature ? 1 : 0)),
  };
}

const site = { siteNames: ['Gull Point Gazette'] };

describe('titleOptions', () => {
  it('should make equal titles from several sources one candidate, the site name cut', () => {
    const options = titleOptions(
      page({
        title: 'Ferry timetable changes in May | Gull Point Gazette',
        meta: { 'og:title': 'Ferry timetable changes in May' },
        headings: [{ text: 'Ferry timetable changes in May', inArticle: true }],
      }),
      site,
    );
    const merged = options.find((o) => o.title === 'Ferry timetable changes in May');
    expect(merged?.sources).toEqual(['og:title', '<title>', 'h1']);
    // The <title> as written is a candidate of its own (some sites' title keeps the name).
    expect(options.map((o) => o.title)).toContain(
      'Ferry timetable changes in May | Gull Point Gazette',
    );
    expect(options.every((o) => o.features.length === TITLE_FEATURES.length)).toBe(true);
  });

  it('should mark an <h1> that is the site name, and not one that only starts like it', () => {
    const feature = TITLE_FEATURES.indexOf('names the site');
    const of = (h1: string) =>
      titleOptions(page({ headings: [{ text: h1, inArticle: false }] }), site).find((o) =>
        o.sources.includes('h1'),
      )?.features[feature];
    expect(of('Gull Point Gazette')).toBe(1);
    expect(of('Gull Point lighthouse reopens after two years of repairs')).toBe(0);
  });
});

describe('pickTitle', () => {
  const twoWay = page({
    title: 'Buy Trail Shoes Online | Free Delivery',
    meta: { 'og:title': 'Buy Trail Shoes Online' },
    headings: [{ text: 'Trail Shoes', inArticle: true }],
  });

  it('should follow its weights: the precedence rule alone gives the rule title', () => {
    expect(pickTitle(twoWay, {}, only('precedence rule picks it'))?.title).toBe(
      chooseTitle(twoWay)?.title,
    );
    expect(pickTitle(twoWay, {}, only('from h1'))).toMatchObject({
      title: 'Trail Shoes',
      evidence: 'html',
      from: 'h1',
    });
  });

  it('should give the winner its softmax share as the confidence', () => {
    const tie = pickTitle(
      page({ meta: { 'og:title': 'Harbour dredging starts' } }),
      { headline: 'Dredging of the harbour begins this week' },
      only('one or two words'),
    );
    // Two candidates, both scored 0: an even split.
    expect(tie?.confidence).toBe(0.5);
    expect(pickTitle(page({}), {})).toBeUndefined();
  });

  it('should prefer the head title when the only <h1> is the site name (shipped weights)', () => {
    const chosen = pickTitle(
      page({
        title: 'Ferry timetable changes in May - Gull Point Gazette',
        meta: { 'og:title': 'Ferry timetable changes in May', 'og:type': 'article' },
        headings: [{ text: 'Gull Point Gazette', inArticle: false }],
      }),
      site,
      TITLE_WEIGHTS,
    );
    expect(chosen?.title).toBe('Ferry timetable changes in May');
    expect(chosen?.confidence).toBeGreaterThan(0.5);
  });

  it('should prefer the article <h1> over a keyword-stuffed head title on a shop page (shipped weights)', () => {
    const chosen = pickTitle(
      page({
        title: 'Buy Waterproof Trail Running Shoes | Free Delivery over $50 | Ridgeway Outdoor',
        meta: { 'og:title': 'Buy Waterproof Trail Running Shoes | Free Delivery over $50' },
        headings: [{ text: 'Waterproof Trail Running Shoes', inArticle: true }],
      }),
      { siteNames: ['Ridgeway Outdoor'], headline: 'Waterproof Trail Running Shoes' },
    );
    expect(chosen?.title).toBe('Waterproof Trail Running Shoes');
  });

  it('should keep the weights file in step with the features', () => {
    expect(TITLE_WEIGHTS.features).toEqual([...TITLE_FEATURES]);
    expect(TITLE_WEIGHTS.weights).toHaveLength(TITLE_FEATURES.length);
  });
});
