/**
 * remark-strip-captions — labels photo captions and credit lines.
 *
 * What: a short block that carries a picture credit is a caption or a credit
 * line, not article text: it starts with a credit label (“Photo: …”, “Image
 * credit: …”, “Foto: …”), ends with one in parentheses (“… (Credit: NASA)”,
 * “… (AP Photo/Jane Doe, File)”), names a wire photo (“AP Photo/…”, “Reuters
 * Photo”), ends with a stock agency (“… | Getty Images”, “/Shutterstock”), or
 * counts a gallery (“Image 3 of 9”), carries a player's caption label (“Image
 * caption …”, “Media caption …”) or is what a media player leaves in a text
 * dump (“Media playback is unsupported on your device”). HTML captions are found by markup
 * (`strip-html-chrome`'s `html-caption`); this plugin finds them in text and
 * Markdown dumps, and in HTML that marks nothing.
 *
 * When: with the detectors, after `strip-html-chrome`. Near-misses kept: a
 * paragraph that mentions a photo agency (“Getty Images said on Monday…”),
 * a long paragraph with a credit-like phrase inside, a sentence about a
 * photograph (“The photo shows…”).
 *
 * Options: `maxWords` (default: `60`) — longer blocks are never captions;
 * `confidence` (default: `0.8`).
 *
 * Messages: `caption` (removals, via prune).
 */
import type { Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { isFree, label } from '../shared/label.js';
import { blockText, countWords, squash } from '../shared/text.js';

export interface Options {
  /** Blocks with more words are never captions (default: `60`). */
  maxWords?: number;
  /** Confidence of the labels (default: `0.8`). */
  confidence?: number;
}

export const defaults = { maxWords: 60, confidence: 0.8 } as const satisfies Required<Options>;

export const RULE_ID = 'caption';

/** Words for a picture, several languages. */
const PICTURE =
  '(?:image|images|photo|photos|photograph|photography|picture|pictures|illustration|graphic|video|foto|fotos|fotografía|fotografia|bild|bilder|imagen|immagine|afbeelding|фото)';

/** Credit labels at the start of a block: “Photo: …”, “Image credit: …”, “Credit: …”. */
const LEADING = new RegExp(
  `^(?:${PICTURE}(?:\\s+(?:credits?|courtesy|source|by|de|von|di))?|credits?|photo\\s+illustration)\\s*[:：|]\\s*\\S`,
  'iu',
);
/** A caption or credit label without a colon, as text dumps of media players write them: “Image caption …”, “Media caption …”, “Image copyright …”. */
const LABEL = /^(?:image|media|video|photo|picture)\s+(?:caption|copyright)\b/iu;
/** What a media player leaves in a text dump when it cannot play. */
const PLAYER =
  /^(?:media playback is (?:unsupported|not supported)|your (?:browser|device) (?:does not|doesn['’]t) support (?:the )?(?:video|audio|media))\b/iu;
/** A credit in parentheses or brackets closing the block: “… (Credit: NASA)”, “… [Photo: AFP]”. */
const TRAILING = new RegExp(
  `[(\\[]\\s*(?:${PICTURE}\\s*)?(?:credits?|courtesy|source|${PICTURE})\\s*[:：/][^()\\[\\]]{1,80}[)\\]]\\s*\\.?$`,
  'iu',
);
/** A wire photo: “AP Photo/Jane Doe”, “Reuters Photo”, “AFP Photo”. */
const WIRE = /\b(?:AP|AFP|EPA|Reuters|dpa|ANP|Xinhua)\s+(?:Photo|Foto|Images?)\b\s*[/:]?/u;
/** A stock or photo agency closing the block after a separator: “… | Getty Images”, “…/Shutterstock”, “… via AP”. */
const AGENCY =
  /(?:[|/·•–—-]|\bvia)\s*(?:Getty Images|Shutterstock|iStock(?:photo)?|Alamy|Unsplash|Pexels|Pixabay|Bloomberg|AFP|Reuters|AP|EPA)\b[\s\w/.,-]{0,25}$/u;
/** A gallery counter: “Image 3 of 9”, “Photo 1/12”. */
const GALLERY = new RegExp(
  `\\b${PICTURE}\\s+\\d{1,3}\\s*(?:of|/|von|de|di|из)\\s*\\d{1,3}\\b`,
  'iu',
);

/** Captions with a credit at the end run to a sentence or two. */
const CAPTION_WORDS = 45;

/** Why `text` reads as a caption or credit line, or undefined. */
export function captionEvidence(
  text: string,
  maxWords: number = defaults.maxWords,
): string | undefined {
  const t = squash(text);
  const words = countWords(t);
  if (words === 0 || words > maxWords) return undefined;
  if (LEADING.test(t)) return 'starts with a picture credit';
  if (LABEL.test(t)) return 'a caption or copyright label';
  if (words <= 15 && PLAYER.test(t)) return 'a media player placeholder';
  // A caption is a sentence or two; a long paragraph that ends on a credit is prose.
  if (words <= CAPTION_WORDS && TRAILING.test(t)) return 'ends with a picture credit';
  if (words <= CAPTION_WORDS && WIRE.test(t)) return 'names a wire photo';
  // An agency after a separator, in a short line (a longer one is a sentence that cites it).
  if (words <= 25 && AGENCY.test(t)) return 'ends with a photo agency';
  if (words <= 12 && GALLERY.test(t)) return 'a gallery counter';
  return undefined;
}

export const remarkStripCaptions: Plugin<[Readonly<Options>?], Root> = (options) => {
  const maxWords = options?.maxWords ?? defaults.maxWords;
  if (!(maxWords > 0)) throw new Error('remark-strip-captions: `maxWords` must be positive');
  const confidence = options?.confidence ?? defaults.confidence;
  if (!(confidence > 0 && confidence <= 1))
    throw new Error('remark-strip-captions: `confidence` must be in (0, 1]');
  return (tree) => {
    const visit = (blocks: RootContent[]): void => {
      for (const b of blocks) {
        if (!isFree(b)) continue;
        if (b.type === 'paragraph') {
          const why = captionEvidence(blockText(b), maxWords);
          if (why)
            label(b, { ruleId: RULE_ID, reason: `caption or credit line: ${why}`, confidence });
        } else if (b.type === 'blockquote') visit(b.children);
      }
    };
    visit(tree.children);
  };
};

export default remarkStripCaptions;
