/**
 * A logistic model over `featureVector`: p(the block is article text) =
 * σ(bias + Σ wᵢ·(xᵢ − meanᵢ)/scaleᵢ). Pure, deterministic, small enough to
 * read: the weights file names every feature, and `explain` lists the
 * features that pushed one block's score most.
 */
import { FEATURE_NAMES } from './features.js';

export interface ModelWeights {
  /** Format version of this file. */
  version: number;
  /** What it was fitted on (script, half, pages, rows), for the record. */
  fitted: Record<string, string | number>;
  bias: number;
  /** Per feature name: weight, and the standardisation fitted with it. */
  features: Record<string, { weight: number; mean: number; scale: number }>;
}

export interface Model {
  /** p(article text) of a feature vector. */
  probability(x: readonly number[]): number;
  /** The `n` features that moved this vector's score most, with their signed contribution. */
  explain(x: readonly number[], n?: number): { name: string; contribution: number }[];
}

export function loadModel(weights: ModelWeights): Model {
  const w = FEATURE_NAMES.map((name) => weights.features[name] ?? { weight: 0, mean: 0, scale: 1 });
  const contributions = (x: readonly number[]): number[] =>
    w.map((f, i) => (f.weight * ((x[i] ?? 0) - f.mean)) / (f.scale || 1));
  return {
    probability(x) {
      let z = weights.bias;
      for (const c of contributions(x)) z += c;
      return 1 / (1 + Math.exp(-z));
    },
    explain(x, n = 3) {
      return contributions(x)
        .map((contribution, i) => ({ name: FEATURE_NAMES[i]!, contribution }))
        .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
        .slice(0, n);
    },
  };
}
