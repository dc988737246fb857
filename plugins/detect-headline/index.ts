/**
 * remark-detect-headline — finds the headline and the dek (standfirst).
 *
 * What: the headline is the title-like block just before the article's first
 * prose (a level-1/2 heading when there is one; in text dumps the best
 * title-shaped line), preferring a block that matches the HTML `<title>` or
 * `og:title`. The dek is the first sentence-like, non-byline block between the
 * headline and the prose. Both get a `role` (they leave the body; `assemble`
 * puts them on top) and go to `file.data.meta.headline` / `.dek`; the headline
 * is also `meta.title` (evidence `text`) until `extract-html-meta` finds a
 * stronger title.
 *
 * When: first among detectors.
 *
 * Options: `window` (default: `8`) — how many blocks before the first prose
 * are candidates.
 *
 * Messages: none (nothing is removed); a warning `detect-headline` when no
 * headline is found.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { stripTitleSuffix, titleCandidates } from '../extract-html-meta/title.js';
import { isBylineText } from '../shared/byline.js';
import { isFree, mark, peek } from '../shared/label.js';
import { compileLexicon, lexiconHits, PHRASES } from '../shared/lexicon.js';
import {
  blockText,
  countWords,
  endsLikeSentence,
  isSeparatorText,
  looksLikeProse,
  squash,
} from '../shared/text.js';

export interface Options {
  /** Blocks before the first prose paragraph considered as headline candidates (default: `8`). */
  window?: number;
}

export const defaults = { window: 8 } as const satisfies Required<Options>;

const DATE_ONLY =
  /^(?:(?:published|updated|posted)\b.*|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}.*|\w+\s+\d{1,2},\s+\d{4}.*)$/i;

export const remarkDetectHeadline: Plugin<[Readonly<Options>?], Root> = (options) => {
  const window = options?.window ?? defaults.window;
  if (!(Number.isInteger(window) && window > 0))
    throw new Error('remark-detect-headline: `window` must be a positive integer');
  return (tree, file) => {
    detect(tree, file, window);
  };
};

