/**
 * remark-strip-comments — labels a reader comment thread at the end of a page.
 *
 * What: a comment thread opens with a short line of a few shapes that occur
 * on many sites and in many languages: a count and a word for comments
 * (“12 comments”, “3 Kommentare”, “5 réponses”, “2 thoughts on …”), a
 * heading that is only that word (“Comments”, “Kommentare (4)”, “评论”), or
 * an invitation to reply (“Leave a reply”, “Post a comment”, “Schreibe einen
 * Kommentar”, “Deja un comentario”). From that line to the end of the page
 * every free block is labelled `strip-comments`. The reply form's notes
 * (“Your email address will not be published”, “Required fields are
 * marked”) are labelled wherever they stand. HTML comment markup
 * (`class="comments"` …) is labelled by `strip-html-chrome` under the same
 * rule id, so `--with-comments` keeps both.
 *
 * Near-misses kept: such a line before the middle of the page's running text
 * (a comment count beside the byline, a forum page whose posts are the
 * content); a count or bare “Comments” heading not followed by anything
 * that looks like a thread (a reply link, a date stamp, a “… says:” line) —
 * a section about comments in code, a listicle's “5 reactions to …”.
 *
 * When: with the detectors, before `find-article-region`.
 *
 * Options: `confidence` (default: `0.75`); `minProseBefore` (default: `0.5`)
 * — share of the page's running-text words that must come before the marker.
 *
 * Messages: `strip-comments` (removals, via prune).
 */
