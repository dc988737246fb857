/**
 * remark-strip-newsletter — labels newsletter / subscribe / sign-up calls to
 * action.
 *
 * What: a short block whose words ask the reader to subscribe, sign up, or
 * get something "in your inbox" is a call to action (CTA). A short
 * promotional blurb right after a CTA (second person, imperative, "free")
 * belongs to the same block, and so do the box's title and blurb just before
 * it (“Breaking News Emails” / “Get alerts…” / “Subscribe”). Recognised by what such blocks are — an
 * imperative or second-person offer of e-mail, short, outside prose — never
 * by a site's wording.
 *
 * When: with the detectors. Near-miss kept: an article paragraph that reports
 * on a newsletter (third person, long, no offer to the reader).
 *
 * Options: `maxWords` (default: `45`) — longer blocks are never CTAs;
 * `phrases` (default: `[]`) — extra CTA phrases (case-insensitive).
 *
 * Messages: `strip-newsletter`.
 */
import type { Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { isFree, label } from '../shared/label.js';
import { blockText, countWords, squash } from '../shared/text.js';

export interface Options {
  /** Blocks with more words are never calls to action (default: `45`). */
  maxWords?: number;
  /** Extra phrases that mark a call to action, matched case-insensitively (default: `[]`). */
  phrases?: readonly string[];
}

export const defaults = { maxWords: 45, phrases: [] } as const satisfies Required<Options>;

const RULE = 'strip-newsletter';

/** Offers of e-mail/subscription, several languages. Strong on their own in a short block. */
const STRONG = [
  /\b(?:sign[ -]?up|subscribe|register|join)\b[^.!?]{0,60}\b(?:newsletters?|bulletins?|briefings?|e-?mails?|inbox|digest|updates|alerts)\b/i,
  /\b(?:newsletters?|e-?mails?|briefings?|digest|stories|articles|news|updates)\b[^.!?]{0,60}\b(?:to|in|into)\s+your\s+inbox\b/i,
  /\byour\s+inbox\b/i,
  /(?:votre\s+bo[iî]te\s+(?:mail|e-mail|de\s+r[ée]ception)|ihr(?:em)?\s+(?:e-mail-)?postfach|tu\s+bandeja\s+de\s+entrada|nella\s+tua\s+(?:casella|inbox)|sua\s+caixa\s+de\s+entrada|in\s+je\s+(?:inbox|mailbox))/i,
  /^\s*(?:subscribe|sign[ -]?up|get our|join our|enter your e-?mail|never miss)\b/i,
  /\bfree\s+(?:daily|weekly|monthly)?\s*(?:e-?mail|newsletter|bulletin|briefing)s?\b/i,
  /\b(?:enter|your)\s+e-?mail\s+address\b/i,
  /\b(?:abonnez-vous|inscrivez-vous|newsletter abonnieren|jetzt abonnieren|melden sie sich|suscr[ií]bete|suscríbase|iscriviti|abbonati|assine|inscreva-se|schrijf je in|abonneer)\b/i,
];

/** Second person, imperative or promotional words: a blurb that sells. */
const PROMO =
  /(?:^|[^\p{L}])(?:you|your|yours|get|join|discover|enjoy|escape|try|don['’]t miss|never miss|free|exclusive|unlimited|delivered|straight to|best of|vous|votre|recevez|gratuit|sie|ihr|erhalten|kostenlos|tu|recibe|gratis|ricevi|receba|ontvang|je)(?![\p{L}])/iu;

function isCta(text: string, maxWords: number, extra: readonly RegExp[]): boolean {
  const words = countWords(text);
  if (words === 0 || words > maxWords) return false;
  if (STRONG.some((re) => re.test(text)) || extra.some((re) => re.test(text))) {
    // Third-person reporting about a newsletter ("The paper's newsletter…
    // said") is prose; a CTA offers: imperative start or second person.
    // A quotation in a longer block is reporting, not an offer.
    if (words >= 15 && /[“”„«»"]/.test(text)) return false;
    return PROMO.test(text) || words <= 12;
  }
  return false;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A sign-up box's title: a few words naming what is sent (“Breaking News Emails”, “The Morning Briefing”). */
const BOX_TITLE =
  /\b(?:newsletters?|e-?mails?|alerts|briefings?|digest|bulletins?|updates|inbox|lettre|infolettre|boletín|notiziario)\b/iu;

/**
 * A sign-up box often says what it offers before its button: a title and a
 * blurb above a “Subscribe” line. Up to two free blocks just before a call
 * to action are labelled with it when they are such a title (≤ 6 words,
 * naming e-mails/alerts) or a short promotional blurb about what is sent,
 * without quotations.
 */
function labelLeadIn(blocks: readonly RootContent[], at: number): void {
  for (let i = at - 1; i >= Math.max(0, at - 2); i--) {
    const b = blocks[i]!;
    if ((b.type !== 'paragraph' && b.type !== 'heading') || !isFree(b)) return;
    const text = squash(blockText(b));
    const words = countWords(text);
    if (words <= 6 && BOX_TITLE.test(text))
      label(b, { ruleId: RULE, reason: 'title of a sign-up box', confidence: 0.8 });
    else if (words <= 35 && PROMO.test(text) && BOX_TITLE.test(text) && !/[“”"]/.test(text))
      label(b, {
        ruleId: RULE,
        reason: 'promotional blurb of a sign-up call to action',
        confidence: 0.75,
      });
    else return;
  }
}

export const remarkStripNewsletter: Plugin<[Readonly<Options>?], Root> = (options) => {
  const maxWords = options?.maxWords ?? defaults.maxWords;
  if (!(maxWords > 0)) throw new Error('remark-strip-newsletter: `maxWords` must be positive');
  const extra = (options?.phrases ?? defaults.phrases).map((p) => new RegExp(escapeRe(p), 'i'));
  return (tree) => {
    const blocks: RootContent[] = tree.children;
    let previousWasCta = false;
    for (const b of blocks) {
      if (
        b.type !== 'paragraph' &&
        b.type !== 'heading' &&
        b.type !== 'list' &&
        b.type !== 'blockquote'
      ) {
        previousWasCta = false;
        continue;
      }
      if (!isFree(b)) {
        previousWasCta = false;
        continue;
      }
      const text = squash(blockText(b));
      if (isCta(text, maxWords, extra)) {
        label(b, {
          ruleId: RULE,
          reason: 'newsletter or subscription call to action',
          confidence: 0.9,
        });
        labelLeadIn(blocks, blocks.indexOf(b));
        previousWasCta = true;
      } else if (
        previousWasCta &&
        countWords(text) <= 35 &&
        PROMO.test(text) &&
        !/[“”"]/.test(text)
      ) {
        label(b, {
          ruleId: RULE,
          reason: 'promotional blurb of a sign-up call to action',
          confidence: 0.75,
        });
        // A blurb does not extend the block further.
        previousWasCta = false;
      } else {
        previousWasCta = false;
      }
    }
  };
};

export default remarkStripNewsletter;