function titleTokens(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Share of the block's words found in the page title (0..1). */
function titleMatch(text: string, titles: Set<string>[]): number {
  const a = titleTokens(text);
  if (a.size === 0) return 0;
  let best = 0;
  for (const t of titles) {
    let hit = 0;
    for (const w of a) if (t.has(w)) hit++;
    // Both ways: the block is mostly in the title, and covers most of it.
    best = Math.max(best, Math.min(hit / a.size, hit / Math.max(t.size, 1) + 0.25));
  }
  return best;
}

/** The built-in chrome lexicon (compiled once; never mutated). */
const CHROME = compileLexicon(PHRASES);
/** "Image 1 of 9", "Photo 3/12", "Slide 2 of 10". */
const GALLERY_COUNTER =
  /^(?:image|photo|picture|slide|foto|bild|imagen)\s+\d+\s*(?:of|\/|von|de|sur|di)\s*\d+$/iu;

function isCandidate(node: RootContent, file: VFile): boolean {
  if (node.type !== 'heading' && node.type !== 'paragraph') return false;
  if (!isFree(node)) return false;
  const text = squash(blockText(node));
  const words = countWords(text);
  if (words < 2 || words > 30 || isSeparatorText(text)) return false;
  if (isBylineText(text, file) || DATE_ONLY.test(text)) return false;
  // Chrome lines: "Skip to main content", "Share this article", "Image 1 of 9".
  if (GALLERY_COUNTER.test(text)) return false;
  if (lexiconHits(CHROME, text).some((h) => h.coverage >= 0.5)) return false;
  // A paragraph that is one link is navigation, not a title.
  if (node.type === 'paragraph' && node.children.length === 1 && node.children[0]?.type === 'link')
    return false;
  return true;
}

function isProseBlock(b: RootContent | undefined): boolean {
  return (b?.type === 'paragraph' || b?.type === 'blockquote') && looksLikeProse(blockText(b));
}

/**
 * Where the article's prose starts: the first prose block followed by more
 * prose within three blocks (a lone prose block — a cookie notice, a promo —
 * is not the start of an article); else the first prose block.
 */
function findProseStart(blocks: RootContent[]): number {
  let first = -1;
  for (let i = 0; i < blocks.length; i++) {
    if (!isProseBlock(blocks[i])) continue;
    if (first === -1) first = i;
    for (let j = i + 1; j <= i + 3 && j < blocks.length; j++) if (isProseBlock(blocks[j])) return i;
  }
  return first;
}

/** Blocks that are never headlines: captions, credits, copyright lines. */
function isCaptionLike(node: RootContent, text: string): boolean {
  const hints = peek(node)?.hints;
  if (hints?.ancestors?.includes('figure') || hints?.ancestors?.includes('figcaption')) return true;
  return /©|\bcopyright\b|\b(?:photo(?:graph)?|image|picture|illustration)s?\s*(?:by|:|credit)|\bgetty images\b|\.(?:jpe?g|png|gif|webp)\b/i.test(
    text,
  );
}

/** HTML with head titles: the headline is the block that matches one of them. */
function matchHeadTitle(blocks: RootContent[], titles: Set<string>[], file: VFile): number {
  let best = -1;
  let bestScore = 0;
  const limit = Math.min(blocks.length, 400);
  for (let i = 0; i < limit; i++) {
    const b = blocks[i]!;
    if (!isCandidate(b, file)) continue;
    const text = squash(blockText(b));
    if (isCaptionLike(b, text)) continue;
    const match = titleMatch(text, titles);
    if (match < 0.7) continue;
    const score = match + (b.type === 'heading' ? (b.depth === 1 ? 0.3 : 0.2) : 0) - i * 0.0005;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

/**
 * In a whole-page dump the first line is usually the page's <title>
 * ("Headline — Site"). The last block before the prose that repeats it
 * (or its part without the site's name) is the headline; -1 if none does.
 */
function pageTitleRepeat(blocks: RootContent[], end: number, file: VFile): number {
  const first = blocks[0];
  if (first?.type !== 'paragraph' || !isCandidate(first, file)) return -1;
  const title = squash(blockText(first));
  const heads = [...new Set([title, stripTitleSuffix(title)])].map(titleTokens);
  let found = -1;
  for (let i = 1; i < Math.min(end, 80); i++) {
    const b = blocks[i]!;
    if (!isCandidate(b, file)) continue;
    const text = squash(blockText(b));
    if (countWords(text) >= 2 && titleMatch(text, heads) >= 0.9) found = i;
  }
  return found;
}

function detect(tree: Root, file: VFile, window: number): void {
  const blocks = tree.children;
  const firstProse = findProseStart(blocks);
  const end = firstProse === -1 ? Math.min(blocks.length, window) : firstProse;
  const start = Math.max(0, end - window);
  const html = file.data.htmlMeta;
  const titles = html ? titleCandidates(html).map(titleTokens) : [];

  let best = -1;
  let bestScore = 0;
  const repeat = titles.length === 0 ? pageTitleRepeat(blocks, end, file) : -1;
  const opener = blocks[0];
  if (
    titles.length === 0 &&
    opener?.type === 'heading' &&
    opener.depth === 1 &&
    isCandidate(opener, file)
  ) {
    // A document that opens with its level-1 heading names its headline
    // (most Markdown, and copydesk's own output).
    best = 0;
    bestScore = 2;
  } else if (repeat !== -1) {
    // A text dump opens with the page's <title>; the article's own
    // headline repeats it further down, just above the prose.
    best = repeat;
    bestScore = 2;
  } else if (titles.length > 0) {
    // The page says what its title is: take the block that matches it, or
    // none (extract-html-meta then uses the head title itself).
    best = matchHeadTitle(blocks, titles, file);
    bestScore = best === -1 ? 0 : 2;
  } else {
    for (let i = start; i < end; i++) {
      const b = blocks[i]!;
      if (!isCandidate(b, file)) continue;
      const text = squash(blockText(b));
      if (isCaptionLike(b, text)) continue;
      const words = countWords(text);
      let score = words >= 4 && words <= 20 ? 2 : words >= 3 ? 1 : 0.3;
      if (b.type === 'heading') score += b.depth === 1 ? 3 : b.depth === 2 ? 1.5 : 0.5;
      if (!endsLikeSentence(text) || /[?!]$/.test(text)) score += 0.5;
      // A headline is often followed by a standfirst before the prose.
      const next = blocks[i + 1];
      if (i + 1 < end && next && isCandidate(next, file) && countWords(blockText(next)) >= 6)
        score += 0.6;
      // Closer to the prose is likelier (menus sit further up).
      score -= (end - i) * 0.05;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
  }
  if (best === -1 || bestScore < 1.5) {
    if (titles.length === 0)
      file.message('no headline found', { ruleId: 'detect-headline', source: 'copydesk' });
    return;
  }
  const headline = blocks[best]!;
  mark(headline as Nodes).role = 'headline';
  file.data.meta ??= { authors: [] };
  file.data.meta.headline = squash(blockText(headline));
  // The visible headline is the title until stronger evidence (JSON-LD, head tags, front matter) names one.
  file.data.meta.title = file.data.meta.headline;
  file.data.meta.titleEvidence = 'text';

  for (let i = best + 1; i < Math.min(end + 1, blocks.length, best + 4); i++) {
    const b = blocks[i]!;
    if (b.type !== 'paragraph' || !isFree(b)) continue;
    const text = squash(blockText(b));
    const words = countWords(text);
    if (isBylineText(text, file) || DATE_ONLY.test(text) || isSeparatorText(text)) continue;
    if (i === firstProse && looksLikeProse(text)) break;
    // A standfirst sums the story up; an exclamation (“…came to the park!”,
    // “…on KLOOK! 🙂”) is the chatty opening of the body.
    if (EXCLAIMS.test(text)) break;
    if (words >= 6 && words <= 60) {
      mark(b).role = 'dek';
      file.data.meta.dek = text;
    }
    break;
  }
}

/** Ends on an exclamation mark, an emoji, or both (closing quotes and brackets allowed). */
const EXCLAIMS =
  /(?:!|\p{Extended_Pictographic})(?:[\s"'”’»)\]]|\p{Extended_Pictographic}|\ufe0f|\u200d)*$/u;

export default remarkDetectHeadline;
