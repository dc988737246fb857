/**
 * remark-strip-site-repeats — blocks that recur across a site's pages.
 *
 * What: when many pages of one site are cleaned together, a block whose text
 * appears on a large share of them (menus, footers, sign-up boxes, legal
 * lines) is site chrome, whatever its wording. The batch runner reads every
 * page once with `collectBlockKeys(tree)`, counts pages per key into a
 * `SiteRepeats`, and passes it to this plugin; each page's blocks that recur
 * on at least `minShare` of the pages (and at least `minPages` pages) are
 * labelled `strip-site-repeats`. Prose-length blocks need the same evidence but
 * get a lower confidence, so the guard can still refuse them.
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

/** Normalised key of a block: folded text, digits collapsed (dates, counts vary per page). */
export function blockKey(node: RootContent): string {
  return fold(blockText(node)).replace(/\d+/g, '0');
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
      label(unit, {
        ruleId: RULE_ID,
        reason: `on ${count} of ${repeats.pages} pages of this site`,
        confidence: long ? 0.7 : count / repeats.pages >= 0.8 ? 0.95 : 0.85,
      });
    }
  };
};

export default remarkStripSiteRepeats;
