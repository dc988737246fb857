/**
 * remark-settle — reach a fixpoint on the tree, without cleaning twice.
 *
 * What: detectors judge a block by its neighbours, and removing a menu changes
 * a paragraph's neighbours, so a second look at the pruned page can see more
 * chrome (a short line that was inside the region only because the menu
 * beside it made the region reach). This plugin re-runs the given cheap
 * decisions (the caller passes them: the article region, the block
 * classifier, the HTML keep rule, dedupe, guard and prune) on the pruned tree
 * itself, round after round, until a round removes nothing or `maxRounds`
 * rounds have run. The tree keeps every node's marks and HTML hints, so a later
 * round sees the same evidence the first had (never a stringify → parse →
 * clean of the output).
 *
 * Later rounds never remove a block the first round kept on weak evidence:
 * only labels at or above `minConfidence` remove (default `0.75`: prose "away
 * from the main run", at 0.6, stays once the first round kept it).
 *
 * When: right after `prune`.
 *
 * Options:
 * - `detect` (required): the detectors of one round, in order (they label).
 * - `remove` (required): what removes after them (prune).
 * - `tidy` (default: none): what runs after a round that removed something
 *   (stray rules left next to a removed block).
 * - `maxRounds` (default: `2`): most extra rounds.
 * - `minConfidence` (default: `0.75`): labels of later rounds below it are
 *   dropped before prune.
 *
 * Messages: removals of later rounds are the detectors' own (rule id,
 * reason), the reason ending in "(round N)".
 */
import type { Nodes, Parent, Root } from 'mdast';
import { type PluggableList, type Plugin, unified } from 'unified';
import type { VFile } from 'vfile';
import { peek } from '../shared/label.js';
import { isRemoval } from '../shared/messages.js';

export interface Options {
  /** The detectors of one round, in order (they label, never remove). */
  detect: PluggableList;
  /** The steps that remove after them (prune). */
  remove: PluggableList;
  /** What runs after a round that removed something (default: none). */
  tidy?: PluggableList;
  /** Most extra rounds (default: `2`). */
  maxRounds?: number;
  /** Labels of later rounds below this confidence do not remove (default: `0.75`). */
  minConfidence?: number;
}

export const defaults = { maxRounds: 2, minConfidence: 0.75 } as const;

/** Labels set this round below `min` are dropped (labels from earlier rounds are left alone). */
function dropWeak(parent: Parent, min: number, before: WeakSet<object>): void {
  for (const child of parent.children as Nodes[]) {
    const m = peek(child);
    if (m?.label && !before.has(m.label) && m.label.confidence < min) delete m.label;
    if ('children' in child) dropWeak(child as Parent, min, before);
  }
}

/** Every label already on the tree (by identity), so a round can tell its own. */
function labelsOf(parent: Parent, into: WeakSet<object>): WeakSet<object> {
  for (const child of parent.children as Nodes[]) {
    const m = peek(child);
    if (m?.label) into.add(m.label);
    if ('children' in child) labelsOf(child as Parent, into);
  }
  return into;
}

export const remarkSettle: Plugin<[Readonly<Options>], Root> = (options) => {
  if (!options || !Array.isArray(options.detect) || !Array.isArray(options.remove))
    throw new Error('remark-settle: `detect` and `remove` must be lists of plugins');
  const maxRounds = options.maxRounds ?? defaults.maxRounds;
  const minConfidence = options.minConfidence ?? defaults.minConfidence;
  if (!(Number.isInteger(maxRounds) && maxRounds >= 0))
    throw new Error('remark-settle: `maxRounds` must be an integer >= 0');
  if (!(minConfidence >= 0 && minConfidence <= 1))
    throw new Error('remark-settle: `minConfidence` must be between 0 and 1');
  const detect = unified().use(options.detect).freeze();
  const remove = unified().use(options.remove).freeze();
  const tidy = unified()
    .use(options.tidy ?? [])
    .freeze();
  return (tree: Root, file: VFile) => {
    for (let round = 2; round <= maxRounds + 1; round++) {
      if (tree.children.length === 0) return;
      // The feature table was measured on the unpruned tree.
      delete file.data.features;
      const before = labelsOf(tree, new WeakSet());
      // The status and its reasons are the first round's (it saw the whole page).
      const status = file.data.status;
      const reasons = file.data.statusReasons;
      detect.runSync(tree, file);
      if (status === undefined) delete file.data.status;
      else file.data.status = status;
      if (reasons === undefined) delete file.data.statusReasons;
      else file.data.statusReasons = reasons;
      dropWeak(tree, minConfidence, before);
      const from = file.messages.length;
      remove.runSync(tree, file);
      if (!file.messages.slice(from).some(isRemoval)) return;
      tidy.runSync(tree, file);
      for (const m of file.messages.slice(from)) {
        if (!isRemoval(m)) continue;
        m.reason = `${m.reason} (round ${round})`;
        m.message = m.reason;
      }
    }
  };
};

export default remarkSettle;
