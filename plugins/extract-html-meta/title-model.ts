/**
 * The title chosen by a fitted model among every title the page offers.
 *
 * Candidates: the head titles (JSON-LD headline/name, og:title,
 * twitter:title, citation/Dublin Core/Parse.ly/Sailthru titles, `<title>`),
 * each without the site's name around it, the page's `<h1>`s, and the
 * visible headline; equal texts (folded) are one candidate with all their
 * sources. Each candidate gets features (its sources, how many agree, whether
 * the precedence rule `chooseTitle` picks it, length, containment in other
 * candidates, site-name overlap, junk shapes) and a score `w·x`; the highest
 * score wins and its softmax share among the page's candidates is the
 * confidence. The weights (`title-weights.json`) are fitted by
 * `scripts/train-title.ts` on the tune half of `../shared/corpus-web` only.
 *
 * Not wired into the pipeline yet (`extract-html-meta` still uses the
 * precedence rule `chooseTitle`): on the check half it moved the title
 * match 0.770 → 0.782, but the 65-page corpus' title (Readability's own
 * choice: `<title>`/og:title) fell 0.953 → 0.922, below its floor — the
 * corpora disagree on `<h1>` vs og:title when the two differ. See the
 * CHANGELOG entry.
 */
import type { HtmlMeta } from '../shared/types.js';
import {
  chooseTitle,
  disowned,
  foldTitle,
  junkTitle,
  namesSite,
  type PreparedTitles,
  prepareTitles,
  SITE_SEPARATOR,
  type TitleChoice,
  type TitleContext,
  type TitleEvidence,
  titleWords,
  withoutSiteName,
} from './title.js';
import WEIGHTS from './title-weights.json' with { type: 'json' };

/** Where a candidate was seen; a candidate has one or more. */
export const TITLE_SOURCES = [
  'headline',
  'name',
  'og:title',
  'twitter:title',
  'other-meta',
  '<title>',
  'visible',
  'h1',
  '<title> as written',
] as const;
export type TitleSource = (typeof TITLE_SOURCES)[number];

/** The features, in the order of the weights. */
export const TITLE_FEATURES = [
  ...TITLE_SOURCES.map((s) => `from ${s}`),
  'h1 in article',
  'first h1',
  'only h1',
  'sources agreeing',
  'precedence rule picks it',
  'cut from a longer head title',
  'words (log)',
  'one or two words',
  'over 15 words',
  'separator left',
  'junk shape',
  'names the site',
  'inside another candidate',
  'contains another candidate',
  'inside <title>',
  'ends cut short',
  'all capitals',
  'three or more h1s',
  'article page',
  'from og:title on an article page',
  'from h1 on an article page',
  'from headline on an article page',
  'likeness to other candidates',
  'h1 unlike the head titles',
  'h1 like a head title, not equal',
  'one source against three',
] as const;

export interface TitleWeights {
  version: number;
  features: readonly string[];
  weights: readonly number[];
  note?: string;
}

export interface TitleOption {
  title: string;
  sources: TitleSource[];
  evidence: TitleEvidence | 'html';
  from: string;
  features: number[];
}

export interface ModelChoice extends Omit<TitleChoice, 'evidence'> {
  evidence: TitleEvidence | 'html';
  /** The winner's share of the softmax over the page's candidates (0..1). */
  confidence: number;
}

function sourceOf(from: string): TitleSource {
  if (from === 'headline' || from === 'name' || from === 'og:title' || from === 'twitter:title')
    return from;
  if (from === '<title>') return '<title>';
  return 'other-meta';
}

interface Gathered {
  title: string;
  key: string;
  sources: Set<TitleSource>;
  evidence: TitleEvidence | 'html';
  from: string;
  cut: boolean;
  inArticle: boolean;
  firstH1: boolean;
}

