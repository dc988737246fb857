/**
 * Site pack for The Daily Quill (`dailyquill.example`), a made-up news site
 * that shows how a pack is written: data first, with its own fixtures.
 *
 * - `membership`: the members' appeal box (HTML class `dq-membership`).
 * - `app-promo`: the "Get the Daily Quill app" line, in every form.
 * - `most-read`: the "Most read in the Quill" heading and its list.
 * - related: the "More from the Quill" list (kicker, title, byline per item).
 */
import { defineSitePack } from '../types.js';

export default defineSitePack({
  hosts: ['dailyquill.example'],
  detect: ({ htmlMeta }) => htmlMeta?.meta['og:site_name'] === 'The Daily Quill',
  remove: [
    { name: 'membership', selector: '.dq-membership' },
    { name: 'app-promo', text: '/^get the daily quill app\\b/i' },
    { name: 'most-read', heading: 'Most read in the Quill' },
  ],
  related: {
    headings: ['More from the Quill'],
    item: ['kicker', 'title', 'byline'],
  },
});
