/**
 * Evidence that an HTML element is page chrome rather than article text:
 * landmark tags and roles, and class/id tokens grouped by concept (after
 * trafilatura's `xpaths.py`). Tokens are matched on their `-`/`_`/camelCase
 * parts, so `share-tools` and `socialShare` match `share` but `sharethrough`
 * or `head` (for `ad`) do not.
 */
import type { ChromeConcept } from '../../types.js';

/** Words (token parts, or whole squashed tokens) that name each concept. */
const CONCEPT_WORDS: Record<Exclude<ChromeConcept, 'header'>, readonly string[]> = {
  navigation: [
    'nav',
    'navbar',
    'navigation',
    'menu',
    'menubar',
    'breadcrumb',
    'breadcrumbs',
    'pagination',
    'pager',
    'skiplink',
    'skiplinks',
    'topbar',
  ],
  share: [
    'share',
    'shares',
    'sharing',
    'sharebar',
    'sharetools',
    'social',
    'socials',
    'socialmedia',
    'addthis',
    'sharethis',
    'shariff',
    'follow',
  ],
  newsletter: [
    'newsletter',
    'newsletters',
    'subscribe',
    'subscription',
    'signup',
    'optin',
    'mailinglist',
    'paywall',
    'regwall',
  ],
  related: [
    'related',
    'relatedposts',
    'relatedarticles',
    'recommended',
    'recommendation',
    'recommendations',
    'morestories',
    'moreposts',
    'alsoread',
    'trending',
    'popular',
    'mostread',
    'mostpopular',
    'outbrain',
    'taboola',
    'recirc',
    'recirculation',
    'youmaylike',
  ],
  comments: ['comment', 'comments', 'commentlist', 'disqus', 'respond', 'replies'],
  cookie: ['cookie', 'cookies', 'consent', 'gdpr', 'cmp'],
  ad: [
    'ad',
    'ads',
    'adv',
    'advert',
    'adverts',
    'advertisement',
    'advertising',
    'adsense',
    'adslot',
    'adunit',
    'dfp',
    'sponsor',
    'sponsored',
    'promo',
    'promoted',
    'promotion',
  ],
  footer: ['footer', 'sitefooter', 'colophon', 'copyright'],
  sidebar: ['sidebar', 'rail', 'widget', 'widgets'],
  'author-bio': ['authorbio', 'aboutauthor', 'authorbox', 'authorinfo', 'bio', 'authorcard'],
  tags: ['tags', 'taglist', 'tagcloud', 'topics', 'keywords', 'categories'],
  caption: [
    'caption',
    'captions',
    'figcaption',
    'gallery',
    'slideshow',
    'carousel',
    'lightbox',
    'credit',
    'credits',
    'photocredit',
    'imagecredit',
  ],
};

/** Token parts that mark embedded content (`social-media-embed`, `twitter-tweet`). */
const CONTENT_PARTS = new Set(['embed', 'embedded', 'oembed', 'tweet', 'blockquote', 'pullquote']);

/** Concept words that also mark a run-together compound they start (not `comment`: commentary). */
const PREFIXES: readonly [string, ChromeConcept][] = [
  ['related', 'related'],
  ['recommend', 'related'],
  ['newsletter', 'newsletter'],
  ['subscribe', 'newsletter'],
  ['sidebar', 'sidebar'],
  ['breadcrumb', 'navigation'],
  ['pagination', 'navigation'],
  ['navbar', 'navigation'],
  ['advert', 'ad'],
  ['sharing', 'share'],
  ['sharebutton', 'share'],
  ['socialshare', 'share'],
  ['outbrain', 'related'],
  ['taboola', 'related'],
  ['footer', 'footer'],
];

/** Compound words looked for as parts joined: `author-bio` → `authorbio`. */
const WORD_TO_CONCEPT = new Map<string, ChromeConcept>();
for (const [concept, words] of Object.entries(CONCEPT_WORDS))
  for (const w of words) WORD_TO_CONCEPT.set(w, concept as ChromeConcept);

