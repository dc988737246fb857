/**
 * remark-assemble — puts the article's head in house order.
 *
 * What: takes the blocks that detectors gave a role (headline, dek, byline)
 * out of the body and writes, at the top: the headline as `# …`, the dek, then
 * one byline line, then the body. With no headline block, the title found in
 * the page's metadata is used. The headline is the only level-1 heading: if
 * the body has level-1 headings, all body headings move one level down. Byline modes: `normalize` (the house-style
 * line from `file.data.meta.byline`), `keep` (the first byline block as it
 * was), `drop` (none; the facts stay in the metadata).
 *
 * When: last, after normalisers and extractors.
 *
 * Options: `byline` (default: `'normalize'`).
 *
 * The house-style byline's words follow the article's language
 * (`./byline-labels.ts`: "Par Camille Lefèvre" on a French page, never "By").
 *
 * Messages: `normalize-byline` edits (old byline → house-style line),
 * `demote-heading` edits (`# Section` → `## Section`).
 */
import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { peek } from '../shared/label.js';
import { reportEdit } from '../shared/messages.js';
import { blockText, squash } from '../shared/text.js';
import { languageOfLead, localizeByline } from './byline-labels.js';

export interface Options {
  /** What the byline line becomes (default: `'normalize'`). */
  byline?: 'keep' | 'normalize' | 'drop';
}

export const defaults = { byline: 'normalize' } as const satisfies Required<Options>;

/** Permalink anchors that documentation sites append to headings ("Title¶"). */
const ANCHOR = /^\s*[¶#§🔗⚓]\s*$/u;

function isAnchor(node: PhrasingContent): boolean {
  if (node.type === 'link') return ANCHOR.test(squash(blockText(node)));
  return node.type === 'text' && ANCHOR.test(node.value);
}

/**
 * Phrasing with some wrappers taken off (their text stays): `strong` in a
 * heading (a heading is bold already), and links in the headline (the
 * headline is the article, not a way to it).
 */
export function unwrap(
  children: readonly PhrasingContent[],
  types: ReadonlySet<string>,
): PhrasingContent[] {
  return mergeText(unwrapAll(children, types));
}

/**
 * Adjacent text nodes as one: the Markdown of a text does not depend on how
 * it was split (a link's text joined to the words beside it is escaped as the
 * same text read back from the output would be).
 */
function mergeText(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const c of children) {
    const last = out.at(-1);
    if (c.type === 'text' && last?.type === 'text')
      out[out.length - 1] = { type: 'text', value: last.value + c.value };
    else out.push(c);
  }
  return out;
}

function unwrapAll(
  children: readonly PhrasingContent[],
  types: ReadonlySet<string>,
): PhrasingContent[] {
  return children.flatMap((c): PhrasingContent[] => {
    if (types.has(c.type) && 'children' in c) return unwrapAll(c.children, types);
    if ('children' in c && c.children.some((d) => types.has(d.type) || 'children' in d))
      return [{ ...c, children: unwrap(c.children, types) } as PhrasingContent];
    return [c];
  });
}

const HEADLINE_WRAPPERS = new Set(['link', 'linkReference', 'strong']);
const HEADING_WRAPPERS = new Set(['strong']);

/** The headline's phrasing: without links, whether it was a heading or a line of a dump. */
function headlinePhrasing(node: RootContent): PhrasingContent[] {
  const children = phrasing(node);
  return node.type === 'paragraph' ? unwrap(children, HEADLINE_WRAPPERS) : children;
}

function phrasing(node: RootContent): PhrasingContent[] {
  if (node.type === 'heading') {
    const children = [...node.children];
    while (children.length > 1 && isAnchor(children[children.length - 1]!)) children.pop();
    return unwrap(children, HEADLINE_WRAPPERS);
  }
  if (node.type === 'paragraph') return node.children;
  return [{ type: 'text', value: squash(blockText(node)) }];
}

/** The first byline block that opens with a byline's lead word ("By …", "Par …"); date lines are not. */
function bylineLead(blocks: RootContent[]): RootContent | undefined {
  return blocks.find((b) => /^(?:by|par|von|por|di|door|av|af)\s/i.test(squash(blockText(b))));
}

/** A paragraph with nothing to read or see (only line breaks and white space): layout, not content. */
function isBlank(node: RootContent): boolean {
  if (node.type !== 'paragraph') return false;
  node.children = trimBreaks(node.children);
  return node.children.every(
    (c) => c.type === 'break' || (c.type === 'text' && c.value.trim() === ''),
  );
}

