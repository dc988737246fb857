/**
 * The guard's recall fallback: when the labels would leave only a small share
 * of the page's running prose while one container holds most of it, the
 * primary result is implausible (a wrapper's class read as chrome, the
 * article region picked the wrong run, the article split by a widget). The
 * fallback keeps the densest prose container, found as Readability scores
 * candidates: each prose paragraph gives its parent its score, its
 * grandparent half and the next ancestor a third; the best-scored element
 * wins. Inside it, labels below strong evidence are dropped. Without HTML
 * (text, Markdown) the container is the whole page.
 */
import type { Nodes, Parent, Root } from 'mdast';
import { peek } from '../shared/label.js';
import { blockText, countWords } from '../shared/text.js';

/**
 * Rules that judge what a block is, not where it stands: their labels are
 * never undone by the fallback, and the prose they remove is not the page's
 * (a blog post under a long comment thread is not a small share of anything).
 */
const CONTENT_RULES = new Set(['strip-comments']);

/** A paragraph of running prose: this many words or more, mostly not links. */
const PROSE_WORDS = 10;
const MAX_LINK_SHARE = 0.5;

export interface FallbackOptions {
  /** Labels below this confidence do not remove (as prune). */
  minConfidence: number;
  /** Labels at or above this stay, whatever the fallback decides. */
  strongConfidence: number;
  /** The page needs this many prose words before a share is judged. */
  minProseWords: number;
  /** The primary result is implausible when it keeps less than this share of the prose. */
  minKeptShare: number;
  /** …and the densest container holds at least this share of it. */
  minContainerShare: number;
}

export const fallbackDefaults: FallbackOptions = {
  minConfidence: 0.5,
  strongConfidence: 0.9,
  minProseWords: 80,
  minKeptShare: 0.35,
  minContainerShare: 0.5,
};

interface ProseBlock {
  node: Nodes;
  words: number;
  removed: boolean;
  path: readonly string[];
  /** Readability's paragraph score: 1 + commas + one per 100 characters (at most 3). */
  score: number;
}

export interface FallbackResult {
  /** Prose words on the page and those the labels keep. */
  proseWords: number;
  keptWords: number;
  /** The chosen container (`n:tag.class`, or `the whole page`) and its share of the prose. */
  container: string;
  containerShare: number;
  /** Labels dropped inside it. */
  dropped: number;
}

function linkShare(node: Nodes): number {
  const all = blockText(node).replace(/\s+/g, '').length;
  if (all === 0) return 1;
  let linked = 0;
  const walk = (n: Nodes): void => {
    if (n.type === 'link') linked += blockText(n).replace(/\s+/g, '').length;
    else if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  walk(node);
  return linked / all;
}

/** Whether a node's own label removes it (keep beats every label). */
function removes(node: Nodes, minConfidence: number): boolean {
  const m = peek(node);
  return !!m?.label && !m.keep && m.label.confidence >= minConfidence;
}

function proseBlocks(tree: Root, minConfidence: number): ProseBlock[] {
  const out: ProseBlock[] = [];
  const walk = (parent: Parent, removed: boolean): void => {
    for (const child of parent.children as Nodes[]) {
      const m = peek(child);
      if (!m?.keep && m?.label && CONTENT_RULES.has(m.label.ruleId)) continue;
      const gone = m?.keep ? false : removed || removes(child, minConfidence);
      if (child.type === 'paragraph') {
        const text = blockText(child);
        const words = countWords(text);
        if (words >= PROSE_WORDS && linkShare(child) < MAX_LINK_SHARE) {
          const commas = (text.match(/[,，、]/g) ?? []).length;
          out.push({
            node: child,
            words,
            removed: gone,
            path: m?.hints?.path ?? [],
            score: 1 + commas + Math.min(3, Math.floor(text.length / 100)),
          });
        }
        continue;
      }
      if ('children' in child) walk(child as Parent, gone);
    }
  };
  walk(tree, false);
  return out;
}

/** The densest prose container by Readability's scoring, or undefined without HTML paths. */
function densest(blocks: readonly ProseBlock[]): string | undefined {
  const scores = new Map<string, number>();
  for (const b of blocks) {
    // the paragraph's own element is the last step; its parent is the first candidate
    const up = b.path.slice(0, -1);
    for (let level = 0; level < 3 && level < up.length; level++) {
      const step = up[up.length - 1 - level]!;
      scores.set(step, (scores.get(step) ?? 0) + b.score / (level + 1));
    }
  }
  let best: string | undefined;
  let bestScore = 0;
  for (const [step, s] of scores)
    if (s > bestScore) {
      best = step;
      bestScore = s;
    }
  return best;
}

const inside = (path: readonly string[] | undefined, step: string | undefined): boolean =>
  step === undefined || (path ?? []).includes(step);

/**
 * Run the fallback on `tree` when the labels keep implausibly little of the
 * page's prose. Returns what it did, or undefined when the result is plausible.
 */
export function recallFallback(
  tree: Root,
  options: Readonly<FallbackOptions> = fallbackDefaults,
): FallbackResult | undefined {
  const blocks = proseBlocks(tree, options.minConfidence);
  const proseWords = blocks.reduce((n, b) => n + b.words, 0);
  if (proseWords < options.minProseWords) return undefined;
  const keptWords = blocks.reduce((n, b) => n + (b.removed ? 0 : b.words), 0);
  if (keptWords >= options.minKeptShare * proseWords) return undefined;
  const step = densest(blocks);
  // Without markup (text, Markdown) there is no container to recover: keeping
  // the whole page cost the 65-page corpus's text and Markdown precision
  // (text F1 0.958 -> 0.945) for little recall.
  if (step === undefined) return undefined;
  const within = blocks.filter((b) => inside(b.path, step));
  const containerWords = within.reduce((n, b) => n + b.words, 0);
  const keptWithin = within.reduce((n, b) => n + (b.removed ? 0 : b.words), 0);
  if (containerWords < options.minContainerShare * proseWords) return undefined;
  // the primary result already holds that container: nothing to recover
  if (keptWithin >= 0.5 * containerWords) return undefined;
  const prose = new Set(blocks.map((b) => b.node));
  let dropped = 0;
  const walk = (parent: Parent): void => {
    for (const child of parent.children as Nodes[]) {
      const m = peek(child);
      const path = m?.hints?.path;
      if (
        m?.label &&
        m.label.confidence < options.strongConfidence &&
        !CONTENT_RULES.has(m.label.ruleId) &&
        inside(path, step) &&
        (step !== undefined || prose.has(child) || m.label.ruleId === 'outside-article')
      ) {
        delete m.label;
        dropped++;
      }
      if ('children' in child) walk(child as Parent);
    }
  };
  walk(tree);
  if (dropped === 0) return undefined;
  return {
    proseWords,
    keptWords,
    container: step === undefined ? 'the whole page' : describeStep(step),
    containerShare: containerWords / proseWords,
    dropped,
  };
}

/** `12:div.entry` → `<div class="entry">`. */
function describeStep(step: string): string {
  const [tag, cls] = step.replace(/^\d+:/, '').split(/\.(.*)/);
  return cls ? `<${tag} class="${cls}">` : `<${tag}>`;
}
