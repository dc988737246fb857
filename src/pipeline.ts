/**
 * The preset: every copydesk plugin in order, as one frozen processor.
 *
 *   normalise input text → detect (label, never remove) → guard → prune
 *   → settle (the cheap detectors again on the pruned tree, until nothing
 *   more goes: output that cleaning again leaves as it is, in one run)
 *   → normalise typography → extract metadata → assemble → stringify
 *
 * `createPipeline(options)` is called once per batch; the processor is reused
 * for every file (never `.use()` a frozen processor).
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify, { type Options as RemarkStringifyOptions } from 'remark-stringify';
import { type PluggableList, type Processor, unified } from 'unified';
import { remarkApplySitePack } from '../plugins/apply-site-pack/index.js';
import { remarkApplyUserRules } from '../plugins/apply-user-rules/index.js';
import { remarkReleaseRules } from '../plugins/apply-user-rules/release.js';
import { remarkAssemble } from '../plugins/assemble/index.js';
import { remarkDedupeBlocks } from '../plugins/dedupe-blocks/index.js';
import { remarkDetectByline } from '../plugins/detect-byline/index.js';
import { remarkDetectHeadline } from '../plugins/detect-headline/index.js';
import { remarkExtractCounts } from '../plugins/extract-counts/index.js';
import { remarkExtractDates } from '../plugins/extract-dates/index.js';
import { remarkExtractHtmlMeta } from '../plugins/extract-html-meta/index.js';
import { remarkExtractLanguage } from '../plugins/extract-language/index.js';
import { remarkExtractQuotes } from '../plugins/extract-quotes/index.js';
import { remarkExtractSources } from '../plugins/extract-sources/index.js';
import { remarkFindArticleRegion } from '../plugins/find-article-region/index.js';
import { remarkFootnotes, remarkKeepFootnotes } from '../plugins/footnotes/index.js';
import { remarkGuard } from '../plugins/guard/index.js';
import { remarkKeepHtmlContent } from '../plugins/keep-html-content/index.js';
import { remarkNormalizeDashes } from '../plugins/normalize-dashes/index.js';
import { remarkNormalizeLinks } from '../plugins/normalize-links/index.js';
import { remarkNormalizeMojibake } from '../plugins/normalize-mojibake/index.js';
import { remarkNormalizeQuotes } from '../plugins/normalize-quotes/index.js';
import { remarkNormalizeWhitespace } from '../plugins/normalize-whitespace/index.js';
import { remarkPrune } from '../plugins/prune/index.js';
import { remarkSanitizeLinks } from '../plugins/sanitize-links/index.js';
import { remarkScoreBlocks } from '../plugins/score-blocks/index.js';
import { remarkSettle } from '../plugins/settle/index.js';
import type { Phrases } from '../plugins/shared/lexicon.js';
import { remarkStripAuthorBio } from '../plugins/strip-author-bio/index.js';
import { remarkStripBoilerplate } from '../plugins/strip-boilerplate/index.js';
import { remarkStripCaptions } from '../plugins/strip-captions/index.js';
import { remarkStripCitations } from '../plugins/strip-citations/index.js';
import { remarkStripComments } from '../plugins/strip-comments/index.js';
import { remarkStripElements } from '../plugins/strip-elements/index.js';
import { remarkStripHtmlChrome } from '../plugins/strip-html-chrome/index.js';
import { remarkStripNewsletter } from '../plugins/strip-newsletter/index.js';
import { remarkStripRelated } from '../plugins/strip-related/index.js';
import { remarkStripSiteRepeats } from '../plugins/strip-site-repeats/index.js';
import { remarkStripStrayBreaks } from '../plugins/strip-stray-breaks/index.js';
import { remarkUnwrapLines } from '../plugins/unwrap-lines/index.js';
import { userRulesOf } from './config/sites.js';
import type { ResolvedOptions } from './options.js';

/** The user's extra lexicon phrases (config `lexicon`) for the plugins that use the lexicon. */
function lexiconOption(options: ResolvedOptions): { extraPhrases?: Phrases } {
  return options.lexicon ? { extraPhrases: options.lexicon } : {};
}

