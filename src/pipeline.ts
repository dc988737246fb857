/**
 * The preset: every copydesk plugin in order, as one frozen processor.
 *
 *   normalise input text → detect (label, never remove) → guard → prune
 *   → normalise typography → extract metadata → assemble → stringify
 *
 * `createPipeline(options)` is called once per batch; the processor is reused
 * for every file (never `.use()` a frozen processor).
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { type PluggableList, type Processor, unified } from 'unified';
import { remarkAssemble } from '../plugins/assemble/index.js';
import { remarkDedupeBlocks } from '../plugins/dedupe-blocks/index.js';
import { remarkDetectHeadline } from '../plugins/detect-headline/index.js';
import { remarkPrune } from '../plugins/prune/index.js';
import { remarkStripNewsletter } from '../plugins/strip-newsletter/index.js';
import { remarkStripRelated } from '../plugins/strip-related/index.js';
import type { ResolvedOptions } from './options.js';

/** Plugins of the preset, in order, configured from resolved options. */
export function presetPlugins(options: ResolvedOptions): PluggableList {
  return [
    // 1. detectors: label blocks, never remove
    remarkDetectHeadline,
    remarkStripNewsletter,
    remarkStripRelated,
    remarkDedupeBlocks,
    // 2. the one removal step
    remarkPrune,
    // 3. put headline, dek and byline at the top
    [remarkAssemble, { byline: options.byline }],
  ];
}

export type CopydeskProcessor = Processor<undefined, Root, Root, Root, string>;

/** A frozen processor that runs the preset on an mdast tree and stringifies it. */
export function createPipeline(options: ResolvedOptions): CopydeskProcessor {
  return unified()
    .use(presetPlugins(options))
    .use(remarkGfm)
    .use(remarkStringify, {
      bullet: '-',
      emphasis: '_',
      strong: '*',
      fences: true,
      rule: '-',
      listItemIndent: 'one',
    })
    .freeze() as unknown as CopydeskProcessor;
}
