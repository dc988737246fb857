/**
 * Elements that are never article content: they are dropped from hast before
 * conversion (nothing in them ever runs), and each drop of visible text is
 * recorded as a removal message.
 *
 * A form or a hidden element is evidence, not a verdict: when one holds most
 * of the page's running prose (text outside links) it is the article itself —
 * ASP.NET pages wrap the whole page in one `<form>`, some sites hide the
 * article until a script reveals it. Such an element is kept (its controls
 * still go) and a note says why. A `<noscript>` is the same kind of
 * evidence: forums and apps that render with script put the crawler's copy
 * of the page there (every post of a thread), so a `<noscript>` that holds
 * more prose than the rest of the page together is read as the page. The
 * Hidden elements that *together* hold most of the prose (each listing card's
 * description, each FAQ answer collapsed) are kept where each has a
 * paragraph of prose. The words dropped here are counted in
 * `file.data.htmlDroppedWords`, so the guard sees them.
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

/** Share of the page's prose above which a form or hidden element is the article, not chrome. */
export const MOST_PROSE = 0.5;
/** …and it needs this many characters of prose (white space excluded). */
const MIN_PROSE_CHARS = 300;

/** Characters of text outside links and never-shown tags under a node (white space excluded). */
export function proseChars(node: Parents): number {
  let n = 0;
  for (const c of node.children) {
    if (c.type === 'text') n += c.value.replace(/\s+/g, '').length;
    else if (c.type === 'element' && c.tagName !== 'a' && !INVISIBLE.has(c.tagName))
      n += proseChars(c);
  }
  return n;
}

/** Prose characters in the page's outermost hidden elements (controls excluded). */
function hiddenProse(node: Parents): number {
  let n = 0;
  for (const c of node.children) {
    if (c.type !== 'element' || INVISIBLE.has(c.tagName) || INTERACTIVE.has(c.tagName)) continue;
    n += isHidden(c) ? proseChars(c) : hiddenProse(c);
  }
  return n;
}

/** A hidden element with this much prose is a collapsed panel's text, not a menu. */
const PANEL_CHARS = 100;

interface Context {
  file: VFile;
  /** Prose characters of the whole page (at least 1). */
  pageProse: number;
  /** The hidden elements together hold most of the page's prose (collapsed panels, cards). */
  panels: boolean;
}

export function stripNeverContent(tree: Root, file: VFile): void {
  const pageProse = Math.max(proseChars(tree), 1);
  const hidden = hiddenProse(tree);
  walk(tree, {
    file,
    pageProse,
    panels: hidden >= MIN_PROSE_CHARS && hidden >= MOST_PROSE * pageProse,
  });
}

/** Why a form or hidden element holding most of the page's prose is kept, or undefined when it goes. */
function holdsArticle(el: Element, pageProse: number, what: string): string | undefined {
  if (el.tagName !== 'form' && INTERACTIVE.has(el.tagName)) return undefined;
  const own = proseChars(el);
  if (own < MIN_PROSE_CHARS || own < MOST_PROSE * pageProse) return undefined;
  return `${what} holds ${Math.round((100 * own) / pageProse)}% of the page's prose: kept as content (its controls dropped)`;
}

/**
 * Why a `<noscript>` is the page's content (the copy a page rendered by
 * script serves without it), or undefined: it must hold more prose than the
 * rest of the page (`pageProse`, which never counts `<noscript>`), so a
 * fallback that repeats a visible article, or a "please enable JavaScript"
 * note, is not read.
 */
function scriptlessCopy(el: Element, pageProse: number): string | undefined {
  const own = proseChars(el);
  if (own < MIN_PROSE_CHARS || own <= pageProse) return undefined;
  return `<noscript> holds ${Math.round((100 * own) / (own + pageProse))}% of the page's prose (the page without script): read as content`;
}

/**
 * Why a hidden element is kept on a page whose hidden elements together hold
 * most of its prose (collapsed descriptions of listing cards, FAQ answers in
 * accordions): each one with a paragraph's worth of prose is content the
 * reader opens; short hidden bits (menus, tooltips) still go.
 */
function panelText(el: Element, pageProse: number): string | undefined {
  const own = proseChars(el);
  if (own < PANEL_CHARS) return undefined;
  return `hidden elements hold most of the page's prose together (collapsed panels); this one (${Math.round((100 * own) / pageProse)}%) kept as content`;
}

function walk(parent: Parents, ctx: Context): void {
  const { file, pageProse } = ctx;
  const kept: Parents['children'] = [];
  for (const child of parent.children) {
    if (child.type === 'comment' || child.type === 'doctype') continue;
    if (child.type === 'element') {
      const el = child;
      if (el.tagName === 'noscript') {
        const why = scriptlessCopy(el, pageProse);
        if (why) {
          file.info(why, {
            ruleId: 'html-never-content',
            source: 'copydesk',
            ...(el.position ? { place: el.position } : {}),
          });
          walk(el, ctx);
          kept.push({ ...el, tagName: 'div' });
        }
        continue;
      }
      if (INVISIBLE.has(el.tagName)) continue;
      if (el.tagName === 'math') {
        const math = mathContent(el);
        if (math) kept.push(math);
        continue;
      }
      const interactive = INTERACTIVE.has(el.tagName);
      const hidden = !interactive && isHidden(el);
      if (interactive || hidden) {
        const why =
          holdsArticle(el, pageProse, hidden ? 'a hidden element' : `<${el.tagName}>`) ??
          (hidden && ctx.panels ? panelText(el, pageProse) : undefined);
        if (why) {
          file.info(why, {
            ruleId: 'html-never-content',
            source: 'copydesk',
            ...(el.position ? { place: el.position } : {}),
          });
          walk(el, ctx);
          kept.push(el);
          continue;
        }
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
          file.data.htmlDroppedWords = (file.data.htmlDroppedWords ?? 0) + text.split(' ').length;
        }
        continue;
      }
      walk(el, ctx);
    }
    kept.push(child);
  }
  (parent as { children: Parents['children'] }).children = kept;
}
