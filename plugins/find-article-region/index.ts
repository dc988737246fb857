/**
 * remark-find-article-region — label what lies outside the article.
 *
 * What: scores every block of the page (`plugins/shared/signals.ts`): running
 * prose weighs its words, short sentences a little, and menu lines, link
 * lists, chrome phrases and chrome-classed HTML weigh against. The article
 * region is the run of blocks with the largest total (a maximum-sum
 * subarray), so short in-article elements (subheads, quotes, lists,
 * captions) between prose stay inside while menus before the title and
 * footers, link lists and comment threads after the article fall outside.
 * The headline anchors the start: the few opening lines between it and the
 * first paragraph (a kicker, key-point bullets) join the article unless they
 * look like chrome. A chart drawn in HTML (a run of axis labels) weighs
 * nothing; a list of teaser cards (date stamps in its items) weighs as
 * chrome. Free blocks outside the region are labelled `outside-article`, more
 * confidently when they also look like chrome. A page without a prose
 * region (an index or list page) is left alone and marked `not_article`.
 *
 * When: after the specific detectors (headline, newsletter, related, dedupe),
 * before `strip-boilerplate`, `guard` and `prune`.
 *
 * Options:
 * - `minRegionWords` (default: `40`): a region with fewer prose words means
 *   the page is not an article; nothing is labelled.
 * - `extraPhrases` (default: none): more lexicon phrases per concept.
 *
 * Messages: none here; prune reports each removal with rule id
 * `outside-article` and the reason.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { isBylineText } from '../shared/byline.js';
import { parseDate } from '../shared/dates.js';
import { blockFeatures } from '../shared/features.js';
import { isFree, label, peek } from '../shared/label.js';
import {
  compileLexicon,
  fold,
  type LexiconHit,
  mergePhrases,
  type Phrases,
} from '../shared/lexicon.js';
import {
  type BlockSignals,
  hintScore,
  isProse,
  type PageSignals,
  proseStopwords,
  strongLexicon,
} from '../shared/signals.js';

export interface Options {
  /** Fewer prose words in the best region means "not an article" (default: `40`). */
  minRegionWords?: number;
  /** Extra lexicon phrases per concept, merged with the built-in ones (default: none). */
  extraPhrases?: Phrases;
}

export const defaults = { minRegionWords: 40 } as const;

export const RULE_ID = 'outside-article';

/** Date-stamp lines inside one list that make it a list of teaser cards. */
const TEASER_DATES = 3;

/** A numbered item line (`1) …`, `2. …`): listicles number their entries, menus rarely do (ordered lists likewise). */
const NUMBERED = /^\(?\d{1,2}[.)]\s+\S/u;
/** A line that is only a URL (a text dump of a link the author pasted). */
const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/u;

/** How much a block speaks for (positive) or against (negative) being article text. */
export function regionWeight(b: BlockSignals): number {
  if (b.words === 0) return 0;
  const prose = isProse(b);
  let w: number;
  if (prose) w = b.words * (1 - b.linkDensity);
  else if (b.node.type === 'list' && b.node.ordered && b.itemWords >= 3 && b.linkDensity < 0.7)
    w = Math.min(b.items, 40);
  else if (b.kind === 'list' && b.itemWords < 8) w = -2 - 1.5 * Math.min(b.items, 40);
  else if (
    b.words >= 4 &&
    b.kind !== 'heading' &&
    (b.endsWithPunct || b.sentences > 0) &&
    proseStopwords(b) &&
    b.linkDensity < 0.4
  )
    w = 0.3 * b.words;
  else if (b.kind === 'heading') w = -1;
  else if (NUMBERED.test(b.text) && b.words >= 2) w = 1;
  else if (BARE_URL.test(b.text)) w = -0.3;
  else if (b.kind === 'list' && proseStopwords(b) && b.linkDensity < 0.4) w = 0;
  else if (b.kind === 'list') w = -2 - 1.5 * Math.min(b.items, 40);
  else if (b.words >= 5 && (b.stopwordDensity ?? 0.2) >= 0.15 && b.linkDensity < 0.4) w = -0.5;
  else w = -2 - 0.1 * b.words;
  const lex = strongLexicon(b);
  if (lex && (!prose || lex.coverage >= 0.25)) w = Math.min(w, -3 - 0.5 * b.words);
  if (b.linkDensity > 0.5 && !BARE_URL.test(b.text))
    w = Math.min(w, -2 - Math.min(b.words, 12) * b.linkDensity);
  if (!prose && b.repeats > 1) w -= 1;
  const hs = hintScore(b.hints);
  if (hs < 0) w = w > 0 ? w * 0.3 : w * 1.5 - 1;
  else if (hs > 0) w = w > 0 ? w * 1.5 : w * 0.5;
  return w;
}