/** Line breaks at the start or end of a paragraph write as stray blank lines. */
function trimBreaks(children: PhrasingContent[]): PhrasingContent[] {
  let start = 0;
  let end = children.length;
  while (start < end && children[start]!.type === 'break') start++;
  while (end > start && children[end - 1]!.type === 'break') end--;
  return start === 0 && end === children.length ? children : children.slice(start, end);
}

export const remarkAssemble: Plugin<[Readonly<Options>?], Root> = (options) => {
  const mode = options?.byline ?? defaults.byline;
  if (!['keep', 'normalize', 'drop'].includes(mode))
    throw new Error("remark-assemble: `byline` must be 'keep', 'normalize' or 'drop'");
  return (tree, file) => {
    file.data.meta ??= { authors: [] };
    const meta = file.data.meta;
    let headline: RootContent | undefined;
    let dek: RootContent | undefined;
    const bylines: RootContent[] = [];
    const body: RootContent[] = [];
    for (const b of tree.children) {
      const role = peek(b)?.role;
      if (role === 'headline' && !headline) headline = b;
      else if (role === 'dek' && !dek) dek = b;
      else if (role === 'byline') bylines.push(b);
      else body.push(b);
    }
    const head: RootContent[] = [];
    const titleChildren = headline
      ? headlinePhrasing(headline)
      : meta.title
        ? [{ type: 'text' as const, value: meta.title }]
        : undefined;
    if (titleChildren) {
      const h: Heading = { type: 'heading', depth: 1, children: titleChildren };
      if (headline?.position) h.position = headline.position;
      head.push(h);
      meta.headline = squash(blockText(h));
      // A title from stronger evidence (JSON-LD, head tags, front matter) stays the title.
      if (!meta.titleEvidence || meta.titleEvidence === 'text') meta.title = meta.headline;
    }
    if (dek) {
      const p: Paragraph = { type: 'paragraph', children: phrasing(dek) };
      if (dek.position) p.position = dek.position;
      head.push(p);
      meta.dek = squash(blockText(p));
    }
    if (mode === 'keep' && bylines[0]) {
      head.push(bylines[0]);
    } else if (mode === 'normalize' && !meta.byline && bylineLead(bylines)) {
      // A "By …" line whose names could not be parsed stays as it was.
      head.push(bylineLead(bylines)!);
    } else if (mode === 'normalize' && meta.byline) {
      const original = bylines.map((b) => squash(blockText(b))).join(' · ');
      // the label follows the article's language, else the lead word the page itself used
      meta.byline = localizeByline(meta.byline, meta.language ?? languageOfLead(original));
      const p: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: meta.byline }] };
      if (bylines[0]?.position) p.position = bylines[0].position;
      head.push(p);
      if (original && original !== meta.byline)
        reportEdit(
          file,
          'normalize-byline',
          'byline in house style',
          original,
          meta.byline,
          bylines[0]?.position,
        );
    }
    const kept = body.filter((b) => !isBlank(b));
    for (const b of kept)
      if (b.type === 'heading') b.children = unwrap(b.children, HEADING_WRAPPERS);
    demoteHeadings(kept, file);
    tree.children = [...head, ...kept];
  };
};

/**
 * The headline is the page's only level-1 heading. When the body has
 * level-1 headings of its own (sections of a long page, a promoted story's
 * title), every body heading moves one level down (`#` → `##`, `##` → `###`,
 * down to `######`), so the outline keeps its shape under the headline.
 * Each move is reported as an edit.
 */
function demoteHeadings(body: RootContent[], file: Parameters<typeof reportEdit>[0]): void {
  const headings = body.filter((b): b is Heading => b.type === 'heading');
  if (!headings.some((h) => h.depth === 1)) return;
  for (const h of headings) {
    if (h.depth === 6) continue;
    const text = squash(blockText(h));
    const depth = (h.depth + 1) as Heading['depth'];
    reportEdit(
      file,
      'demote-heading',
      'body heading one level down: the headline is the only level-1 heading',
      `${'#'.repeat(h.depth)} ${text}`,
      `${'#'.repeat(depth)} ${text}`,
      h.position,
    );
    h.depth = depth;
  }
}

export default remarkAssemble;
