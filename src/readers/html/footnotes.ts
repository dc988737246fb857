/**
 * HTML footnotes → GFM footnotes. A footnote section (`<section
 * class="footnotes">`, `<div class="footnotes">`, `<ol class="references">`,
 * `role="doc-endnotes"`: a list whose items have ids) and the in-text links
 * to its items (`<sup><a href="#cite_note-1">[1]</a></sup>`, `<a
 * href="#fn1"><sup>1</sup></a>`) become footnote definitions (`[^1]: …`) and
 * references (`[^1]`), so the Markdown keeps a working pair instead of a
 * dead in-page link and a numbered list. The reader marks them: a reference
 * becomes a `footnoteReference`, the notes stay a list (so detectors judge
 * the section as the page shows it) whose items carry their label
 * (`node.data.copydesk.note`); back-links inside the notes (`↩`, `^`, `a b`)
 * are dropped. After prune, `plugins/footnotes` turns the kept items into
 * definitions and keeps a reference only with its note.
 *
 * A list no in-text link points to is left as it is (a plain list of sources).
 */
import type { Element, ElementContent, Root as HastRoot, Parents } from 'hast';
import { defaultHandlers, type Handle, type State } from 'hast-util-to-mdast';
import { toString as hastToString } from 'hast-util-to-string';
import type { Nodes } from 'mdast';
import { mark } from '../../../plugins/shared/label.js';

export const REF_TAG = 'copydesk-footnote-ref';

/** A class or id naming a notes section. */
const NOTES_TOKEN = /(?:^|[\s_-])(?:footnotes?|references|reflist|endnotes?|notes)(?:$|[\s_-])/i;
const BACKLINK_TOKEN = /backlink|reversefootnote|footnote-back|fn-?back/i;
/** What a reference's visible text is: `[1]`, `12`, `a`, `*`. */
const REF_TEXT = /^\s*\[?\s*(?:\d{1,3}|[a-z]{1,2}|[*†‡])\s*\]?\s*$/i;

function tokens(el: Element): string {
  const cls = el.properties.className;
  const list = Array.isArray(cls) ? cls.join(' ') : String(cls ?? '');
  return `${list} ${String(el.properties.id ?? '')} ${String(el.properties.role ?? '')}`;
}

function isElement(n: unknown): n is Element {
  return (n as Element | undefined)?.type === 'element';
}

/** Lists of notes: an `ol`/`ul` named a notes section (itself or up to two ancestors) whose items mostly have ids. */
function noteLists(tree: HastRoot): Element[] {
  const out: Element[] = [];
  const walk = (node: Parents, named: number): void => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      const own = NOTES_TOKEN.test(tokens(child)) || /doc-endnotes/.test(tokens(child));
      const depth = own ? 3 : named - 1;
      if ((child.tagName === 'ol' || child.tagName === 'ul') && depth > 0) {
        const items = child.children.filter(
          (c): c is Element => isElement(c) && c.tagName === 'li',
        );
        const withId = items.filter((li) => li.properties.id);
        if (withId.length > 0 && withId.length * 2 >= items.length) {
          out.push(child);
          continue;
        }
      }
      walk(child, depth);
    }
  };
  walk(tree, 0);
  return out;
}

/** Replace the in-text links to notes, and the note lists that have any, by marker elements. */
export function markFootnotes(tree: HastRoot): void {
  const lists = noteLists(tree);
  if (lists.length === 0) return;
  const labels = new Map<string, string>();
  let n = 0;
  for (const list of lists)
    for (const li of list.children) {
      if (!isElement(li) || li.tagName !== 'li') continue;
      n++;
      const id = li.properties.id;
      if (id) labels.set(String(id), String(n));
    }
  const inLists = new Set<Element>(lists);
  const used = new Set<string>();
  const target = (el: Element): string | undefined => {
    if (el.tagName !== 'a') return undefined;
    const href = String(el.properties.href ?? '');
    if (!href.startsWith('#')) return undefined;
    const label = labels.get(decodeURIComponent(href.slice(1)));
    return label && REF_TEXT.test(hastToString(el)) ? label : undefined;
  };
  const marker = (label: string): Element => ({
    type: 'element',
    tagName: REF_TAG,
    properties: { dataLabel: label },
    children: [],
  });
  const walk = (node: Parents): void => {
    node.children = node.children.map((child): typeof child => {
      if (!isElement(child) || inLists.has(child)) return child;
      // `<sup><a href="#n">[1]</a></sup>`: the whole superscript goes
      if (child.tagName === 'sup') {
        const links = child.children.filter(isElement);
        const only = links.length === 1 ? target(links[0]!) : undefined;
        if (only && hastToString(child).trim() === hastToString(links[0]!).trim()) {
          used.add(only);
          return marker(only);
        }
      }
      const label = target(child);
      if (label) {
        used.add(label);
        return marker(label);
      }
      walk(child);
      return child;
    }) as typeof node.children;
  };
  walk(tree);
  n = 0;
  for (const list of lists) {
    const items = list.children.filter((c): c is Element => isElement(c) && c.tagName === 'li');
    const start = n;
    n += items.length;
    if (!items.some((_, i) => used.has(String(start + i + 1)))) continue;
    items.forEach((li, i) => {
      li.properties.dataLabel = String(start + i + 1);
      dropBacklinks(li);
    });
  }
}

/** Back-links from a note to its references: `<a href="#cite_ref-1">^</a>`, `.mw-cite-backlink`, `↩`. */
function dropBacklinks(node: Element): void {
  node.children = node.children.filter((c: ElementContent) => {
    if (!isElement(c)) return true;
    if (BACKLINK_TOKEN.test(tokens(c))) return false;
    if (c.tagName === 'a' && String(c.properties.href ?? '').startsWith('#')) {
      const text = hastToString(c).trim();
      if (/^(?:[↩↑^]\uFE0E?|[a-z])$/.test(text) || text === '') return false;
    }
    dropBacklinks(c);
    return true;
  });
}

/** `handlers` plus the footnote reference marker; list items of notes get their label. */
export function withFootnotes(handlers: Record<string, Handle>): Record<string, Handle> {
  const li = handlers.li ?? defaultHandlers.li;
  return {
    ...handlers,
    [REF_TAG]: (_state: State, node: Element) => {
      const label = String(node.properties.dataLabel);
      return { type: 'footnoteReference', identifier: label, label };
    },
    li: (state: State, node: Element, parent: Parents | undefined) => {
      const result = li(state, node, parent);
      const label = node.properties.dataLabel;
      if (label !== undefined && result && !Array.isArray(result))
        mark(result as Nodes).note = String(label);
      return result;
    },
  };
}
