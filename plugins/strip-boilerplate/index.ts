/**
 * remark-strip-boilerplate — label chrome blocks by their signals.
 *
 * What: the generic block classifier. A free block (not kept, not labelled,
 * no headline/dek/byline role) is labelled `strip-boilerplate` when it is not
 * prose and its signals say chrome:
 * - a short block mostly made of lexicon phrases (call to action, newsletter,
 *   share, cookie, copyright, login, comment, ad, navigation, paywall…);
 * - a link-dense list, or a link-dense block with a lexicon phrase (link
 *   density alone is no proof: deal links and linked sentences are content);
 * - a list of short, link-like items;
 * - HTML hints of chrome (nav/aside/footer ancestors, chrome class tokens)
 *   on a non-prose block.
 * Whole blocks only: words inside a kept paragraph are never touched, and a
 * block that reads as prose is never labelled here.
 *
 * When: after `find-article-region`, before `guard` and `prune`.
 *
 * Options:
 * - `extraPhrases` (default: none): more lexicon phrases per concept.
 * - `minLinkDensity` (default: `0.6`): link density from which a non-prose
 *   block counts as a link block.
 *
 * Messages: prune reports each removal with rule id `strip-boilerplate`.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { blockFeatures } from '../shared/features.js';
import { isFree, label } from '../shared/label.js';
import { compileLexicon, mergePhrases, type Phrases } from '../shared/lexicon.js';
import { type BlockSignals, hintScore, isProse, strongLexicon } from '../shared/signals.js';

export interface Options {
  /** Extra lexicon phrases per concept, merged with the built-in ones (default: none). */
  extraPhrases?: Phrases;
  /** Link density from which a non-prose block is a link block (default: `0.6`). */
  minLinkDensity?: number;
}

export const defaults = { minLinkDensity: 0.6 } as const;

export const RULE_ID = 'strip-boilerplate';

/** Why `b` is chrome, with a confidence; undefined when it is not (or may be prose). */
export function classify(
  b: BlockSignals,
  minLinkDensity: number = defaults.minLinkDensity,
): { reason: string; confidence: number } | undefined {
  if (b.words === 0 || isProse(b)) return undefined;
  const why: string[] = [];
  let confidence = 0;
  const lex = strongLexicon(b);
  if (lex && (b.kind !== 'heading' || lex.coverage >= 0.5)) {
    why.push(`${lex.concept} phrase “${lex.phrases[0]}”`);
    confidence = Math.max(confidence, lex.coverage >= 0.5 || b.words <= 6 ? 0.85 : 0.75);
  }
  // Link density alone is no proof inside the article (deal links, linked
  // sentences); it strengthens a lexicon hit or a list of links.
  if (b.linkDensity >= minLinkDensity && (why.length > 0 || b.kind === 'list')) {
    why.push(`link density ${b.linkDensity.toFixed(2)}`);
    confidence = Math.max(confidence, b.kind === 'list' && b.links >= 3 ? 0.85 : 0.75);
  }
  if (b.kind === 'list' && b.items >= 3 && b.itemWords < 5 && b.links >= 0.6 * b.items) {
    why.push(`list of ${b.items} short link items`);
    confidence = Math.max(confidence, 0.85);
  }
  const hs = hintScore(b.hints);
  if (hs < 0 && why.length > 0) confidence = Math.min(0.95, confidence + 0.1);
  else if (hs <= -1.5 && b.words <= 12) {
    why.push('chrome markup (nav/aside/footer)');
    confidence = 0.7;
  }
  if (why.length === 0) return undefined;
  if (why.length > 1) confidence = Math.min(0.95, confidence + 0.05);
  return { reason: `boilerplate: ${why.join(', ')}`, confidence };
}

export const remarkStripBoilerplate: Plugin<[Readonly<Options>?], Root> = (options) => {
  const minLinkDensity = options?.minLinkDensity ?? defaults.minLinkDensity;
  if (!(minLinkDensity > 0 && minLinkDensity <= 1))
    throw new Error('remark-strip-boilerplate: `minLinkDensity` must be in (0, 1]');
  const lexicon = compileLexicon(mergePhrases(options?.extraPhrases));
  return (tree, file) => {
    const page = blockFeatures(tree, file, lexicon);
    for (const b of page.blocks) {
      if (!isFree(b.node)) continue;
      const verdict = classify(b, minLinkDensity);
      if (verdict) label(b.node, { ruleId: RULE_ID, ...verdict });
    }
  };
};

export default remarkStripBoilerplate;
