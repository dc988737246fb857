/**
 * remark-strip-citations — wiki-style citation markers and section edit links
 * out of the article's text.
 *
 * What: removes, wherever they sit in the body (paragraphs, headings, list
 * items, tables), the marks that wikis (MediaWiki, DokuWiki) and blog
 * footnote plugins print for their own navigation:
 * - section edit links: a link reading `edit` / `edit source` (and the same in
 *   a few languages) that edits the page (`action=edit`, `do=edit`,
 *   `section=…`) or stands in brackets (`History [edit]`), with its brackets;
 *   `[edit]` at the end of a heading or a short line of a text dump;
 * - citation markers whose note is not in the output: a link with marker text
 *   (`[1]`, `12`, `[a]`, `[note 3]`, `*`) to an in-page note anchor
 *   (`#cite_note-…`, `#fn…`, `#footnote…`, `#ref…`, `#note…`, or any `#…`
 *   when the text is bracketed); maintenance tags (`[citation needed]`,
 *   `[clarification needed]`, `[who?]`), linked or not;
 * - bracketed numbers in plain text (`tides.[1]`, `tides,[2][3]`) right after
 *   punctuation, and after a word (`the estuary[4] was`) once the document
 *   shows that style by a marker after punctuation or a linked one.
 *
 * Never removed: a bracketed number at the start of a line (a reference
 * list's `[1] Smith…`), inside code, after a space, after an identifier-like
 * word (`arr[0]`, `x_1[2]`, `a[1]`), or `[0]`. GFM footnotes (`[^1]`) are
 * `footnotes`' job.
 *
 * When: after `prune` (markers inside removed blocks need no record).
 *
 * Options: none.
 *
 * Messages: `strip-citations` edits (old: the marker, new: nothing).
 */
