/**
 * Every copydesk plugin, by its `remark<Name>` name, for use in any unified
 * pipeline: `import { remarkStripNewsletter } from 'copydesk/plugins'`.
 * Kept in step with the `plugins/<name>/` folders by `tests/plugins-index.test.ts`.
 */
export { remarkApplySitePack } from './apply-site-pack/index.js';
export { applyHastRules, type HastRuleSettings, isProtected } from './apply-user-rules/hast.js';
export { remarkApplyUserRules } from './apply-user-rules/index.js';
export type { Matcher, UserRules } from './apply-user-rules/matchers.js';
export { remarkAssemble } from './assemble/index.js';
export { remarkDedupeBlocks } from './dedupe-blocks/index.js';
export { remarkDetectByline } from './detect-byline/index.js';
export { remarkDetectHeadline } from './detect-headline/index.js';
export { remarkExtractCounts } from './extract-counts/index.js';
export { remarkExtractDates } from './extract-dates/index.js';
export { remarkExtractHtmlMeta } from './extract-html-meta/index.js';
export { remarkExtractLanguage } from './extract-language/index.js';
export { remarkExtractQuotes } from './extract-quotes/index.js';
export { remarkExtractSources } from './extract-sources/index.js';
export { remarkFindArticleRegion } from './find-article-region/index.js';
export { remarkFootnotes, remarkKeepFootnotes } from './footnotes/index.js';
export { remarkGuard } from './guard/index.js';
export { remarkKeepHtmlContent } from './keep-html-content/index.js';
export { remarkNormalizeDashes } from './normalize-dashes/index.js';
export { remarkNormalizeLinks } from './normalize-links/index.js';
export { remarkNormalizeMojibake } from './normalize-mojibake/index.js';
export { remarkNormalizeQuotes } from './normalize-quotes/index.js';
export { remarkNormalizeWhitespace } from './normalize-whitespace/index.js';
export { remarkPrune } from './prune/index.js';
export { remarkSanitizeLinks } from './sanitize-links/index.js';
export { remarkScoreBlocks } from './score-blocks/index.js';
export { loadModel, type ModelWeights } from './score-blocks/model.js';
export { remarkSettle } from './settle/index.js';
// Helpers for writing plugins of your own (docs/library.md, "Write a plugin").
export { isFree, isKept, keep, label, labelOf, mark, peek } from './shared/label.js';
export { isEdit, isRemoval, reportDoubt, reportEdit, SOURCE } from './shared/messages.js';
export {
  defineSitePack,
  documentHost,
  type RelatedShape,
  resolveSitePack,
  type SiteMatcher,
  type SitePack,
  sitePacks,
} from './sites/index.js';
export { remarkStripAuthorBio } from './strip-author-bio/index.js';
export { remarkStripBoilerplate } from './strip-boilerplate/index.js';
export { remarkStripCaptions } from './strip-captions/index.js';
export { remarkStripCitations } from './strip-citations/index.js';
export { remarkStripComments } from './strip-comments/index.js';
export { remarkStripElements } from './strip-elements/index.js';
export { remarkStripHtmlChrome } from './strip-html-chrome/index.js';
export { remarkStripNewsletter } from './strip-newsletter/index.js';
export { remarkStripRelated } from './strip-related/index.js';
export { remarkStripSiteRepeats } from './strip-site-repeats/index.js';
export { remarkStripStrayBreaks } from './strip-stray-breaks/index.js';
export { remarkUnwrapLines } from './unwrap-lines/index.js';