/**
 * Long runs of non-prose blocks (menus, category lists, link farms) weigh
 * more than the sum of their lines: the k-th consecutive negative block
 * counts `1 + 0.25 (k - 1)` times, so a subhead or caption between prose
 * costs little but a 50-line menu is a wall.
 */
export function streakPenalty(weights: readonly number[]): number[] {
  let k = 0;
  return weights.map((w) => {
    if (w === 0) return 0;
    if (w > 0) {
      k = 0;
      return w;
    }
    k++;
    return w * (1 + 0.25 * (k - 1));
  });
}

/**
 * Article paragraphs come in runs; a prose block with non-prose on both sides
 * (a teaser under its title and date, a comment between name and “Reply”)
 * counts `ISOLATED` of its weight. Empty blocks are skipped when looking for
 * neighbours.
 */
export function isolationDiscount(
  blocks: readonly BlockSignals[],
  weights: readonly number[],
): number[] {
  const filled = blocks.filter((b) => b.words > 0);
  const pos = new Map(filled.map((b, i) => [b.index, i]));
  return weights.map((w, i) => {
    const b = blocks[i]!;
    if (w <= 0 || !isProse(b)) return w;
    const k = pos.get(b.index)!;
    const prev = filled[k - 1];
    const next = filled[k + 1];
    const alone = !(prev && isProse(prev)) && !(next && isProse(next));
    return alone ? w * ISOLATED : w;
  });
}

const ISOLATED = 0.6;

/** Cost of each date-only line when a page has three or more (teaser cards, comments). */
const DATE_CARD = 20;

/** The maximum-sum run of weights: `[start, end]` inclusive, or undefined if none is positive. */
export function bestRun(
  weights: readonly number[],
): { start: number; end: number; sum: number } | undefined {
  let best: { start: number; end: number; sum: number } | undefined;
  let sum = 0;
  let start = 0;
  weights.forEach((w, i) => {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += w;
    if (sum > 0 && (!best || sum > best.sum)) best = { start, end: i, sum };
  });
  return best;
}

function evidence(b: BlockSignals, streak: number): { reason: string; confidence: number } {
  const why: string[] = [];
  const lex = strongLexicon(b);
  if (lex) why.push(`${lex.concept} phrase “${lex.phrases[0]}”`);
  if (b.linkDensity > 0.5) why.push(`link density ${b.linkDensity.toFixed(2)}`);
  if (hintScore(b.hints) < 0) why.push('chrome markup');
  if (b.dateLines > 0 && b.kind === 'list') why.push('teaser card with a date stamp');
  const shortList = b.kind === 'list' && b.itemWords < 8;
  if (shortList) why.push(`list of ${b.items} short items`);
  const prose = isProse(b);
  if (!prose && streak >= 6) why.push(`one of ${streak} non-prose blocks in a row`);
  if (!prose && why.length === 0)
    why.push(b.kind === 'heading' ? 'heading' : 'short non-prose line');
  if (prose) why.push('prose away from the main run');
  const strong =
    why.length > 1 || lex || b.linkDensity > 0.5 || (shortList && b.items >= 5) || streak >= 6;
  const confidence = prose ? 0.6 : strong ? 0.9 : 0.75;
  return { reason: `outside the article region: ${why.join(', ')}`, confidence };
}

