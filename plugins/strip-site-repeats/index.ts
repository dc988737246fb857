/**
 * remark-strip-site-repeats — blocks that recur across a site's pages.
 *
 * What: when many pages of one site are cleaned together, a block whose text
 * appears on a large share of them (menus, footers, sign-up boxes, legal
 * lines) is site chrome, whatever its wording. The batch runner reads every
 * page once with `collectBlockKeys(tree)`, counts pages per key into a
 * `SiteRepeats`, and passes it to this plugin; each page's blocks that recur
 * on at least `minShare` of the pages (and at least `minPages` pages) are
 * labelled `strip-site-repeats`. Keys are exact (folded case and spaces, numbers
 * kept). Every label is below the guard's strong evidence (prose-length blocks
 * lower still), so a page the repeats would empty is kept and marked
 * `low_confidence` instead.
 *
 * When: opt-in, batch only (never on a single file: with no `repeats`
 * option, or fewer than `minPages` pages, it does nothing). After the
 * specific detectors, before `guard` and `prune`.
 *
 * Options:
 * - `repeats` (required to do anything): `{ pages, counts }` from the first pass.
 * - `minShare` (default: `0.5`): share of the site's pages a block must be on.
 * - `minPages` (default: `3`): fewest pages a block must be on.
 *
 * Messages: prune reports each removal with rule id `strip-site-repeats`.
 */
import type { Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { isFree, label } from '../shared/label.js';
import { fold } from '../shared/lexicon.js';
import { pageUnits } from '../shared/signals.js';
import { blockText, countWords } from '../shared/text.js';

/** Page counts of block keys over a batch of one site's pages. */
export interface SiteRepeats {
  /** Number of pages counted. */
  pages: number;
  /** Normalised block text → number of pages it appears on. */
  counts: ReadonlyMap<string, number>;
}

export interface Options {
  /** Counts from the batch's first pass (default: none: the plugin does nothing). */
  repeats?: SiteRepeats;
  /** Share of the site's pages a block must be on (default: `0.5`). */
  minShare?: number;
  /** Fewest pages a block must be on (default: `3`). */
  minPages?: number;
}

export const defaults = { minShare: 0.5, minPages: 3 } as const;

export const RULE_ID = 'strip-site-repeats';

/**
 * Key of a block: its folded text (case, apostrophes, spaces), numbers kept.
 * Only an exact template block repeats: "The Dow closed at 34,000 points" on
 * one market story and "at 35,120 points" on the next are different text.
 */
export function blockKey(node: RootContent): string {
  return fold(blockText(node));
}

/** Distinct keys of the page's blocks (each page counts once per key). */
export function collectBlockKeys(tree: Root): Set<string> {
  const keys = new Set<string>();
  for (const unit of pageUnits(tree)) {
    const key = blockKey(unit);
    if (key.length > 0) keys.add(key);
  }
  return keys;
}

/** Build `SiteRepeats` from the key sets of a batch's pages. */
export function countSiteRepeats(pages: Iterable<ReadonlySet<string>>): SiteRepeats {
  const counts = new Map<string, number>();
  let n = 0;
  for (const keys of pages) {
    n++;
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return { pages: n, counts };
}

export const remarkStripSiteRepeats: Plugin<[Readonly<Options>?], Root> = (options) => {
  const minShare = options?.minShare ?? defaults.minShare;
  const minPages = options?.minPages ?? defaults.minPages;
  const repeats = options?.repeats;
  if (!(minShare > 0 && minShare <= 1))
    throw new Error('remark-strip-site-repeats: `minShare` must be in (0, 1]');
  if (!(Number.isInteger(minPages) && minPages >= 2))
    throw new Error('remark-strip-site-repeats: `minPages` must be an integer >= 2');
  return (tree) => {
    if (!repeats || repeats.pages < minPages) return;
    for (const unit of pageUnits(tree)) {
      if (!isFree(unit)) continue;
      const key = blockKey(unit);
      const count = key ? (repeats.counts.get(key) ?? 0) : 0;
      if (count < minPages || count / repeats.pages < minShare) continue;
      const long = countWords(blockText(unit)) > 40;
      // Below the guard's strong evidence (0.9): a page the repeats would empty is kept, low_confidence.
      label(unit, {
        ruleId: RULE_ID,
        reason: `on ${count} of ${repeats.pages} pages of this site`,
        confidence: long ? 0.7 : count / repeats.pages >= 0.8 ? 0.85 : 0.8,
      });
    }
  };
};

export default remarkStripSiteRepeats;