/** Parts of a class/id token: split on `-`, `_`, digits and camelCase humps, lower-cased. */
export function tokenParts(token: string): string[] {
  return token
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((p) => p.length > 0);
}

/**
 * The chrome concept a class or id token names, if any: one part, or two or
 * three adjacent parts joined (`more-stories`, `author-bio`), name it.
 * `cookie` concepts are only matched when `allowCookie` (the caller checks
 * them on one attribute only: pages about cookies carry that word elsewhere).
 */
export function conceptOfToken(token: string, allowCookie: boolean): ChromeConcept | undefined {
  const parts = tokenParts(token);
  if (isTextSlug(parts)) return undefined;
  const c = findConcept(parts, allowCookie);
  // Embedded posts and quotes are article content whatever else the token
  // says (`social-media-embed`); their captions are still captions.
  if (c && c !== 'caption' && parts.some((p) => CONTENT_PARTS.has(p))) return undefined;
  return c;
}

/** Small words of English prose: component names rarely have them, slugs of titles do. */
const SLUG_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'as',
  'to',
  'in',
  'on',
  'for',
  'and',
  'with',
  'is',
  'are',
  'how',
  'why',
  'what',
  'from',
  'by',
  'at',
  'it',
  'its',
]);

/**
 * A token made from a title (`debt-as-a-share-of-gdp`,
 * `sharing-with-a-single-developer`): four or more parts, two or more of
 * them small words of prose. It names the text it labels, not a component,
 * so the chrome word in it (“share”) says nothing.
 */
export function isTextSlug(parts: readonly string[]): boolean {
  if (parts.length < 4) return false;
  let small = 0;
  for (const p of parts) if (SLUG_WORDS.has(p)) small++;
  return small >= 2;
}

function findConcept(parts: readonly string[], allowCookie: boolean): ChromeConcept | undefined {
  for (let size = 3; size >= 1; size--)
    for (let i = 0; i + size <= parts.length; i++) {
      const c = WORD_TO_CONCEPT.get(parts.slice(i, i + size).join(''));
      if (c && (allowCookie || c !== 'cookie')) return c;
    }
  // Run-together compounds (`relatedpoststitle`, `sharebuttons`): a long part
  // that starts with an unambiguous concept word.
  for (const part of parts)
    for (const [prefix, c] of PREFIXES)
      if (part.length > prefix.length && part.startsWith(prefix)) return c;
  return undefined;
}

/** Landmark tags and roles, and what they say. */
export const TAG_CONCEPT: Readonly<Record<string, ChromeConcept>> = {
  nav: 'navigation',
  aside: 'sidebar',
  footer: 'footer',
  header: 'header',
  figcaption: 'caption',
};

export const ROLE_CONCEPT: Readonly<Record<string, ChromeConcept>> = {
  navigation: 'navigation',
  banner: 'header',
  contentinfo: 'footer',
  complementary: 'sidebar',
  search: 'navigation',
  menu: 'navigation',
  menubar: 'navigation',
};

/** Squashed class/id tokens that name the article body container. */
const CONTENT_WORDS = [
  'articlebody',
  'articlecontent',
  'articletext',
  'postbody',
  'postcontent',
  'posttext',
  'entrycontent',
  'entrybody',
  'entrytext',
  'storybody',
  'storycontent',
  'storytext',
  'bodytext',
  'articlebodytext',
  'contentbody',
  'blogpost',
  'postentry',
];

/** Whether a class/id token names an article body container (`article-body`, `entry-content` …). */
export function isContentToken(token: string): boolean {
  const parts = tokenParts(token);
  if (parts.length === 0) return false;
  // A container token, not a part of one (`article-body__related`).
  if (parts.some((p) => WORD_TO_CONCEPT.has(p))) return false;
  const squashed = parts.join('');
  return CONTENT_WORDS.some(
    (w) => squashed === w || squashed.endsWith(w) || squashed.startsWith(w),
  );
}
