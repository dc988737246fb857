/**
 * The per-document block feature table: every unit of the page measured
 * once, read by every detector that scores blocks (and the input of a fitted
 * model), instead of each detector walking and stringifying the tree again.
 *
 * `blockFeatures(tree, file, lexicon)` returns the table of `tree`, computing
 * it on the first call of a document and keeping it on `file.data.features`
 * (never in module state, never across documents). The table stays valid
 * while the tree is only *labelled* — the detector stage's contract: labels
 * and keep marks, no removal, no text edits. A call on another tree, or on
 * one whose top-level blocks changed (added, removed or replaced), measures
 * again. Later stages (prune, normalisers, extractors) must not read it.
 *
 * Rows (`BlockFeatures`, one per unit, in document order; see `pageUnits`:
 * root children, descending into a list or quote that holds most of the page):
 *
 * | field | what |
 * |---|---|
 * | `node`, `index` | the mdast unit and its index in the table |
 * | `kind` | paragraph, heading, list, quote, table, code, media, other |
 * | `text` | plain text (`blockText`: block children joined by newlines) |
 * | `chars` | non-space characters, a CJK character counting 3 |
 * | `words` | word-like segments (Intl.Segmenter; a fast exact path for Latin text) |
 * | `sentences` | sentence ends, abbreviations and initials not counted |
 * | `endsWithPunct` | the text ends like a sentence (terminal punctuation, emoji) |
 * | `stopwordDensity` | stopwords of the page language / words, scaled on thinly covered languages; `undefined` if unknown |
 * | `linkDensity`, `links` | link characters / characters (0..1), and the number of links |
 * | `markupOverhead` | source characters that are not text (Markdown syntax, URLs) / source characters |
 * | `items`, `itemWords`, `itemSentences` | list items (any depth), mean words per item, share of leaf items ending like a sentence |
 * | `position` | the block's first word / the page's words (0..1) |
 * | `repeats` | units of the page with the same folded text (1 = unique) |
 * | `lexicon` | lexicon hits (concept, phrase count, coverage) of the caller's lexicon |
 * | `hints` | HTML evidence (tag, ancestors, class/id tokens, roles, itemprops, chrome, content container) |
 * | `dateOnly`, `dateLines` | the block is only a date/time; lines of a list that are only a date |
 *
 * Page fields: `language` (stopword guess, `und` when unsure) and `words`
 * (all units). Lexicon hits depend on the caller's lexicon: the table keeps
 * the rows of each lexicon it was asked for (plugins built with the same
 * phrases share them).
 */
import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { Lexicon } from './lexicon.js';
import { type BlockSignals, lexiconSignature, type PageSignals, pageSignals } from './signals.js';

export type BlockFeatures = BlockSignals;
export type FeatureTable = PageSignals;

/** What `file.data.features` holds: the table, and what it was measured on. */
export interface FeatureCache {
  tree: Root;
  /** The tree's top-level blocks when measured (same nodes, same order = still valid). */
  children: readonly RootContent[];
  /** Tables by lexicon content (`lexiconSignature`): plugins built with the same phrases share one. */
  tables: Map<string, FeatureTable>;
}

declare module 'vfile' {
  interface DataMap {
    /** The block feature table of this document (see `blockFeatures`). */
    features: FeatureCache;
  }
}

function sameChildren(a: readonly RootContent[], b: readonly RootContent[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The feature table of `tree` for `lexicon`, measured once per document (see the header). */
export function blockFeatures(tree: Root, file: VFile, lexicon: Lexicon): FeatureTable {
  let cache = file.data.features;
  if (!cache || cache.tree !== tree || !sameChildren(cache.children, tree.children)) {
    cache = { tree, children: [...tree.children], tables: new Map() };
    file.data.features = cache;
  }
  const signature = lexiconSignature(lexicon);
  let table = cache.tables.get(signature);
  if (!table) {
    table = pageSignals(tree, file, lexicon);
    cache.tables.set(signature, table);
  }
  return table;
}
