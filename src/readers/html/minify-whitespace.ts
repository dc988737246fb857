/**
 * Collapse HTML whitespace the way a browser renders it, in place: the
 * algorithm of `hast-util-minify-whitespace` 1.0 (which `hast-util-to-mdast`
 * runs before converting), with its element tests as `Set` lookups built once.
 * The package converts its tag lists into a test function on every call, and
 * that was 30 % of the HTML reader's allocation; the results are the same
 * (`minify-whitespace.test.ts` compares both on the corpus).
 */
import type { Element, Nodes, Parents, Root, Text } from 'hast';

/** Elements with a line break before and after (the CSS user-agent stylesheet's blocks). */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'col',
  'colgroup',
  'dd',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'optgroup',
  'option',
  'p',
  'plaintext',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'wbr',
  'xmp',
]);

/** Elements that are not rendered (their whitespace does not count as a boundary). */
const SKIPPABLE = new Set([
  'area',
  'base',
  'basefont',
  'dialog',
  'datalist',
  'head',
  'link',
  'meta',
  'noembed',
  'noframes',
  'param',
  'rp',
  'script',
  'source',
  'style',
  'template',
  'track',
  'title',
]);

/** Form controls and embedded content: they contribute content, so whitespace beside them stays. */
const CONTENT = new Set([
  'button',
  'input',
  'select',
  'textarea',
  'audio',
  'canvas',
  'embed',
  'iframe',
  'img',
  'math',
  'object',
  'picture',
  'svg',
  'video',
]);

type WhiteSpace = 'normal' | 'nowrap' | 'pre' | 'pre-wrap';

interface State {
  whitespace: WhiteSpace;
  before?: boolean | undefined;
  after?: boolean | undefined;
}

interface Result {
  ignore: boolean;
  stripAtStart: boolean;
  remove: boolean;
}

const WHITESPACE_RUN = /[\t\n\v\f\r ]+/g;
const HTML_WHITESPACE = /[ \t\n\f\r]/g;

const collapse = (value: string): string => value.replace(WHITESPACE_RUN, ' ');
const isIgnorable = (node: Nodes): boolean => node.type === 'comment' || node.type === 'doctype';
const isElementIn = (node: Nodes | undefined, set: ReadonlySet<string>): boolean =>
  node?.type === 'element' && set.has(node.tagName);
const isContent = (node: Nodes | undefined): boolean => isElementIn(node, CONTENT);
const isBlocklike = (node: Nodes): boolean => isElementIn(node, BLOCKS);
const isSkippable = (node: Nodes): boolean =>
  (node.type === 'element' && Boolean(node.properties.hidden)) ||
  isIgnorable(node) ||
  isElementIn(node, SKIPPABLE);
const removable = (character: string): boolean => character === ' ' || character === '\n';

/** Collapse the whitespace of `tree` in place (no `newlines` option: runs become one space). */
export function minifyWhitespace(tree: Root | Element): void {
  minify(tree, { whitespace: 'normal' });
}

function minify(node: Nodes, state: State): Result {
  if ('children' in node) {
    const settings: State = { ...state };
    if (node.type === 'root' || isBlocklike(node)) {
      settings.before = true;
      settings.after = true;
    }
    settings.whitespace = inferWhiteSpace(node, state);
    return all(node, settings);
  }
  if (node.type === 'text') {
    if (state.whitespace === 'normal') return minifyText(node, state);
    if (state.whitespace === 'nowrap') node.value = collapse(node.value);
  }
  return { ignore: isIgnorable(node), stripAtStart: false, remove: false };
}

function minifyText(node: Text, state: State): Result {
  const value = collapse(node.value);
  const result: Result = { ignore: false, stripAtStart: false, remove: false };
  let start = 0;
  let end = value.length;
  if (state.before && removable(value.charAt(0))) start++;
  if (start !== end && removable(value.charAt(end - 1))) {
    if (state.after) end--;
    else result.stripAtStart = true;
  }
  if (start === end) result.remove = true;
  else node.value = value.slice(start, end);
  return result;
}

function all(parent: Parents, state: State): Result {
  let before = state.before;
  const after = state.after;
  const children = parent.children as Nodes[];
  let length = children.length;
  let index = -1;
  while (++index < length) {
    const child = children[index] as Nodes;
    const result = minify(child, {
      ...state,
      after: collapsableAfter(children, index, after),
      before,
    });
    if (result.remove) {
      children.splice(index, 1);
      index--;
      length--;
    } else if (!result.ignore) {
      before = result.stripAtStart;
    }
    if (isContent(children[index])) before = false;
  }
  return { ignore: false, stripAtStart: Boolean(before || after), remove: false };
}

function collapsableAfter(
  nodes: readonly Nodes[],
  index: number,
  after?: boolean | undefined,
): boolean | undefined {
  while (++index < nodes.length) {
    const node = nodes[index] as Nodes;
    let result = inferBoundary(node);
    if (result === undefined && 'children' in node && !isSkippable(node))
      result = collapsableAfter(node.children as Nodes[], -1);
    if (typeof result === 'boolean') return result;
  }
  return after;
}

function inferBoundary(node: Nodes): boolean | undefined {
  if (node.type === 'element') {
    if (isContent(node)) return false;
    if (isBlocklike(node)) return true;
  } else if (node.type === 'text') {
    if (node.value.replace(HTML_WHITESPACE, '') !== '') return false;
  } else if (!isIgnorable(node)) {
    return false;
  }
  return undefined;
}

function inferWhiteSpace(node: Nodes, state: State): WhiteSpace {
  if (node.type === 'element') {
    switch (node.tagName) {
      case 'listing':
      case 'plaintext':
      case 'script':
      case 'style':
      case 'xmp':
        return 'pre';
      case 'nobr':
        return 'nowrap';
      case 'pre':
        return node.properties.wrap ? 'pre-wrap' : 'pre';
      case 'td':
      case 'th':
        return node.properties.noWrap ? 'nowrap' : state.whitespace;
      case 'textarea':
        return 'pre-wrap';
      default:
    }
  }
  return state.whitespace;
}