/** Every candidate of a page, with its features. */
export function titleOptions(html: HtmlMeta, context: TitleContext = {}): TitleOption[] {
  const prepared = prepareTitles(html, context);
  const rule = chooseTitle(html, context);
  const byKey = new Map<string, Gathered>();
  const add = (
    title: string,
    source: TitleSource,
    evidence: TitleEvidence | 'html',
    from: string,
    extra: Partial<Pick<Gathered, 'cut' | 'inArticle' | 'firstH1'>> = {},
  ): void => {
    const text = title.replace(/\s+/g, ' ').trim();
    const key = foldTitle(text);
    if (!key || text.length > 300) return;
    let g = byKey.get(key);
    if (!g) {
      g = {
        title: text,
        key,
        sources: new Set(),
        evidence,
        from,
        cut: false,
        inArticle: false,
        firstH1: false,
      };
      byKey.set(key, g);
    }
    g.sources.add(source);
    g.cut ||= extra.cut ?? false;
    g.inArticle ||= extra.inArticle ?? false;
    g.firstH1 ||= extra.firstH1 ?? false;
  };
  for (const c of prepared.cleaned) {
    // Head titles the precedence rule passes over are no candidates: junk shapes, the bare site name, a disowned JSON-LD headline.
    if (
      prepared.sites.includes(foldTitle(c.raw)) ||
      junkTitle(c.title, prepared.sites, prepared.headline) !== undefined ||
      (c.from === 'headline' && disowned(c.title, prepared.cleaned, prepared.head))
    )
      continue;
    add(c.title, sourceOf(c.from), c.evidence, c.from, {
      cut: foldTitle(c.title) !== foldTitle(c.raw),
    });
  }
  // The `<title>` with the site's name left in: some sites' own title for the page.
  if (html.title) add(html.title, '<title> as written', 'meta', '<title>');
  const headings = html.headings ?? [];
  headings.forEach((h, i) => {
    const text = withoutSiteName(h.text, prepared);
    add(text, 'h1', 'html', 'h1', {
      inArticle: h.inArticle,
      firstH1: i === 0,
      cut: foldTitle(text) !== foldTitle(h.text),
    });
  });
  if (prepared.headline) add(prepared.headline, 'visible', 'text', 'headline');
  if (rule)
    add(
      rule.title,
      rule.from === 'headline' && rule.evidence === 'text' ? 'visible' : sourceOf(rule.from),
      rule.evidence,
      rule.from,
    );
  const all = [...byKey.values()];
  const ruleKey = rule ? foldTitle(rule.title) : '';
  const titleTag = foldTitle(html.title ?? '');
  const ogType = (html.meta['og:type'] ?? '').toLowerCase();
  const articlePage = ogType === 'article' || articleJsonLd(html);
  return all.map((g) => ({
    title: g.title,
    sources: TITLE_SOURCES.filter((s) => g.sources.has(s)),
    evidence: g.evidence,
    from: g.from,
    features: featuresOf(g, all, prepared, {
      ruleKey,
      titleTag,
      h1s: headings.length,
      articlePage,
    }),
  }));
}

