/**
 * remark-normalize-quotes — quotation marks and apostrophes in one house style.
 *
 * What: reads every quote-like mark (" ' “ ” ‘ ’ „ ‚ ‛ ‟ ´ `` '' ′ ″ « » ‹ ›),
 * decides per paragraph whether it opens or closes a quotation, is an
 * apostrophe (don't, Russia’s, '90s, rock ’n’ roll) or a prime (5'10",
 * 45° 30'), and writes it in the chosen style. Decisions are made on the
 * concatenated text of a block, so a quotation that opens in plain text and
 * closes inside emphasis or a link is still one pair. Nesting depth comes from
 * the structure: outer pairs get the style's outer marks, nested pairs the
 * inner marks, whatever the input used. Primes are left as they are. A mark
 * that pairs with nothing keeps its kind (double or single) and its side.
 *
 * When: after prune (only kept text is edited), before metadata extraction.
 * Never inside code, inline code, HTML, URLs or front matter.
 *
 * Options: `style` (default: `'curly'`):
 * - `curly`: “ ” outside, ‘ ’ nested, ’ apostrophe (US);
 * - `uk`: ‘ ’ outside, “ ” nested, ’ apostrophe;
 * - `straight`: ASCII " and ';
 * - `auto`: by the document language (`file.data.meta.language`, else the
 *   HTML `lang`, else detected from the text): French « » with no-break spaces
 *   inside (“ ” nested), German „ “ (‚ ‘ nested), everything else curly;
 * - `none`: leave quotation marks alone.
 *
 * Messages: `normalize-quotes`, one per changed block (old → new text). The
 * metadata `title` and `dek` get the same treatment (no message).
 */
import { franc } from 'franc-min';
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { blockText } from '../shared/text.js';
import { transformMetaStrings, transformTree } from '../shared/typography.js';
import { type ConcreteStyle, quoteTransform } from './quotes.js';

export type QuoteStyle = 'curly' | 'uk' | 'straight' | 'auto' | 'none';

export interface Options {
  /** House style (default: `'curly'`). */
  style?: QuoteStyle;
}

export const defaults = { style: 'curly' } as const satisfies Required<Options>;

export const RULE = 'normalize-quotes';

const STYLES: readonly QuoteStyle[] = ['curly', 'uk', 'straight', 'auto', 'none'];

/** Primary language subtag of the document, from metadata or detection. */
function languageOf(tree: Root, file: VFile): string | undefined {
  const front = file.data.frontMatter;
  const declared =
    file.data.meta?.language ??
    file.data.htmlMeta?.lang ??
    (typeof front?.lang === 'string' ? front.lang : undefined) ??
    (typeof front?.language === 'string' ? front.language : undefined);
  if (declared) return declared.toLowerCase().split(/[-_]/)[0];
  const text = blockText(tree);
  if (text.length < 100) return undefined;
  const iso3 = franc(text.slice(0, 5000), { minLength: 100 });
  return iso3 === 'fra' ? 'fr' : iso3 === 'deu' ? 'de' : iso3 === 'und' ? undefined : iso3;
}

/** The concrete style for a document. */
export function styleFor(
  style: Exclude<QuoteStyle, 'none'>,
  tree: Root,
  file: VFile,
): ConcreteStyle {
  if (style !== 'auto') return style;
  const lang = languageOf(tree, file);
  return lang === 'fr' ? 'fr' : lang === 'de' ? 'de' : 'curly';
}

export const remarkNormalizeQuotes: Plugin<[Readonly<Options>?], Root> = (options) => {
  const style = options?.style ?? defaults.style;
  if (!STYLES.includes(style))
    throw new Error(
      `remark-normalize-quotes: invalid style '${String(style)}' (choose from ${STYLES.join(', ')})`,
    );
  return (tree, file) => {
    if (style === 'none') return;
    const concrete = styleFor(style, tree, file);
    const transform = quoteTransform(concrete);
    transformTree(tree, file, RULE, `quotation marks normalised to ${concrete} style`, transform);
    transformMetaStrings(file, transform);
  };
};

export { normalizeQuotes, quoteTransform, STYLES as GLYPHS } from './quotes.js';
export default remarkNormalizeQuotes;
