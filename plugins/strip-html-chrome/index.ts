/**
 * remark-strip-html-chrome — labels blocks that HTML evidence shows to be page
 * chrome: navigation, share bars, newsletter boxes, related lists, comments,
 * cookie notices, ads, footers, sidebars, author bios, tag lists, and figure
 * captions (the article body has none).
 *
 * What: the HTML reader puts `hints` on every block (`src/readers/html`):
 * landmark tags/roles and class/id tokens grouped by concept (`chrome`), and
 * whether the block lies inside the page's main content container
 * (`content`). This plugin turns that evidence into labels:
 * - outside the main content container, any chrome evidence labels;
 * - inside it (keep rule: the article is protected from weak evidence), only
 *   specific evidence labels — share, newsletter, related, comments, cookie,
 *   ad, author bio, tags, navigation — never a bare `<footer>`, `<aside>`,
 *   `<header>` or sidebar/footer class;
 * - without a container, landmarks and tokens label, except `<header>`
 *   (`<nav>`/role=navigation with `outsideConfidence`, the rest with
 *   `noContainerConfidence`).
 * A level-1 heading and blocks another detector has claimed (role, keep) are
 * left alone. If, with no content container found, chrome would take more
 * than `maxShare` of the page's prose words (paragraphs of 15+ words, mostly
 * not links), nothing is labelled on that evidence and a doubt is reported:
 * the evidence is probably a wrapper's.
 *
 * When: with the detectors; a no-op on text and Markdown input (no hints).
 *
 * Options:
 * - `outsideConfidence` (default: `0.9`), `insideConfidence` (default: `0.7`),
 *   `noContainerConfidence` (default: `0.75`): label confidence by place;
 * - `captions` (default: `true`): label `<figcaption>` and caption/gallery/credit-classed text (`html-caption`)
 *   of at most 60 words (a slide's long text in a gallery or carousel is content);
 * - `captionConfidence` (default: `0.6`);
 * - `maxShare` (default: `0.6`): see above.
 *
 * Messages: `strip-html-chrome`, `html-caption`, `strip-comments` (comment
 * threads by their markup, so `--with-comments` can keep them) (removals, via prune);
 * `strip-html-chrome` doubt when the share guard trips.
 */
import type { Heading, Nodes, Root } from 'mdast';
import type { Plugin } from 'unified';
import { label, peek } from '../shared/label.js';
import { reportDoubt } from '../shared/messages.js';
import { blockText, countWords } from '../shared/text.js';
import type { ChromeConcept, ChromeEvidence, Hints } from '../shared/types.js';

export interface Options {
  /** Confidence of labels outside the main content container (default: `0.9`). */
  outsideConfidence?: number;
  /** Confidence of labels inside it, on specific evidence only (default: `0.7`). */
  insideConfidence?: number;
  /** Confidence when the page has no recognisable content container (default: `0.75`). */
  noContainerConfidence?: number;
  /** Label figure captions (default: `true`). */
  captions?: boolean;
  /** Confidence of caption labels (default: `0.6`). */
  captionConfidence?: number;
  /** Without a content container, the largest share of prose words chrome may take (default: `0.6`). */
  maxShare?: number;
  /**
   * Confidence for blocks outside a container found by a specific signal
   * (articleBody, `article-body`-like class) that show no chrome evidence;
   * `0` turns this off (default: `0.6`).
   */
  outsideContainerConfidence?: number;
  /** Outside blocks are left alone unless the container holds this share of the page's prose words (default: `0.25`). */
  minInsideProse?: number;
}

export const defaults = {
  outsideConfidence: 0.9,
  insideConfidence: 0.7,
  noContainerConfidence: 0.75,
  captions: true,
  captionConfidence: 0.6,
  maxShare: 0.6,
  outsideContainerConfidence: 0.6,
  minInsideProse: 0.25,
} as const satisfies Required<Options>;

const RULE = 'strip-html-chrome';
const CAPTION_RULE = 'html-caption';
/** Longer text under a caption/gallery/carousel class is not labelled as a caption. */
const CAPTION_MAX_WORDS = 60;
/** Comment threads go under their own rule id (`--with-comments` keeps them): `plugins/strip-comments`. */
const COMMENTS_RULE = 'strip-comments';

/** Evidence specific enough to label a block inside the article. */
const SPECIFIC = new Set<ChromeConcept>([
  'share',
  'newsletter',
  'related',
  'comments',
  'cookie',
  'ad',
  'author-bio',
  'tags',
  'navigation',
]);

const LEADING_BLOCKS = new Set(['paragraph', 'heading', 'list', 'blockquote', 'table', 'code']);

interface Decision {
  node: Nodes;
  ruleId: string;
  reason: string;
  confidence: number;
}

function validate(name: string, value: number): number {
  if (!(value >= 0 && value <= 1))
    throw new Error(`remark-strip-html-chrome: \`${name}\` must be between 0 and 1`);
  return value;
}