function featuresOf(
  g: Gathered,
  all: readonly Gathered[],
  prepared: PreparedTitles,
  page: { ruleKey: string; titleTag: string; h1s: number; articlePage: boolean },
): number[] {
  const words = titleWords(g.title);
  const letters = g.title.replace(/[^\p{L}]/gu, '');
  const others = all.filter((o) => o !== g);
  const mine = wordSet(g.title);
  const likeness = Math.max(0, ...others.map((o) => jaccard(mine, wordSet(o.title))));
  const heads = others.filter((o) =>
    [...o.sources].some((s) => s !== 'h1' && s !== 'visible' && s !== '<title> as written'),
  );
  const headLikeness = Math.max(0, ...heads.map((o) => jaccard(mine, wordSet(o.title))));
  const h1 = g.sources.has('h1');
  const own = [...g.sources].filter((s) => s !== '<title> as written');
  const head = own.some((s) => s !== 'h1' && s !== 'visible');
  const crowd = others.some(
    (o) => [...o.sources].filter((s) => s !== '<title> as written').length >= 3,
  );
  const onArticle = page.articlePage ? 1 : 0;
  return [
    ...TITLE_SOURCES.map((s) => (g.sources.has(s) ? 1 : 0)),
    g.inArticle ? 1 : 0,
    g.firstH1 ? 1 : 0,
    g.sources.has('h1') && page.h1s === 1 ? 1 : 0,
    Math.min(g.sources.size, 6) / 3,
    g.key === page.ruleKey ? 1 : 0,
    g.cut ? 1 : 0,
    Math.log(1 + words),
    words <= 2 ? 1 : 0,
    words > 15 ? 1 : 0,
    SITE_SEPARATOR.test(g.title) ? 1 : 0,
    junkTitle(g.title, prepared.sites, prepared.headline) !== undefined ? 1 : 0,
    namesSite(g.title, prepared.sites) ? 1 : 0,
    others.some((o) => o.key.includes(g.key)) ? 1 : 0,
    others.some((o) => g.key.includes(o.key)) ? 1 : 0,
    page.titleTag.includes(g.key) ? 1 : 0,
    /(?:…|\.\.\.)$/.test(g.title) ? 1 : 0,
    letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()
      ? 1
      : 0,
    page.h1s >= 3 ? 1 : 0,
    onArticle,
    g.sources.has('og:title') ? onArticle : 0,
    h1 ? onArticle : 0,
    g.sources.has('headline') ? onArticle : 0,
    likeness,
    h1 && !head && heads.length > 0 && headLikeness < 0.3 ? 1 : 0,
    h1 && !head && headLikeness >= 0.5 && headLikeness < 1 ? 1 : 0,
    own.length === 1 && crowd ? 1 : 0,
  ];
}

/** The words of a title, lower-cased, without punctuation. */
function wordSet(title: string): Set<string> {
  return new Set(
    title
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [],
  );
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  return both / (a.size + b.size - both);
}

/** Whether the page's JSON-LD declares an article (NewsArticle, BlogPosting…). */
function articleJsonLd(html: HtmlMeta): boolean {
  return html.jsonLd.some((o) => {
    const t = o['@type'];
    const types = Array.isArray(t) ? t : [t];
    return types.some((x) => typeof x === 'string' && /(?:Article|BlogPosting|Report)$/.test(x));
  });
}

/** `w·x` of one candidate. */
export function scoreTitle(features: readonly number[], weights: TitleWeights): number {
  let s = 0;
  for (let i = 0; i < features.length; i++) s += (weights.weights[i] ?? 0) * (features[i] ?? 0);
  return s;
}

/** The fitted weights shipped beside this module. */
export const TITLE_WEIGHTS: TitleWeights = WEIGHTS;

/**
 * The page's title by the fitted model, or undefined when the page offers
 * none. Ties go to the earlier candidate (head titles in precedence order,
 * then `<h1>`s, then the visible headline).
 */
export function pickTitle(
  html: HtmlMeta,
  context: TitleContext = {},
  weights: TitleWeights = TITLE_WEIGHTS,
): ModelChoice | undefined {
  const options = titleOptions(html, context);
  if (options.length === 0) return undefined;
  const scores = options.map((o) => scoreTitle(o.features, weights));
  let best = 0;
  for (let i = 1; i < scores.length; i++) if ((scores[i] ?? 0) > (scores[best] ?? 0)) best = i;
  const top = scores[best] ?? 0;
  const total = scores.reduce((sum, s) => sum + Math.exp(s - top), 0);
  const winner = options[best]!;
  return {
    title: winner.title,
    evidence: winner.evidence,
    from: winner.from,
    confidence: Math.round((1 / total) * 1000) / 1000,
  };
}
