/**
 * remark-score-blocks — the fitted block scorer: a second opinion on the
 * generic detectors' labels.
 *
 * What: every unit of the page's feature table (`plugins/shared/features.ts`)
 * gets p(article text) from a logistic model (`model.ts`) over its signals,
 * its neighbours' and the labels the detectors set (`features.ts`). The model
 * is fitted by `npm run train` (`scripts/train.ts`) on the tune half of the
 * wide corpus; its weights are `weights.json` (versioned with the code, one
 * weight per named feature, with the thresholds and what it was fitted on).
 * Then:
 * - a unit labelled by a generic detector (`MODEL_DECIDES`: region,
 *   boilerplate, chrome, related, newsletter, comments, captions, bios) whose
 *   p is at least `keepFrom` is kept: the label is taken off, and an info
 *   message names the features that weighed most and the label it overruled;
 * - a free unit whose p is below `dropBelow` is labelled `score-blocks`, the
 *   features that weighed most in the reason (0: the model never removes).
 * Kept blocks, roles (headline, dek, byline…), user and site-pack labels and
 * repeats are never touched. The model was fitted on HTML pages: on text and
 * Markdown dumps (no HTML evidence on any block) it does nothing.
 *
 * When: after every detector and `dedupe-blocks`, before `guard` and `prune`.
 *
 * Options: `weights` (default: the bundled `weights.json`), `keepFrom` and
 * `dropBelow` (default: the values stored with the weights), `extraPhrases`
 * (the lexicon the other detectors were given, so the feature table is
 * shared).
 *
 * Messages: `score-blocks` (info, for each label taken off); prune reports
 * each removal.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { blockFeatures } from '../shared/features.js';
import { label, peek } from '../shared/label.js';
import { compileLexicon, mergePhrases, type Phrases } from '../shared/lexicon.js';
import { blockText } from '../shared/text.js';
import { featureVector, MODEL_DECIDES } from './features.js';
import { loadModel, type ModelWeights } from './model.js';
import bundled from './weights.json' with { type: 'json' };

export interface Options {
  /** Fitted weights (default: the bundled `weights.json`). */
  weights?: ModelWeights;
  /** p(article text) from which a generic detector's label is taken off (default: the fitted `keepFrom`). */
  keepFrom?: number;
  /** p(article text) below which a free unit is labelled; 0 labels nothing (default: the fitted `dropBelow`). */
  dropBelow?: number;
  /** Extra lexicon phrases per concept (the other detectors' option). */
  extraPhrases?: Phrases;
}

export const RULE_ID = 'score-blocks';

function because(parts: { name: string; contribution: number }[]): string {
  return parts
    .map(
      (p) => `${p.name} ${p.contribution >= 0 ? '+' : '−'}${Math.abs(p.contribution).toFixed(1)}`,
    )
    .join(', ');
}

export const remarkScoreBlocks: Plugin<[Readonly<Options>?], Root> = (options) => {
  const weights = options?.weights ?? (bundled as ModelWeights);
  const model = loadModel(weights);
  const keepFrom = options?.keepFrom ?? Number(weights.fitted.keepFrom ?? 0.5);
  const dropBelow = options?.dropBelow ?? Number(weights.fitted.dropBelow ?? 0);
  if (!(keepFrom > 0 && keepFrom < 1) || !(dropBelow >= 0 && dropBelow <= keepFrom))
    throw new Error(
      'remark-score-blocks: need 0 < `keepFrom` < 1 and 0 <= `dropBelow` <= `keepFrom`',
    );
  const lexicon = compileLexicon(mergePhrases(options?.extraPhrases));
  return (tree, file) => {
    const page = blockFeatures(tree, file, lexicon);
    // fitted on HTML pages: text and Markdown dumps carry no HTML evidence to read
    if (!page.blocks.some((b) => b.hints)) return;
    for (const b of page.blocks) {
      const m = peek(b.node);
      if (m?.keep || m?.role || b.words === 0) continue;
      if (m?.label && !MODEL_DECIDES.has(m.label.ruleId)) continue;
      const x = featureVector(page, b.index);
      const p = model.probability(x);
      if (m?.label && p >= keepFrom) {
        const was = m.label;
        delete m.label;
        const msg = file.info(
          `kept by the fitted model (p ${p.toFixed(2)}: ${because(model.explain(x))}) against ${was.ruleId}: ${was.reason}`,
          {
            ruleId: RULE_ID,
            source: 'copydesk',
            ...(b.node.position ? { place: b.node.position } : {}),
          },
        );
        msg.actual = blockText(b.node).slice(0, 200);
      } else if (!m?.label && p < dropBelow) {
        label(b.node, {
          ruleId: RULE_ID,
          reason: `fitted model: p ${p.toFixed(2)} (${because(model.explain(x))})`,
          confidence: Math.min(0.95, 1 - p),
        });
      }
    }
  };
};

export default remarkScoreBlocks;