import type { Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { reportEdit } from '../shared/messages.js';

export type Options = Record<string, never>;

const RULE = 'strip-citations';

/** What a section edit link reads. */
const EDIT_TEXT =
  /^\s*\[?\s*(?:edit(?: source| section)?|modifier(?: le code)?|bearbeiten|quelltext bearbeiten|editar(?: código)?|modifica(?: wikitesto)?|edytuj|bewerken)\s*\]?\s*$/i;
/** Where a section edit link leads. */
const EDIT_URL = /[?&](?:action|do|veaction)=edit\b|[?&]section=\d|\/edit(?:\/|\?|$)/i;
/** What a citation marker reads: `[1]`, `12`, `[a]`, `[note 3]`, `*`, `†`. */
const MARKER_TEXT =
  /^\s*(?:\[\s*(?:\d{1,3}|[a-z]{1,2}|[ivx]{1,5}|(?:note|nb|n|fn|ref)\.? ?\d{1,3})\s*\]|\d{1,3}|[a-z]|[*†‡])\s*$/i;
/** A note anchor (`#cite_note-4`, `#fn:2`, `#footnote-3`, `#ref1`, `#note_5`, `#endnote2`). */
const NOTE_ANCHOR =
  /#(?:cite[_-]?note|cite[_-]?ref|fn|fnref|footnote|ref|note|endnote|en)(?![a-z])[-_:.]?\w*/i;
/**
 * A maintenance tag: `citation needed`, `clarification needed`, `who?`, `when?`, `dubious – discuss`;
 * any white space between its words (a hard-wrapped dump breaks a line inside a tag).
 */
const TAG_BODY =
  '(?:[a-z]+ )?(?:citation|clarification|verification|source|page|year|date|full citation|better source|non-primary source|attribution) needed|who\\?|when\\?|where\\?|which\\?|according to whom\\?|by whom\\?|dubious(?: [–—-] discuss)?|failed verification|original research\\?|unreliable source\\?|not in citation given|permanent dead link|dead link' // prettier-ignore
    .replaceAll(' ', '\\s+');
const TAG_TEXT = new RegExp(`^\\s*\\[?\\s*(?:${TAG_BODY})\\s*\\]?\\s*$`, 'i');
/** Plain-text markers: one or more bracketed numbers/letters/notes/tags (with `:12` page numbers). */
const TEXT_MARKERS = new RegExp(
  `(?:\\[(?:\\d{1,3}|[a-z]|(?:note|nb) \\d{1,3}|${TAG_BODY})\\](?::\\s?\\d{1,4}(?:[–-]\\d{1,4})?)?)+`,
  'gi',
);
/** `[edit]` closing a heading or a short line. */
const TEXT_EDIT = /\s*\[(?:edit|edit source|edit \| edit source)\]\s*$/i;
const PUNCT_BEFORE = /[.,;:!?)"”’»]$/;

/** One marker found in a text node. */
interface Found {
  start: number;
  end: number;
  strong: boolean;
}

export const remarkStripCitations: Plugin<[Readonly<Options>?], Root> = () => (tree, file) => {
  const ctx = { file, styled: false };
  // First pass: linked markers and tags, edit links; it also shows whether the
  // document uses the style (a linked marker or one after punctuation).
  walk(tree, (parent) => stripLinked(parent, ctx));
  walk(tree, (parent) => {
    for (const c of parent.children as Nodes[])
      if (c.type === 'text' && findMarkers(c.value).some((f) => f.strong)) ctx.styled = true;
  });
  walk(tree, (parent) => stripText(parent, ctx));
};

interface Ctx {
  file: VFile;
  styled: boolean;
}

function walk(node: Nodes, visit: (parent: Parent) => void): void {
  // code and inline code have no children: their text is never touched
  if (!('children' in node)) return;
  visit(node as Parent);
  for (const c of (node as Parent).children as Nodes[]) walk(c, visit);
}

/** The link a wrapper (`emphasis`, `strong`) holds as its only child, or the node itself. */
function linkIn(node: Nodes): Nodes | undefined {
  let n: Nodes = node;
  while ((n.type === 'emphasis' || n.type === 'strong') && n.children.length === 1)
    n = n.children[0] as Nodes;
  return n.type === 'link' ? n : undefined;
}

function isEditLink(link: Nodes, bracketed: boolean): boolean {
  if (link.type !== 'link') return false;
  const text = mdToString(link);
  if (!EDIT_TEXT.test(text)) return false;
  return EDIT_URL.test(link.url) || bracketed || /^\s*\[.*\]\s*$/.test(text);
}

function isMarkerLink(link: Nodes): boolean {
  if (link.type !== 'link') return false;
  const text = mdToString(link);
  if (TAG_TEXT.test(text)) return true;
  if (!MARKER_TEXT.test(text)) return false;
  const hash = link.url.indexOf('#');
  if (hash < 0) return false;
  const fragment = link.url.slice(hash);
  return NOTE_ANCHOR.test(fragment) || (hash === 0 && /^\s*\[.*\]\s*$/.test(text));
}

/** Remove linked markers, tags and edit links among `parent`'s children (with the brackets around them). */
function stripLinked(parent: Parent, ctx: Ctx): void {
  const kids = parent.children as Nodes[];
  for (let i = 0; i < kids.length; i++) {
    const link = linkIn(kids[i]!);
    if (!link) continue;
    const prev = kids[i - 1];
    const next = kids[i + 1];
    const bracketed =
      prev?.type === 'text' &&
      /\[\s*$/.test(prev.value) &&
      next?.type === 'text' &&
      /^\s*\]/.test(next.value);
    const edit = isEditLink(link, bracketed);
    if (!edit && !isMarkerLink(link)) continue;
    if (!edit) ctx.styled = true;
    let old = mdToString(link);
    if (bracketed) {
      prev.value = prev.value.replace(/\[\s*$/, '');
      next.value = next.value.replace(/^\s*\]/, '');
      old = `[${old}]`;
    }
    if (edit && prev?.type === 'text') prev.value = prev.value.replace(/\s+$/, '');
    kids.splice(i, 1);
    i--;
    reportEdit(
      ctx.file,
      RULE,
      edit
        ? 'section edit link removed'
        : 'citation marker removed (its note is not in the output)',
      old,
      '',
      link.position,
    );
  }
  // drop text nodes the brackets emptied
  parent.children = kids.filter((k) => k.type !== 'text' || k.value !== '') as Parent['children'];
}

/** Markers in a text value, with whether each follows punctuation (strong) or a word (weak). */
function findMarkers(value: string): Found[] {
  const out: Found[] = [];
  const first = value.search(/\S/);
  for (const m of value.matchAll(TEXT_MARKERS)) {
    const start = m.index;
    const end = start + m[0].length;
    // line start or after a space: a list's `[1] Smith…`, `option [2]`
    if (start <= first || /\s/.test(value[start - 1]!)) continue;
    const after = value.slice(end, end + 1);
    if (after !== '' && !/[\s.,;:!?)"”’»\]–—-]/.test(after)) continue; // `x[1]y`, `[1](` …
    const body = m[0];
    if (/^\[0\]/.test(body)) continue;
    // a bounded look back: the word or mark right before the marker
    const before = value.slice(Math.max(0, start - 64), start);
    const strong = PUNCT_BEFORE.test(before);
    if (!strong) {
      const word = /[\p{L}\p{N}_$.]+$/u.exec(before)?.[0] ?? '';
      // identifiers and indexes: `a[1]`, `arr_2[3]`, `obj.items[1]`, `x2[1]`
      if (word.length < 3 || /[_$.\d]/.test(word) || /\p{Lu}.*\p{Lu}/u.test(word.slice(1)))
        continue;
      if (/^\[[a-z]\]$/i.test(body)) continue; // a lone letter after a word stays
    }
    out.push({ start, end, strong });
  }
  return out;
}

/** Remove plain-text markers (and `[edit]` at the end of headings or short lines). */
function stripText(parent: Parent, ctx: Ctx): void {
  const kids = parent.children as PhrasingContent[];
  const last = kids.length - 1;
  kids.forEach((kid, i) => {
    if (kid.type !== 'text') return;
    const text = kid as Text;
    if (i === last && (parent.type === 'heading' || mdToString(parent as Nodes).length <= 80)) {
      const m = TEXT_EDIT.exec(text.value);
      if (m && m.index > 0) {
        text.value = text.value.slice(0, m.index);
        reportEdit(ctx.file, RULE, 'section edit link removed', m[0].trim(), '', text.position);
      }
    }
    const found = findMarkers(text.value).filter((f) => f.strong || ctx.styled);
    if (found.length === 0) return;
    let kept = '';
    let at = 0;
    for (const f of found) {
      kept += text.value.slice(at, f.start);
      at = f.end;
      reportEdit(
        ctx.file,
        RULE,
        'citation marker removed (its note is not in the output)',
        text.value.slice(f.start, f.end),
        '',
        text.position,
      );
    }
    text.value = kept + text.value.slice(at);
  });
}

export default remarkStripCitations;
