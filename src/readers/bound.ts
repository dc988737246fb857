/**
 * Bounds Markdown before remark-parse sees it.
 *
 * micromark's inline parsing is super-linear in the length of one paragraph
 * when the paragraph is dense with markup: each `]` looks back over every open
 * `[` and normalises the label between them, unmatched `*`/`_` runs are
 * re-scanned, every backtick run looks ahead for its closing run (cmark's
 * published pathological cases). 50,000 `[` then 50,000 `]` took minutes.
 * Inline syntax never crosses a paragraph break, so cutting such a paragraph
 * into pieces of at most `MAX_PIECE` characters makes the cost linear in the
 * size of the input. Prose is never touched: only a paragraph longer than
 * `MIN_DENSE_CHARS` in which markup characters are more than `MIN_DENSITY`
 * of the text is cut, and no text is lost. Fenced code is left alone.
 */
import type { VFile } from 'vfile';

/** A paragraph at least this long (in characters) may be cut (default 4,000). */
export const MIN_DENSE_CHARS = 4000;
/** Share of markup characters (`[ ] ( ) * _ \` < > !`) that makes a paragraph dense (default 0.15). */
export const MIN_DENSITY = 0.15;
/** Longest piece a dense paragraph is cut into (default 1,000 characters). */
export const MAX_PIECE = 1000;

export interface Bounded {
  text: string;
  /** Dense paragraphs that were cut into pieces. */
  paragraphs: number;
}

function isMarkup(c: number): boolean {
  // [ ] ( ) * _ ` < > !
  return (
    c === 91 ||
    c === 93 ||
    c === 40 ||
    c === 41 ||
    c === 42 ||
    c === 95 ||
    c === 96 ||
    c === 60 ||
    c === 62 ||
    c === 33
  );
}

function isDense(text: string): boolean {
  if (text.length < MIN_DENSE_CHARS) return false;
  let markup = 0;
  for (let i = 0; i < text.length; i++) if (isMarkup(text.charCodeAt(i))) markup++;
  return markup > text.length * MIN_DENSITY;
}

/** Cut `text` into pieces of at most `max` characters, at a line break or space when there is one. */
export function cutPieces(text: string, max = MAX_PIECE): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > max) {
    let end = start + max;
    const nl = text.lastIndexOf('\n', end);
    const sp = text.lastIndexOf(' ', end);
    const at = Math.max(nl, sp);
    if (at > start + max / 2) end = at;
    // Never split a surrogate pair.
    const c = text.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff) end--;
    pieces.push(text.slice(start, end).trim());
    start = end;
  }
  pieces.push(text.slice(start).trim());
  return pieces.filter((p) => p.length > 0);
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Cut every dense paragraph of `markdown` (outside fenced code) into pieces
 * of at most `MAX_PIECE` characters, separated by blank lines. Returns the
 * input string itself when nothing was cut. Linear in the input.
 */
export function boundMarkdown(markdown: string): Bounded {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let paragraphs = 0;
  let fence: string | undefined;
  let para: string[] = [];
  let paraChars = 0;
  const flush = (): void => {
    if (para.length === 0) return;
    const text = para.join('\n');
    if (paraChars >= MIN_DENSE_CHARS && isDense(text)) {
      out.push(cutPieces(text).join('\n\n'));
      paragraphs++;
    } else out.push(text);
    para = [];
    paraChars = 0;
  };
  for (const line of lines) {
    if (fence !== undefined) {
      out.push(line);
      if (line.trimStart().startsWith(fence)) fence = undefined;
      continue;
    }
    const open = FENCE.exec(line);
    if (open) {
      flush();
      fence = open[1]!.slice(0, 3);
      out.push(line);
      continue;
    }
    if (line.trim() === '') {
      flush();
      out.push(line);
      continue;
    }
    para.push(line);
    paraChars += line.length + 1;
  }
  flush();
  return paragraphs === 0 ? { text: markdown, paragraphs } : { text: out.join('\n'), paragraphs };
}

/** `boundMarkdown`, recording what was cut as a warning on `file` (rule id `limits`). */
export function boundForParser(markdown: string, file: VFile): string {
  const bounded = boundMarkdown(markdown);
  if (bounded.paragraphs > 0)
    file.message(
      `${bounded.paragraphs} paragraph(s) dense with markup cut into pieces of at most ${MAX_PIECE} characters before parsing`,
      { ruleId: 'limits', source: 'copydesk' },
    );
  return bounded.text;
}