import type { Nodes, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { isFree, label } from '../shared/label.js';
import { blockText, countWords, squash } from '../shared/text.js';

export interface Options {
  /** Confidence of the labels (default: `0.75`). */
  confidence?: number;
  /** Share of the running-text words that must come before the thread's first line (default: `0.5`). */
  minProseBefore?: number;
}

export const defaults = {
  confidence: 0.75,
  minProseBefore: 0.5,
} as const satisfies Required<Options>;

export const RULE_ID = 'strip-comments';

/** Words for “comment(s)”, “reply/replies”, “response(s)”, “reaction(s)” in many languages. */
const COMMENT_WORD =
  '(?:comments?|replies|reply|responses?|reactions?|kommentare?|kommentaren|antworten|commentaires?|réponses?|comentarios?|respuestas?|commenti|risposte|comentários|respostas|reacties|kommentarer|komment(?:ar)?er|komentarz[ey]?|komentářů|komentáře|комментари(?:й|я|ев|и)|відгуки|коментарі|評論|评论|留言|コメント|댓글|yorum(?:lar)?)';

/** “12 comments”, “12 Kommentare”, “2 thoughts on …”, “One response to …”, “Comments (4)”, “Comments:”. */
const COUNT_HEADING = new RegExp(
  `^(?:(?:\\d+|one|no)\\s+${COMMENT_WORD}(?![\\p{L}\\p{N}]).{0,80}|(?:\\d+|one)\\s+(?:thoughts?|responses?|replies)\\s+(?:on|to)\\s.{0,120}|${COMMENT_WORD}\\s*(?:\\(\\d+\\)|\\d+)?\\s*:?)$`,
  'iu',
);

/** An invitation to reply: the reply form's title. */
const INVITATION =
  /^(?:(?:leave|post|add|write|submit)\s+(?:a|your|new)\s+(?:comment|reply|response)|(?:schreibe|hinterlasse|verfasse)\s+einen\s+kommentar|kommentar\s+(?:schreiben|verfassen|hinzufügen)|laisser\s+un\s+commentaire|laisser\s+une\s+réponse|ajouter\s+un\s+commentaire|deja\s+(?:un\s+comentario|una\s+respuesta)|dejar\s+un\s+comentario|lascia\s+(?:un\s+commento|una\s+risposta)|deixe\s+(?:um\s+comentário|uma\s+resposta|seu\s+comentário)|laat\s+een\s+reactie\s+achter|(?:оставить|добавить)\s+комментарий|join\s+the\s+(?:discussion|conversation))\b.{0,40}$/iu;

/** Notes of a reply form. */
const FORM_NOTE =
  /^(?:your\s+e-?mail\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked|you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment|ihre\s+e-?mail-adresse\s+wird\s+nicht\s+veröffentlicht|votre\s+adresse\s+(?:e-?mail|de\s+messagerie)\s+ne\s+sera\s+pas\s+publiée|tu\s+dirección\s+de\s+correo\s+electrónico\s+no\s+será\s+publicada)/iu;

/** Lines that show a thread follows: a reply link, a “… says:” line, a date stamp with a time. */
const THREAD_CUE =
  /^(?:reply|antworten|répondre|responder|rispondi|reageer|ответить)$|\b(?:says|said|wrote|schrieb|a écrit|escribió):?$|\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\b/iu;

const MAX_MARKER_WORDS = 16;

/** Words of running text (paragraphs of 15+ words) in a top-level block. */
function proseWords(node: Nodes): number {
  if (node.type !== 'paragraph') {
    if (!('children' in node) || node.type === 'heading') return 0;
    let n = 0;
    for (const c of node.children as Nodes[]) n += proseWords(c);
    return n;
  }
  const words = countWords(blockText(node));
  return words >= 15 ? words : 0;
}

/** Why a block opens a comment thread, or undefined. */
export function threadMarker(text: string): 'count' | 'invitation' | undefined {
  if (text.length > 300) return undefined;
  const t = squash(text);
  if (t === '' || countWords(t) > MAX_MARKER_WORDS) return undefined;
  if (INVITATION.test(t)) return 'invitation';
  if (COUNT_HEADING.test(t)) return 'count';
  return undefined;
}

/** Whether a reply form's note. */
export function isFormNote(text: string): boolean {
  return text.length < 400 && FORM_NOTE.test(squash(text));
}

/** A copyright line: the page's footer. */
const FOOTER = /^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b/iu;

function isFooterLine(text: string): boolean {
  return text.length < 400 && FOOTER.test(squash(text));
}

export const remarkStripComments: Plugin<[Readonly<Options>?], Root> = (options) => {
  const confidence = options?.confidence ?? defaults.confidence;
  if (!(confidence > 0 && confidence <= 1))
    throw new Error('remark-strip-comments: `confidence` must be in (0, 1]');
  const minProseBefore = options?.minProseBefore ?? defaults.minProseBefore;
  if (!(minProseBefore >= 0 && minProseBefore <= 1))
    throw new Error('remark-strip-comments: `minProseBefore` must be in [0, 1]');
  return (tree) => {
    const blocks = tree.children;
    const prose = blocks.map(proseWords);
    const total = prose.reduce((a, b) => a + b, 0);
    let before = 0;
    let start = -1;
    let marker = '';
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      const text = blockText(b);
      if (isFree(b) && isFormNote(text))
        label(b, { ruleId: RULE_ID, reason: 'comment thread: a reply form’s note', confidence });
      if (start < 0 && before > 0 && before >= minProseBefore * total) {
        const kind =
          b.type === 'paragraph' || b.type === 'heading' ? threadMarker(text) : undefined;
        if (kind && (kind === 'invitation' || threadFollows(blocks, i))) {
          start = i;
          marker = squash(text);
        }
      }
      before += prose[i]!;
    }
    if (start < 0) return;
    for (let i = start; i < blocks.length; i++) {
      const b = blocks[i]!;
      // the page's footer after the thread is the boilerplate detectors' (kept by `--with-comments` otherwise)
      if (i > start && isFooterLine(blockText(b))) break;
      if (!isFree(b)) continue;
      label(b, {
        ruleId: RULE_ID,
        reason: i === start ? 'comment thread: its heading' : `comment thread after “${marker}”`,
        confidence,
      });
    }
  };
};

/** Whether a thread follows a bare “Comments” heading: a cue in the next few blocks, or nothing much. */
function threadFollows(blocks: readonly RootContent[], at: number): boolean {
  const next = blocks.slice(at + 1, at + 9);
  if (next.length === 0) return true;
  return next.some((b) => {
    const t = squash(blockText(b));
    return THREAD_CUE.test(t) || threadMarker(t) === 'invitation' || isFormNote(t);
  });
}

export default remarkStripComments;
