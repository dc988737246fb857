/**
 * hast → mdast without the two costs `hast-util-to-mdast`'s `toMdast` adds
 * around its handlers: a full-tree clone (`@ungap/structured-clone`, 4 % of
 * an HTML clean) and a whitespace pass that re-converts its tag lists on
 * every element (`./minify-whitespace.ts` does the same work with `Set`s).
 * The reader owns its hast (parsed for this document only), so it may be
 * changed in place.
 *
 * The conversion itself is the package's: its `createState` (handlers,
 * `state.one`) is loaded from the installed package, and the clean-up after
 * conversion is the package's, line for line (version 10.1).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Element, Root as HastRoot } from 'hast';
import type { Options, State } from 'hast-util-to-mdast';
import type { Nodes, Parents, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { minifyWhitespace } from './minify-whitespace.js';

type CreateState = (options: Readonly<Options>) => State;

/** `createState` of the installed hast-util-to-mdast (not in its `exports`, so loaded by path). */
const require = createRequire(import.meta.url);
const { createState } = require(
  join(dirname(require.resolve('hast-util-to-mdast')), 'lib', 'state.js'),
) as { createState: CreateState };

/** Convert `tree` (changed in place: whitespace collapsed) to mdast. */
export function hastToMdast(tree: HastRoot, options: Readonly<Options> = {}): Root {
  const state = createState(options);
  minifyWhitespace(tree);
  visit(tree, (node) => {
    if (node.type !== 'element') return;
    const id = String((node as Element).properties.id || '') || undefined;
    if (id && !state.elementById.has(id)) state.elementById.set(id, node as Element);
  });
  const result = state.one(tree, undefined) as Nodes | Nodes[] | undefined;
  let mdast: Root;
  if (!result) mdast = { type: 'root', children: [] };
  else if (Array.isArray(result)) mdast = { type: 'root', children: result as RootContent[] };
  else mdast = result as Root;

  // The package's clean-up: merge adjacent text nodes, trim line-edge whitespace.
  visit(mdast, (node, index, parent: Parents | undefined) => {
    if (node.type !== 'text' || index === undefined || !parent) return undefined;
    const previous = parent.children[index - 1];
    if (previous && previous.type === node.type) {
      previous.value += node.value;
      parent.children.splice(index, 1);
      if (previous.position && node.position) previous.position.end = node.position.end;
      return index - 1;
    }
    node.value = node.value.replace(/[\t ]*(\r?\n|\r)[\t ]*/, '$1');
    if (parent.type === 'heading' || parent.type === 'paragraph' || parent.type === 'root') {
      if (!index) node.value = node.value.replace(/^[\t ]+/, '');
      if (index === parent.children.length - 1) node.value = node.value.replace(/[\t ]+$/, '');
    }
    if (!node.value) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
  return mdast;
}