export const remarkStripHtmlChrome: Plugin<[Readonly<Options>?], Root> = (options) => {
  const outside = validate(
    'outsideConfidence',
    options?.outsideConfidence ?? defaults.outsideConfidence,
  );
  const inside = validate(
    'insideConfidence',
    options?.insideConfidence ?? defaults.insideConfidence,
  );
  const none = validate(
    'noContainerConfidence',
    options?.noContainerConfidence ?? defaults.noContainerConfidence,
  );
  const captions = options?.captions ?? defaults.captions;
  const captionConfidence = validate(
    'captionConfidence',
    options?.captionConfidence ?? defaults.captionConfidence,
  );
  const maxShare = validate('maxShare', options?.maxShare ?? defaults.maxShare);
  const outsideContainer = validate(
    'outsideContainerConfidence',
    options?.outsideContainerConfidence ?? defaults.outsideContainerConfidence,
  );
  const minInsideProse = validate(
    'minInsideProse',
    options?.minInsideProse ?? defaults.minInsideProse,
  );

  /** The evidence that decides a block, with the confidence it earns. */
  const decide = (hints: Hints): { ev: ChromeEvidence; confidence: number } | undefined => {
    for (const ev of hints.chrome ?? []) {
      if (ev.concept === 'caption') continue;
      if (hints.content === 'outside') return { ev, confidence: outside };
      if (hints.content === 'inside') {
        if (SPECIFIC.has(ev.concept)) return { ev, confidence: inside };
        continue;
      }
      // `<nav>` and role=navigation are strong wherever they are.
      if (ev.landmark && ev.concept === 'navigation') return { ev, confidence: outside };
      if (ev.concept !== 'header') return { ev, confidence: none };
    }
    return undefined;
  };

  return (tree, file) => {
    let decisions: Decision[] = [];
    const outsiders: Decision[] = [];
    let sawHints = false;
    let container = false;
    const walk = (node: Nodes): void => {
      if (!('children' in node)) return;
      for (const child of node.children as Nodes[]) {
        const m = peek(child);
        const hints = m?.hints;
        if (hints) {
          sawHints = true;
          if (hints.content) container = true;
        }
        if (m?.keep || m?.role) continue;
        if (
          hints &&
          LEADING_BLOCKS.has(child.type) &&
          !(child.type === 'heading' && (child as Heading).depth === 1)
        ) {
          const d = decide(hints);
          if (d) {
            const where =
              hints.content === 'outside'
                ? ' outside the main content'
                : hints.content === 'inside'
                  ? ' inside the article'
                  : '';
            decisions.push({
              node: child,
              ruleId: d.ev.concept === 'comments' ? COMMENTS_RULE : RULE,
              reason: `${d.ev.concept} chrome${where}: ${d.ev.evidence}`,
              // A navigation list is strong evidence wherever the token sits.
              confidence:
                d.ev.concept === 'navigation' && child.type === 'list'
                  ? Math.max(d.confidence, outside)
                  : d.confidence,
            });
            continue;
          }
          const caption = (hints.chrome ?? []).find((e) => e.concept === 'caption');
          // A caption is a line or two: a slide's long text in a gallery or carousel is content.
          if (captions && caption && countWords(blockText(child)) <= CAPTION_MAX_WORDS) {
            decisions.push({
              node: child,
              ruleId: CAPTION_RULE,
              reason: `figure caption: ${caption.evidence}`,
              confidence: captionConfidence,
            });
            continue;
          }
          if (
            hints.content === 'outside' &&
            hints.container?.specific &&
            outsideContainer > 0 &&
            // An article-like paragraph outside the container is left to the prose detectors.
            !(hints.tag === 'p' && proseWords(child) > 0)
          ) {
            outsiders.push({
              node: child,
              ruleId: RULE,
              reason: `outside the main content container (${hints.container.evidence})`,
              confidence: outsideContainer,
            });
            continue;
          }
        }
        walk(child);
      }
    };
    walk(tree);
    if (!sawHints) return;
    if (outsiders.length > 0) {
      // The container may miss part of the article: then leave the outside alone.
      const outside = outsiders.reduce((n, d) => n + proseWords(d.node), 0);
      const total = proseWords(tree);
      const chrome = decisions.reduce((n, d) => n + proseWords(d.node), 0);
      const inside = total - outside - chrome;
      if (inside >= minInsideProse * total) decisions.push(...outsiders);
      else
        reportDoubt(
          file,
          RULE,
          `the main content container holds only ${inside} of ${total} prose words: it may miss part of the article, so blocks outside it were not labelled for that alone`,
        );
    }
    if (decisions.length === 0) return;
    if (!container) {
      // Guard: without a container, chrome evidence must not take most of the prose.
      const total = proseWords(tree);
      const chrome = decisions
        .filter((d) => d.ruleId !== CAPTION_RULE)
        .reduce((n, d) => n + proseWords(d.node), 0);
      if (total > 0 && chrome / total > maxShare) {
        reportDoubt(
          file,
          RULE,
          `HTML chrome evidence covers ${Math.round((100 * chrome) / total)}% of the prose and no content container was found: not labelled on that evidence alone`,
        );
        // Leave those blocks free for the other detectors.
        decisions = decisions.filter((d) => d.ruleId === CAPTION_RULE);
      }
    }
    for (const d of decisions)
      label(d.node, { ruleId: d.ruleId, reason: d.reason, confidence: d.confidence });
  };
};

/** Words in prose-like paragraphs (15+ words, under half of them in links) under `node`. */
function proseWords(node: Nodes): number {
  if (node.type === 'paragraph') {
    const words = countWords(blockText(node));
    let linked = 0;
    for (const c of node.children) if (c.type === 'link') linked += countWords(blockText(c));
    return words >= 15 && linked / words < 0.5 ? words : 0;
  }
  if (!('children' in node)) return 0;
  let n = 0;
  for (const c of node.children as Nodes[]) n += proseWords(c);
  return n;
}

export default remarkStripHtmlChrome;
