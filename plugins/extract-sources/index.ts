/**
 * remark-extract-sources — outlets and people cited as sources.
 *
 * What: finds attributions in the body ("CBS News says…", "says the BBC",
 * "The Guardian's Andrew Roth", "according to …", "X reports", "told
 * Reuters"; "the broadcaster reports" counts for the last outlet named) with
 * generic patterns over sentence structure (`plugins/shared/attribution.ts`),
 * and lists each source once with its kind (`outlet`, `person`,
 * `organisation`, `unknown`) and the sentences that cite it. Names inside
 * quotations are not sources. Sets `file.data.sources`.
 *
 * When: after prune and the normalisers (reads the final body).
 *
 * Options: none.
 *
 * Messages: none.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { bodyBlocks } from '../shared/body.js';
import { scanCitationsCached } from '../shared/citations.js';
import { blockText } from '../shared/text.js';

export type Options = Record<string, never>;

export const remarkExtractSources: Plugin<[Readonly<Options>?], Root> = () => (tree, file) => {
  const texts = bodyBlocks(tree).map((n) => blockText(n));
  file.data.sources = scanCitationsCached(file, texts, file.data.meta?.language ?? 'en').sources;
};

export default remarkExtractSources;
