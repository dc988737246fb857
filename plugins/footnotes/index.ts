/**
 * remark-footnotes — footnote references kept only together with their notes.
 *
 * What: after the detectors have removed what they remove, a GFM footnote
 * reference (`[^1]`) whose definition (`[^1]: …`) is gone leads nowhere, and a
 * definition no reference points to any more is a stray note. Both go, so the
 * output keeps a reference and its note together or neither:
 * - a reference without a definition is removed (an edit: old `[^1]`, new nothing);
 * - a definition without a reference is removed (a removal, with its text).
 *
 * When: after `prune` (it sees what the detectors removed).
 *
 * Options: none.
 *
 * Messages: `footnotes` edits (references) and removals (definitions).
 */
import type { FootnoteDefinition, Nodes, Parent, Root } from 'mdast';
import type { Plugin } from 'unified';
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

export const remarkFootnotes: Plugin<[Readonly<Options>?], Root> = () => (tree, file) => {
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

export default remarkFootnotes;