/** Plugins of the preset, in order, configured from resolved options. */
export function presetPlugins(options: ResolvedOptions): PluggableList {
  return [
    // 0. repair the text itself (charset, invisible characters) so detectors match real words
    remarkNormalizeMojibake,
    remarkNormalizeWhitespace,
    // 1. detectors: label blocks, never remove. User rules first (keep beats
    //    every label); the site pack last (it only labels what is still free;
    //    off with siteRules: false).
    [remarkApplyUserRules, userRulesOf(options)],
    // footnotes the text refers to are the article's (kept, like a user keep rule)
    remarkKeepFootnotes,
    remarkDetectHeadline,
    [
      remarkStripNewsletter,
      { phrases: [...(options.lexicon?.newsletter ?? []), ...(options.lexicon?.cta ?? [])] },
    ],
    remarkStripRelated,
    [remarkDetectByline, { referenceDate: options.referenceDate }],
    remarkStripHtmlChrome,
    // captions and photo credits by their wording (HTML marks them too; dumps do not)
    remarkStripCaptions,
    // the author's bio and wire credit lines at the end (needs the byline's authors)
    remarkStripAuthorBio,
    // a reader comment thread at the end (its opening line's shape; markup: strip-html-chrome)
    remarkStripComments,
    ...(options.siteRules
      ? ([[remarkApplySitePack, { packs: options.sitePacks }]] as PluggableList)
      : []),
    // generic detectors after the specific ones: the article region, then chrome blocks
    [remarkFindArticleRegion, lexiconOption(options)],
    [remarkStripBoilerplate, lexiconOption(options)],
    // HTML keep rule: positional evidence alone does not remove text inside the content container
    remarkKeepHtmlContent,
    // blocks on many pages of the same site (batch --site-repeats only)
    ...(options.siteRepeatCounts
      ? ([[remarkStripSiteRepeats, { repeats: options.siteRepeatCounts }]] as PluggableList)
      : []),
    // last: a repeat counts only against a first copy that stays
    remarkDedupeBlocks,
    // the fitted block scorer has the last word on the generic detectors' labels
    [remarkScoreBlocks, lexiconOption(options)],
    // rule ids the user keeps (withComments: strip-comments) stop removing
    ...(options.withComments
      ? ([[remarkReleaseRules, { ruleIds: ['strip-comments'] }]] as PluggableList)
      : []),
    // refuse to over-strip; set the status
    [
      remarkGuard,
      { maxRemovedShare: options.maxRemovedShare, minConfidence: options.minConfidence },
    ],
    // 2. the one removal step
    [remarkPrune, { minConfidence: options.minConfidence }],
    // wiki citation markers and section edit links out of the kept text
    remarkStripCitations,
    // footnote references and their notes: both kept or both gone
    remarkFootnotes,
    // hard-wrapped dumps joined back into paragraph lines; `---` that separate nothing dropped
    remarkUnwrapLines,
    remarkStripStrayBreaks,
    // idempotent without cleaning twice: the cheap decisions again on the
    // pruned, tidied tree (menus gone), until a round removes nothing
    [
      remarkSettle,
      {
        detect: [
          [remarkFindArticleRegion, lexiconOption(options)],
          [remarkStripBoilerplate, lexiconOption(options)],
          remarkKeepHtmlContent,
          remarkDedupeBlocks,
        ],
        remove: [[remarkPrune, { minConfidence: options.minConfidence }]],
        tidy: [remarkStripStrayBreaks],
      },
    ],
    // document metadata (HTML head, front matter) and the language, before the normalisers
    remarkExtractHtmlMeta,
    [remarkExtractDates, { fetchDate: options.referenceDate }],
    remarkExtractLanguage,
    // house style on the kept text only (after the language, for `quotes: 'auto'`)
    [remarkNormalizeQuotes, { style: options.quotes }],
    [remarkNormalizeDashes, { dash: options.dashes }],
    // absolute destinations, no links to nowhere, `&` unescaped in URLs
    remarkNormalizeLinks,
    // nothing in the output can execute (dangerous link schemes, raw HTML)
    remarkSanitizeLinks,
    // facts from the final body
    remarkExtractSources,
    remarkExtractQuotes,
    // links, images, tables the reader switched off (after the extractors that read links)
    ...(options.links && options.images && options.tables
      ? []
      : ([
          [
            remarkStripElements,
            { links: options.links, images: options.images, tables: options.tables },
          ],
        ] as PluggableList)),
    remarkExtractCounts,
    // 3. put headline, dek and byline at the top
    [remarkAssemble, { byline: options.byline }],
  ];
}

/** The house Markdown style of copydesk's output (remark-stringify options). */
export const stringifyOptions = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
} as const satisfies RemarkStringifyOptions;

export type CopydeskProcessor = Processor<undefined, Root, Root, Root, string>;

/** A frozen processor that runs the preset on an mdast tree and stringifies it. */
export function createPipeline(options: ResolvedOptions): CopydeskProcessor {
  return unified()
    .use(presetPlugins(options))
    .use(remarkGfm)
    .use(remarkStringify, stringifyOptions)
    .freeze() as unknown as CopydeskProcessor;
}
