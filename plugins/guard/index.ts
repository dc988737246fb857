/**
 * remark-guard — refuse to over-strip, and set the document's status.
 *
 * What: counts the words the labels would remove. When that is more than
 * `maxRemovedShare` of the page's words, labels below `strongConfidence` are
 * dropped, least confident first, tier by tier, until the share is within the
 * limit or only strong evidence is left (only strong evidence may remove that
 * much); the document is marked
 * `low_confidence` and a doubt is reported. Then sets `file.data.status`:
 * `empty` when nothing would be left, `low_confidence` as above, a status a
 * detector already set (`not_article` from `find-article-region`) otherwise,
 * else `ok`; with `file.data.statusReasons`.
 *
 * When: right before `prune`, after every detector.
 *
 * Options:
 * - `maxRemovedShare` (default: `0.9`): largest share of the page's words that
 *   weak labels may remove together.
 * - `strongConfidence` (default: `0.9`): labels at or above it are strong
 *   evidence and always stay.
 * - `minConfidence` (default: `0.5`): labels below it do not remove (as prune).
 *
 * Messages: `guard` (warning) when weak labels were dropped.
 */
import type { Nodes, Parent, Root } from 'mdast';
import type { Plugin } from 'unified';
import { peek } from '../shared/label.js';
import { reportDoubt } from '../shared/messages.js';
import { blockText, countWords } from '../shared/text.js';
import { fallbackDefaults, recallFallback } from './fallback.js';

export interface Options {
  /** Largest share of the page's words weak labels may remove (default: `0.9`). */
  maxRemovedShare?: number;
  /** Labels at or above this confidence always stay (default: `0.9`). */
  strongConfidence?: number;
  /** Labels below this confidence do not remove, as in prune (default: `0.5`). */
  minConfidence?: number;
}

export const defaults = {
  maxRemovedShare: 0.9,
  strongConfidence: 0.9,
  minConfidence: 0.5,
} as const satisfies Required<Options>;

export const RULE_ID = 'guard';

/** Words the current labels would remove, and the labelled nodes (outermost only). */
export function removedWords(tree: Root, minConfidence: number): { words: number; nodes: Nodes[] } {
  let words = 0;
  const nodes: Nodes[] = [];
  const walk = (parent: Parent) => {
    for (const child of parent.children as Nodes[]) {
      const m = peek(child);
      if (m?.keep) continue;
      if (m?.label && m.label.confidence >= minConfidence) {
        words += countWords(blockText(child));
        nodes.push(child);
        continue;
      }
      if ('children' in child) walk(child as Parent);
    }
  };
  walk(tree);
  return { words, nodes };
}

export const remarkGuard: Plugin<[Readonly<Options>?], Root> = (options) => {
  const maxShare = options?.maxRemovedShare ?? defaults.maxRemovedShare;
  const strong = options?.strongConfidence ?? defaults.strongConfidence;
  const minConfidence = options?.minConfidence ?? defaults.minConfidence;
  if (!(maxShare > 0 && maxShare <= 1))
    throw new Error('remark-guard: `maxRemovedShare` must be in (0, 1]');
  if (!(strong >= 0 && strong <= 1))
    throw new Error('remark-guard: `strongConfidence` must be in [0, 1]');
  if (!(minConfidence >= 0 && minConfidence <= 1))
    throw new Error('remark-guard: `minConfidence` must be in [0, 1]');
  return (tree, file) => {
    const total = countWords(blockText(tree));
    const reasons = [...(file.data.statusReasons ?? [])];
    let { words, nodes } = removedWords(tree, minConfidence);
    let lowConfidence = false;
    if (total > 0 && words / total > maxShare) {
      const share = Math.round((100 * words) / total);
      // Drop weak labels tier by tier, least confident first, until the share is acceptable.
      const tiers = [
        ...new Set(nodes.map((n) => peek(n)?.label?.confidence ?? 0).filter((c) => c < strong)),
      ].sort((a, b) => a - b);
      let dropped = 0;
      for (const tier of tiers) {
        for (const n of nodes) {
          const m = peek(n)!;
          if (m.label && m.label.confidence <= tier) {
            delete m.label;
            dropped++;
          }
        }
        ({ words, nodes } = removedWords(tree, minConfidence));
        if (words / total <= maxShare) break;
      }
      if (dropped > 0) {
        lowConfidence = true;
        const reason = `labels would remove ${share}% of the page's words (limit ${Math.round(100 * maxShare)}%) without strong evidence; ${dropped} weak label(s) dropped`;
        reasons.push(reason);
        reportDoubt(file, RULE_ID, reason);
      }
    }
    // Recall first: an implausibly small result falls back to the densest prose container.
    const fallback = recallFallback(tree, {
      ...fallbackDefaults,
      minConfidence,
      strongConfidence: strong,
    });
    if (fallback) {
      lowConfidence = true;
      const reason = `kept ${fallback.keptWords} of the page's ${fallback.proseWords} words of running prose; fell back to the densest prose container (${fallback.container}, ${Math.round(100 * fallback.containerShare)}% of the prose): ${fallback.dropped} label(s) dropped`;
      reasons.push(reason);
      reportDoubt(file, RULE_ID, reason);
      ({ words } = removedWords(tree, minConfidence));
    }
    const htmlDropped = file.data.htmlDroppedWords ?? 0;
    if (total === 0 || words >= total) {
      file.data.status = 'empty';
      reasons.push(
        total > 0
          ? 'every block was removed'
          : htmlDropped > 0
            ? `the HTML stage dropped all ${htmlDropped} words of the page (forms, hidden elements, controls)`
            : 'the page has no words',
      );
    } else if (lowConfidence) file.data.status = 'low_confidence';
    else file.data.status ??= 'ok';
    file.data.statusReasons = reasons;
  };
};

export default remarkGuard;
