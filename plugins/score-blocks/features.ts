/**
 * The fitted block scorer's inputs: one numeric vector per unit of the
 * page's feature table (`plugins/shared/features.ts`), built from the signals
 * the detectors already computed and the labels they set. Nothing here is
 * measured again; the vector is a view of the table.
 *
 * Names are stable: the weights file (`weights.json`) stores one weight per
 * name, and a name missing from the file weighs nothing (so a feature can be
 * added before the model is fitted again).
 */
import { CONCEPTS } from '../shared/lexicon.js';
import { type BlockSignals, hintScore, isProse, type PageSignals } from '../shared/signals.js';
import type { NodeMark } from '../shared/types.js';

/** Rule ids whose labels the model reads (others count under `label:other`). */
export const LABEL_RULES = [
  'outside-article',
  'strip-boilerplate',
  'strip-html-chrome',
  'strip-related',
  'strip-newsletter',
  'strip-comments',
  'dedupe-blocks',
  'caption',
  'author-bio',
] as const;

/**
 * Labels the fitted model may overrule (the generic detectors' judgements).
 * Every other label stays: user rules, site packs, repeats (`dedupe-blocks`
 * reads the others' labels, so its verdict is final).
 */
export const MODEL_DECIDES: ReadonlySet<string> = new Set(
  LABEL_RULES.filter((r) => r !== 'dedupe-blocks'),
);

const KINDS = ['paragraph', 'heading', 'list', 'quote', 'table', 'code', 'media'] as const;

function markOf(b: BlockSignals | undefined): NodeMark | undefined {
  return b?.node.data?.copydesk as NodeMark | undefined;
}

function log1p(x: number): number {
  return Math.log(1 + Math.max(0, x));
}

/** The feature names, in vector order. */
export const FEATURE_NAMES: readonly string[] = [
  'words (log)',
  'characters (log)',
  'sentences (log)',
  'sentences per 10 words',
  'ends like a sentence',
  'stopword density',
  'language unknown',
  'link density',
  'links (log)',
  'markup overhead',
  'list items (log)',
  'words per list item (log)',
  'list items ending like sentences',
  'position',
  'position squared',
  'repeated on the page (log)',
  'date only',
  'date lines in a list',
  'reads as prose',
  'share of page words',
  'HTML evidence score',
  'inside the content container',
  'outside the content container',
  'chrome markup',
  ...KINDS.map((k) => `kind: ${k}`),
  ...CONCEPTS.map((c) => `lexicon: ${c}`),
  ...LABEL_RULES.map((r) => `label: ${r}`),
  'label: other',
  'role (headline, dek, byline…)',
  'previous block is prose',
  'next block is prose',
  'previous block labelled',
  'next block labelled',
  'previous block link density',
  'next block link density',
];

/** The vector of unit `i` of `page` (same order as `FEATURE_NAMES`). */
export function featureVector(page: PageSignals, i: number): number[] {
  const b = page.blocks[i]!;
  const prev = page.blocks[i - 1];
  const next = page.blocks[i + 1];
  const mark = markOf(b);
  const hints = b.hints;
  const lex = new Map<string, number>();
  for (const h of b.lexicon) lex.set(h.concept, Math.max(lex.get(h.concept) ?? 0, h.coverage));
  const ruleId = mark?.label?.ruleId;
  const known = (LABEL_RULES as readonly string[]).includes(ruleId ?? '');
  const conf = mark?.label?.confidence ?? 0;
  const labelled = (x: BlockSignals | undefined): number => (markOf(x)?.label ? 1 : 0);
  return [
    log1p(b.words),
    log1p(b.chars),
    log1p(b.sentences),
    b.words > 0 ? Math.min(5, (10 * b.sentences) / b.words) : 0,
    b.endsWithPunct ? 1 : 0,
    b.stopwordDensity ?? 0,
    b.stopwordDensity === undefined ? 1 : 0,
    b.linkDensity,
    log1p(b.links),
    b.markupOverhead,
    log1p(b.items),
    log1p(b.itemWords),
    b.itemSentences,
    b.position,
    b.position * b.position,
    Math.log(Math.max(1, b.repeats)),
    b.dateOnly ? 1 : 0,
    log1p(b.dateLines),
    b.words > 0 && isProse(b) ? 1 : 0,
    page.words > 0 ? b.words / page.words : 0,
    hintScore(hints),
    hints?.content === 'inside' ? 1 : 0,
    hints?.content === 'outside' ? 1 : 0,
    hints?.chrome && hints.chrome.length > 0 ? 1 : 0,
    ...KINDS.map((k) => (b.kind === k ? 1 : 0)),
    ...CONCEPTS.map((c) => lex.get(c) ?? 0),
    ...LABEL_RULES.map((r) => (ruleId === r ? conf : 0)),
    ruleId && !known ? conf : 0,
    mark?.role ? 1 : 0,
    prev && prev.words > 0 && isProse(prev) ? 1 : 0,
    next && next.words > 0 && isProse(next) ? 1 : 0,
    labelled(prev),
    labelled(next),
    prev?.linkDensity ?? 0,
    next?.linkDensity ?? 0,
  ];
}
