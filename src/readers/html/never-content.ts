/**
 * Elements that are never article content: they are dropped from hast before
 * conversion (nothing in them ever runs), and each drop of visible text is
 * recorded as a removal message.
 */
import type { Element, Parents, Root, Text } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import type { VFile } from 'vfile';

/** Tags dropped silently (no visible text a reader would miss). */
const INVISIBLE = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'canvas',
  'svg',
  'link',
  'meta',
  'head',
  'title',
  'base',
  'frame',
  'frameset',
  'applet',
  'audio',
  'video',
  'source',
  'track',
  'dialog',
]);

/** Tags dropped with a message (interactive, never prose). */
const INTERACTIVE = new Set(['form', 'button', 'input', 'select', 'textarea', 'option', 'label']);

/**
 * MathML is content, but conversion has no handler for it: it becomes its
 * TeX source as code when the markup carries one (`<annotation
 * encoding="application/x-tex">`, `alttext`), else the text of its leaves
 * spaced apart (“a x 2 + b x + c = 0”, as a reader would copy it). Display
 * math stands as its own paragraph.
 */
function mathContent(el: Element): Element | Text | undefined {
  let tex: string | undefined;
  const leaves: string[] = [];
  const visit = (node: Element): void => {
    for (const c of node.children) {
      if (c.type === 'text') {
        const t = c.value.trim();
        if (t) leaves.push(t);
      } else if (c.type === 'element') {
        if (c.tagName === 'annotation' || c.tagName === 'annotation-xml') {
          const enc = String(c.properties.encoding ?? '').toLowerCase();
          if (enc.includes('tex')) tex ??= hastToString(c).trim();
          continue;
        }
        visit(c);
      }
    }
  };
  visit(el);
  const alt = typeof el.properties.alttext === 'string' ? el.properties.alttext.trim() : '';
  const source = tex || alt;
  const inline: Element | Text = source
    ? {
        type: 'element',
        tagName: 'code',
        properties: {},
        children: [{ type: 'text', value: source }],
      }
    : { type: 'text', value: leaves.join(' ') };
  if (!source && leaves.length === 0) return undefined;
  if (el.properties.display !== 'block') return inline;
  return { type: 'element', tagName: 'p', properties: {}, children: [inline] };
}

function isHidden(el: Element): boolean {
  const p = el.properties;
  if (p.hidden !== undefined && p.hidden !== false && p.hidden !== null) return true;
  if (String(p.ariaHidden) === 'true') return true;
  const style = typeof p.style === 'string' ? p.style.replace(/\s+/g, '').toLowerCase() : '';
  if (style.includes('display:none') || style.includes('visibility:hidden')) return true;
  if (el.tagName === 'input' && p.type === 'hidden') return true;
  return false;
}

export function stripNeverContent(tree: Root, file: VFile): void {
  walk(tree, file);
}

function walk(parent: Parents, file: VFile): void {
  const kept: Parents['children'] = [];
  for (const child of parent.children) {
    if (child.type === 'comment' || child.type === 'doctype') continue;
    if (child.type === 'element') {
      const el = child;
      if (INVISIBLE.has(el.tagName)) continue;
      if (el.tagName === 'math') {
        const math = mathContent(el);
        if (math) kept.push(math);
        continue;
      }
      const interactive = INTERACTIVE.has(el.tagName);
      if (interactive || isHidden(el)) {
        const text = hastToString(el).replace(/\s+/g, ' ').trim();
        if (text) {
          const msg = file.info(
            interactive ? `<${el.tagName}> is never article content` : 'hidden element',
            {
              ruleId: 'html-never-content',
              source: 'copydesk',
              ...(el.position ? { place: el.position } : {}),
            },
          );
          msg.actual = text;
          msg.expected = [];
        }
        continue;
      }
      walk(el, file);
    }
    kept.push(child);
  }
  (parent as { children: Parents['children'] }).children = kept;
}