/** For each block, the length of the run of consecutive non-prose blocks it belongs to (0 for prose). */
export function nonProseStreaks(blocks: readonly BlockSignals[]): number[] {
  const out = blocks.map(() => 0);
  let i = 0;
  while (i < blocks.length) {
    if (isProse(blocks[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < blocks.length && !isProse(blocks[j]!)) j++;
    const n = blocks.slice(i, j).filter((b) => b.words > 0).length;
    for (let k = i; k < j; k++) out[k] = n;
    i = j;
  }
  return out;
}

/** Two prose blocks nearly free of chrome phrases, in a row, within the next 14 non-empty blocks after `index`. */
function resumes(blocks: readonly BlockSignals[], index: number): boolean {
  const next = blocks
    .slice(index + 1)
    .filter((b) => b.words > 0)
    .slice(0, 14);
  // Single navigation/share words (“home”, “share”, “print”) occur in news prose.
  const weak = (h: LexiconHit) =>
    (h.concept === 'navigation' || h.concept === 'share') &&
    h.phrases.every((p) => !p.includes(' '));
  const plain = (b: BlockSignals) => isProse(b) && b.lexicon.every(weak);
  return next.some((b, i) => i > 0 && plain(b) && plain(next[i - 1]!));
}

/** A short header announcing related links or comments (“Related articles”, “3 comments”). */
export function isBarrier(b: BlockSignals): boolean {
  if (b.words > 6 || isProse(b)) return false;
  return b.lexicon.some(
    (h) =>
      (h.concept === 'related' || h.concept === 'comment' || h.concept === 'bio') &&
      h.coverage >= 0.4,
  );
}

/**
 * The block that opens the article: the first block that repeats the page
 * title (text dumps start with the `<title>`, e.g. “Headline | Site”), else
 * the first level-1 heading, else a block another plugin marked as headline.
 */
export function anchorIndex(
  blocks: readonly BlockSignals[],
  title: string | undefined,
): number | undefined {
  const first = blocks[0];
  // A page that opens with its level-1 heading (copydesk's own output, most
  // Markdown) names its headline: later blocks that repeat it are captions
  // and share links, not the start of the article.
  if (first?.node.type === 'heading' && first.node.depth === 1 && first.words > 1)
    return first.index;
  const t = fold(title ?? (first && first.words <= 40 && !first.endsWithPunct ? first.text : ''));
  if (t.length >= 15) {
    const limit = Math.ceil(blocks.length * 0.7);
    for (const b of blocks.slice(title ? 0 : 1, limit)) {
      const f = fold(b.text);
      if (f.length >= 15 && b.words <= 40 && (t.includes(f) || f.includes(t))) return b.index;
    }
  }
  const h1 = blocks.find((b) => b.node.type === 'heading' && b.node.depth === 1 && b.words > 2);
  // A level-1 heading after the article has begun (two paragraphs of running
  // prose above it: a cross-promoted story, a section of a long page) opens
  // nothing; the prose above it stays in reach of the region.
  if (h1 && !runningProseBefore(blocks, h1.index)) return h1.index;
  return blocks.find((b) => peek(b.node)?.role === 'headline')?.index;
}

/** Two prose paragraphs in a row, free of chrome phrases, before block `index`. */
function runningProseBefore(blocks: readonly BlockSignals[], index: number): boolean {
  let run = 0;
  for (const b of blocks.slice(0, index)) {
    if (b.words === 0) continue;
    run = isProse(b) && !strongLexicon(b) && b.words >= 20 ? run + 1 : 0;
    if (run >= 2) return true;
  }
  return false;
}

/**
 * Pull in prose just past either end of the run when at most `GAP` short
 * blocks (an inset link, a caption) stand between: the last paragraph after a
 * “Related” box, the lead before a photo credit. Losing article text is worse
 * than a stray line.
 */
export function extend<T extends { start: number; end: number }>(
  blocks: readonly BlockSignals[],
  run: T,
  anchor?: number,
): T {
  const pull = (from: number, step: 1 | -1): number => {
    let edge = from;
    for (;;) {
      let gap = 0;
      let i = edge + step;
      for (; i >= 0 && i < blocks.length; i += step) {
        const b = blocks[i]!;
        if (b.words === 0) continue;
        if (isProse(b)) break;
        if (b.dateOnly || i === anchor || ++gap > GAP) return edge;
      }
      const b = blocks[i];
      if (!b || b.words < 20 || hintScore(b.hints) < 0 || strongLexicon(b) || b.dateLines > 0)
        return edge;
      edge = i;
    }
  };
  const start = pull(run.start, -1);
  return {
    ...run,
    start: anchor === undefined ? start : fromHeadline(blocks, anchor, start),
    end: pull(run.end, 1),
  };
}

const GAP = 2;

/**
 * The headline opens the article: the few blocks between it and the first
 * running prose (a kicker, a standfirst, key-point bullets, a short opening
 * line) belong to it unless they look like chrome — a phrase from the
 * lexicon, chrome markup, links, a date stamp. Walks back from the region's
 * start and stops at the first such block; more than `HEAD_GAP` blocks in
 * between means the headline was not where the article starts.
 */
export function fromHeadline(
  blocks: readonly BlockSignals[],
  anchor: number,
  start: number,
): number {
  if (anchor >= start) return start;
  const between = blocks.slice(anchor + 1, start).filter((b) => b.words > 0);
  if (between.length === 0 || between.length > HEAD_GAP) return start;
  let edge = start;
  for (let i = start - 1; i > anchor; i--) {
    const b = blocks[i]!;
    if (b.words === 0) continue;
    const chrome =
      // Key-point bullets sit under a headline; one-word menus do not.
      (b.kind === 'list' && b.itemWords < 2.5) ||
      b.kind === 'media' ||
      b.dateOnly ||
      b.linkDensity > 0.3 ||
      hintScore(b.hints) < 0 ||
      b.lexicon.length > 0 ||
      STAMP.test(b.text) ||
      (b.words <= 4 && HANDLE.test(b.text)) ||
      parseDate(b.text) !== undefined ||
      isBylineText(b.text) ||
      !isFree(b.node);
    if (chrome) break;
    edge = i;
  }
  return edge;
}

const HEAD_GAP = 6;
/** A clock time or media duration (“3:45”, “VIDEO3:45”): a timestamp or a video label. */
const STAMP = /\d:\d{2}/u;
/** A social handle (“@janedoe”) on a short line: a byline. */
const HANDLE = /@\w{2,}/u;

/** A chart's axis or data label: one or two short tokens with a digit, or a unit word beside them. */
function isDataLabel(b: BlockSignals): boolean {
  return (
    b.words > 0 && b.words <= 2 && b.chars <= 12 && b.linkDensity === 0 && b.lexicon.length === 0
  );
}

const CHART_RUN = 8;

/**
 * Blocks of a chart drawn in HTML (axis ticks “’17”, “$900”, “billion”, “%”):
 * a run of `CHART_RUN` or more data labels, most of them with digits. They
 * weigh nothing either way (a chart between two halves of an article is no
 * wall of menu lines) and are not date stamps of teaser cards.
 */
export function chartLabels(blocks: readonly BlockSignals[]): Set<number> {
  const out = new Set<number>();
  let run: BlockSignals[] = [];
  const flush = () => {
    const digits = run.filter((b) => /\d/.test(b.text)).length;
    if (run.length >= CHART_RUN && digits >= run.length * 0.6)
      for (const b of run) out.add(b.index);
    run = [];
  };
  for (const b of blocks) {
    if (b.words === 0) continue;
    if (isDataLabel(b)) run.push(b);
    else flush();
  }
  flush();
  return out;
}

/**
 * Lists of teaser cards (title, author, date, blurb): one list unit with
 * `TEASER_DATES` or more date-stamp lines, or a run of that many list items
 * in a row that each carry one. They weigh as chrome however prose-like the
 * blurbs read.
 */
export function teaserCards(blocks: readonly BlockSignals[]): Set<number> {
  const out = new Set<number>();
  let run: BlockSignals[] = [];
  const flush = () => {
    if (run.length >= TEASER_DATES) for (const b of run) out.add(b.index);
    run = [];
  };
  for (const b of blocks) {
    if (b.words === 0) continue;
    if (b.kind === 'list' && b.dateLines >= TEASER_DATES) out.add(b.index);
    if (b.kind === 'list' && b.dateLines > 0) run.push(b);
    else flush();
  }
  flush();
  return out;
}

/** Region weights of the page's blocks and the chosen run (see the module comment). */
export function findRegion(
  page: PageSignals,
  title: string | undefined,
  minRegionWords: number = defaults.minRegionWords,
): { weights: number[]; run: { start: number; end: number; sum: number } | undefined } {
  const chart = chartLabels(page.blocks);
  const cards = teaserCards(page.blocks);
  const weights = streakPenalty(
    isolationDiscount(
      page.blocks,
      page.blocks.map((b) =>
        chart.has(b.index)
          ? 0
          : cards.has(b.index)
            ? Math.min(regionWeight(b), -3 - 0.5 * Math.min(b.words, 200))
            : regionWeight(b),
      ),
    ),
  );
  const plain = bestRun(weights);
  if (!plain) return { weights, run: undefined };
  // Repeated date-only lines are the stamps of teaser cards or comments.
  const dates = page.blocks.filter((b) => b.dateOnly && !chart.has(b.index));
  if (dates.length >= 3)
    for (const b of dates) weights[b.index] = Math.min(weights[b.index]!, -DATE_CARD);
  // A "related"/"comments" header after prose closes the article, unless
  // running prose (two paragraphs in a row) resumes soon after: then it was
  // an inset inside the article and weighs as any short block.
  const after = anchorIndex(page.blocks, title);
  let prose = 0;
  for (const b of page.blocks) {
    if (isBarrier(b) && prose >= minRegionWords && !resumes(page.blocks, b.index))
      weights[b.index] = Math.min(weights[b.index]!, -plain.sum);
    // Count the article's prose from the headline on, when there is one.
    if (isProse(b) && (after === undefined || b.index > after)) prose += b.words;
  }
  // The headline opens the article: the prose right after it gets the weight
  // of the best run, and nothing before the headline joins it.
  const best = bestRun(weights);
  if (after !== undefined && best) {
    const first = page.blocks.slice(after + 1, after + 13).find(isProse);
    if (first) {
      weights[first.index]! += best.sum;
      weights[after] = Math.min(weights[after]!, -best.sum);
    }
  }
  const run = bestRun(weights);
  return { weights, run: run && extend(page.blocks, run, after) };
}

/**
 * The page as prune will leave it: a block another detector already labelled
 * for removal weighs nothing and is no neighbour (as if gone), so the region
 * is the one a second look at the cleaned page would find.
 */
export function withoutLabelled(page: PageSignals, minConfidence = 0.5): PageSignals {
  const gone = (b: BlockSignals): boolean => {
    const m = peek(b.node);
    return !!m?.label && !m.keep && m.label.confidence >= minConfidence;
  };
  if (!page.blocks.some(gone)) return page;
  return {
    ...page,
    blocks: page.blocks.map((b) =>
      gone(b) ? { ...b, words: 0, chars: 0, dateOnly: false, dateLines: 0 } : b,
    ),
  };
}

export const remarkFindArticleRegion: Plugin<[Readonly<Options>?], Root> = (options) => {
  const minRegionWords = options?.minRegionWords ?? defaults.minRegionWords;
  if (!(Number.isFinite(minRegionWords) && minRegionWords >= 0))
    throw new Error('remark-find-article-region: `minRegionWords` must be a number >= 0');
  const lexicon = compileLexicon(mergePhrases(options?.extraPhrases));
  return (tree, file) => {
    const page = withoutLabelled(blockFeatures(tree, file, lexicon));
    const { run } = findRegion(page, file.data.htmlMeta?.title, minRegionWords);
    const proseWords = run
      ? page.blocks
          .slice(run.start, run.end + 1)
          .filter(isProse)
          .reduce((n, b) => n + b.words, 0)
      : 0;
    if (!run || proseWords < minRegionWords) {
      if (page.words > 0) {
        file.data.status = 'not_article';
        file.data.statusReasons = [
          ...(file.data.statusReasons ?? []),
          `no run of prose of at least ${minRegionWords} words (found ${proseWords})`,
        ];
      }
      return;
    }
    const streaks = nonProseStreaks(page.blocks);
    for (const b of page.blocks) {
      if (b.index >= run.start && b.index <= run.end) continue;
      if (!isFree(b.node)) continue;
      label(b.node, { ruleId: RULE_ID, ...evidence(b, streaks[b.index]!) });
    }
  };
};

export default remarkFindArticleRegion;
