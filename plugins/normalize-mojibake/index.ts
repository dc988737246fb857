/**
 * remark-normalize-mojibake — repairs text that was decoded with the wrong
 * charset (UTF-8 read as Windows-1252 or Latin-1).
 *
 * What: `donâ€™t` → `don’t`, `cafÃ©` → `café`, `ÐŸÑ€Ð¸Ð²ÐµÑ‚` → `Привет`,
 * `â€\x9d` → `”`, double-encoded text too. Works per inline run (a
 * paragraph's text across emphasis and links), and only where the repair is
 * unambiguous: see `repair.ts`. Text that merely contains `Ã` or `ß“` is left
 * alone.
 *
 * When: first, before the detectors, so that phrase matching sees real text.
 * Never inside code, inline code, HTML, URLs or front matter.
 *
 * Options: none.
 *
 * Messages: `normalize-mojibake`, one per repaired block (old → new text).
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { transformTree } from '../shared/typography.js';
import { repairRun } from './repair.js';

export type Options = Record<string, never>;

export const RULE = 'normalize-mojibake';

export const remarkNormalizeMojibake: Plugin<[Readonly<Options>?], Root> = (options) => {
  if (options !== undefined && (typeof options !== 'object' || options === null))
    throw new Error('remark-normalize-mojibake: options must be an object');
  return (tree, file) => {
    transformTree(
      tree,
      file,
      RULE,
      'repaired mojibake (UTF-8 text that had been decoded as Windows-1252)',
      repairRun,
    );
  };
};

export { repairMojibake, toMojibake } from './repair.js';
export default remarkNormalizeMojibake;
