/**
 * remark-footnotes — footnote references kept only together with their notes.
 *
 * What: after the detectors have removed what they remove, a GFM footnote
 * reference (`[^1]`) whose definition (`[^1]: …`) is gone leads nowhere, and a
 * definition no reference points to any more is a stray note. Both go, so the
 * output keeps a reference and its note together or neither:
 * - a reference without a definition is removed (an edit: old `[^1]`, new nothing);
 * - a definition without a reference is removed (a removal, with its text).
 * A page's HTML notes section (`src/readers/html/footnotes.ts`: items marked
 * `node.data.copydesk.note`) stays a list through the detectors; here its kept
 * items become definitions (`[^1]: …`), so it pairs like Markdown's own.
 *
 * `remarkKeepFootnotes`, at the start of the detectors, marks a definition
 * that a reference in the text points to as kept: the author's own notes are
 * part of the article (this is what keeps them when copydesk's output, or any
 * Markdown with footnotes, is cleaned again).
 *
 * When: `remarkFootnotes` after `prune` (it sees what the detectors removed);
 * `remarkKeepFootnotes` first among the detectors.
 *
 * Options: none.
 *
 * Messages: `footnotes` edits (references) and removals (definitions).
 */
import type { FootnoteDefinition, Nodes, Parent, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { keep, peek } from '../shared/label.js';
import { reportEdit, reportRemoval } from '../shared/messages.js';

export type Options = Record<string, never>;

const RULE = 'footnotes';

/** The normalised identifier GFM matches references and definitions by. */
function idOf(node: { identifier: string }): string {
  return node.identifier.toLowerCase();
}

function collect(node: Nodes, defs: Set<string>, refs: Set<string>): void {
  if (node.type === 'footnoteDefinition') defs.add(idOf(node));
  else if (node.type === 'footnoteReference') refs.add(idOf(node));
  if ('children' in node) for (const c of node.children as Nodes[]) collect(c, defs, refs);
}

/** Lists of the page's notes (marked by the HTML reader) → footnote definitions, in place. */
function notesToDefinitions(parent: Parent): void {
  parent.children = (parent.children as RootContent[]).flatMap((child): RootContent[] => {
    if (child.type === 'list' && child.children.some((li) => peek(li)?.note !== undefined))
      return child.children.map((li): RootContent => {
        const label = peek(li)?.note;
        if (label === undefined) return { ...child, children: [li] };
        const def: FootnoteDefinition = {
          type: 'footnoteDefinition',
          identifier: label,
          label,
          children: li.children,
        };
        if (li.position) def.position = li.position;
        return def;
      });
    if ('children' in child) notesToDefinitions(child as Parent);
    return [child];
  }) as Parent['children'];
}

export const remarkFootnotes: Plugin<[Readonly<Options>?], Root> = () => (tree, file) => {
  notesToDefinitions(tree);
  // A note referred to only from inside another orphan goes too: repeat until stable.
  for (let round = 0; round < 4; round++) {
    const defs = new Set<string>();
    const refs = new Set<string>();
    collect(tree, defs, refs);
    let changed = false;
    const prune = (parent: Parent): void => {
      parent.children = (parent.children as Nodes[]).filter((child) => {
        if (child.type === 'footnoteReference' && !defs.has(idOf(child))) {
          reportEdit(
            file,
            RULE,
            'footnote reference removed: its note is not in the output',
            `[^${child.label ?? child.identifier}]`,
            '',
            child.position,
          );
          changed = true;
          return false;
        }
        if (child.type === 'footnoteDefinition' && !refs.has(idOf(child))) {
          reportRemoval(file, child as FootnoteDefinition, {
            ruleId: RULE,
            reason: 'footnote without a reference to it in the output',
            confidence: 1,
          });
          changed = true;
          return false;
        }
        if ('children' in child) prune(child as Parent);
        return true;
      }) as Parent['children'];
    };
    prune(tree);
    if (!changed) break;
  }
};

/** Keep marks on the footnote definitions that a reference points to. */
export const remarkKeepFootnotes: Plugin<[Readonly<Options>?], Root> = () => (tree) => {
  const defs = new Set<string>();
  const refs = new Set<string>();
  collect(tree, defs, refs);
  const walk = (node: Nodes): void => {
    if (node.type === 'footnoteDefinition' && refs.has(idOf(node)))
      keep(node, RULE, 'a footnote the text refers to');
    else if ('children' in node) for (const c of node.children as Nodes[]) walk(c);
  };
  walk(tree);
};

export default remarkFootnotes;
