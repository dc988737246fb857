/**
 * remark-extract-quotes — direct quotations and their speakers.
 *
 * What: every direct quotation in the body (curly or straight double marks,
 * « », „ “, 「 」; UK-style ‘ ’ when a paragraph has no double marks), with its
 * speaker when its sentence names one: `Putin said he was “satisfied with the
 * results”` → Putin; `“…,” says Professor Andrei Lankov of …` → Andrei
 * Lankov; `“…,” the broadcaster reports` → the last outlet named; a
 * quotation in the next sentence without attribution continues the previous
 * speaker. Otherwise the speaker is left unset. Scare quotes and names in
 * quotation marks (fewer than four words, title-cased) are skipped. Nested
 * quotations stay inside their outer one. Each quote carries the index of
 * its body block (0-based) and its source line. Sets `file.data.quotes`.
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
import { blockText, sourceLine } from '../shared/text.js';
import type { QuoteFound } from '../shared/types.js';

export type Options = Record<string, never>;

export const remarkExtractQuotes: Plugin<[Readonly<Options>?], Root> = () => (tree, file) => {
  const blocks = bodyBlocks(tree);
  const { quotes } = scanCitationsCached(
    file,
    blocks.map((n) => blockText(n)),
    file.data.meta?.language ?? 'en',
  );
  file.data.quotes = quotes.map((q): QuoteFound => {
    const node = blocks[q.block];
    const out: QuoteFound = { text: q.text, paragraph: q.block };
    if (q.speaker !== undefined) out.speaker = q.speaker;
    const line = node ? sourceLine(node) : undefined;
    if (line !== undefined) out.line = line;
    return out;
  });
};

export default remarkExtractQuotes;
