/**
 * remark-sanitize-links — nothing in the output can execute.
 *
 * What: neutralises links and images whose URL has a dangerous scheme
 * (`javascript:`, `vbscript:`, `livescript:`, and `data:` except raster images
 * `data:image/{png,jpeg,gif,webp,avif,bmp}`), however the scheme is disguised
 * (case, white space or control characters inside it). A dangerous link keeps
 * its text and loses the link; a dangerous image is replaced by its alt text;
 * a dangerous definition is dropped and its references keep their text. Raw
 * HTML nodes (from Markdown input) that hold scripts, frames, embeds, event
 * handlers (`on…=`) or dangerous URLs are removed.
 *
 * When: after `prune` (so removed blocks are not rewritten), before
 * stringifying. The HTML reader already drops scripts, handlers and iframes;
 * this covers links that survive into Markdown and raw HTML in Markdown input.
 *
 * Options: none.
 *
 * Messages: `sanitize-links` (edit: old URL → empty), `sanitize-html`
 * (removal of a raw HTML node).
 */
import type { Definition, Nodes, Parent, PhrasingContent, Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { reportEdit, reportRemoval } from '../shared/messages.js';

const RASTER_DATA = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp)[;,]/;
const SCHEMES = ['javascript:', 'vbscript:', 'livescript:', 'data:'];

/** Whether a URL would run code (or carry a non-image payload) when followed. */
export function isDangerousUrl(url: string, image = false): boolean {
  // Browsers ignore ASCII white space and control characters inside a scheme.
  const squeezed = url
    .slice(0, 64)
    .replace(/[\u0000-\u0020\u007f-\u009f\u200b-\u200d\ufeff]+/g, '')
    .toLowerCase();
  for (const scheme of SCHEMES) {
    if (!squeezed.startsWith(scheme)) continue;
    if (scheme === 'data:' && image && RASTER_DATA.test(squeezed)) return false;
    return true;
  }
  return false;
}

const DANGEROUS_HTML =
  /<\s*\/?\s*(?:script|iframe|frame|frameset|object|embed|applet|base|meta|link|style|form|svg|math|template)\b|\son[a-z]{3,30}\s*=|(?:java|vb|live)script\s*:|data\s*:\s*text\//i;

/** Whether a raw HTML fragment could run code. */
export function isDangerousHtml(html: string): boolean {
  return DANGEROUS_HTML.test(html);
}

export const remarkSanitizeLinks: Plugin<[], Root> = () => (tree, file) => {
  const dangerous = new Set<string>();
  collectDefinitions(tree, dangerous, file);
  sanitize(tree, dangerous, file);
};

function collectDefinitions(parent: Parent, dangerous: Set<string>, file: VFile): void {
  const stack: Parent[] = [parent];
  while (stack.length > 0) {
    const p = stack.pop()!;
    p.children = p.children.filter((child) => {
      if (child.type === 'definition' && isDangerousUrl((child as Definition).url, true)) {
        dangerous.add((child as Definition).identifier.toLowerCase());
        reportEdit(
          file,
          'sanitize-links',
          'definition with a dangerous URL scheme dropped',
          (child as Definition).url,
          '',
          child.position,
        );
        return false;
      }
      if ('children' in child) stack.push(child as Parent);
      return true;
    });
  }
}

/** Iterative walks (no recursion: deep trees must not overflow the stack). */
/** A CommonMark e-mail autolink's address. */
const AUTOLINK_EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/**
 * A GFM e-mail literal that Markdown cannot write back as an autolink
 * (`Twitter@site._We`: `<…>` around it would not parse as one, and every
 * re-read would wrap it again). It stays as plain text; nothing is lost.
 */
function isUnwritableEmail(node: Nodes): boolean {
  if (node.type !== 'link' || !node.url.startsWith('mailto:')) return false;
  const text =
    node.children.length === 1 && node.children[0]?.type === 'text' ? node.children[0].value : '';
  const address = node.url.slice('mailto:'.length);
  return (text === address || text === node.url) && !AUTOLINK_EMAIL.test(address);
}

function sanitize(root: Parent, dangerous: Set<string>, file: VFile): void {
  const unlink = new Set<Nodes>();
  const stack: Parent[] = [root];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    const out: Parent['children'] = [];
    let changed = false;
    for (const child of parent.children) {
      const node = child as Nodes;
      if (node.type === 'html' && isDangerousHtml(node.value)) {
        reportRemoval(file, node, {
          ruleId: 'sanitize-html',
          reason: 'raw HTML that could run code',
          confidence: 1,
        });
        changed = true;
        continue;
      }
      if (
        (node.type === 'image' && isDangerousUrl(node.url, true)) ||
        (node.type === 'imageReference' && dangerous.has(node.identifier.toLowerCase()))
      ) {
        if (node.type === 'image')
          reportEdit(
            file,
            'sanitize-links',
            'image with a dangerous URL scheme dropped',
            node.url,
            '',
            node.position,
          );
        if (node.alt) out.push({ type: 'text', value: node.alt } as Parent['children'][number]);
        changed = true;
        continue;
      }
      if (node.type === 'link' && isDangerousUrl(node.url)) {
        reportEdit(
          file,
          'sanitize-links',
          'link with a dangerous URL scheme unlinked',
          node.url,
          '',
          node.position,
        );
        unlink.add(node);
      } else if (node.type === 'linkReference' && dangerous.has(node.identifier.toLowerCase()))
        unlink.add(node);
      else if (node.type === 'link' && isUnwritableEmail(node)) unlink.add(node);
      out.push(child);
      if ('children' in node) stack.push(node as Parent);
    }
    if (changed) parent.children = out;
  }
  if (unlink.size === 0) return;
  stack.push(root);
  while (stack.length > 0) {
    const parent = stack.pop()!;
    if (!parent.children.some((c) => unlink.has(c as Nodes))) {
      for (const c of parent.children) if ('children' in c) stack.push(c as Parent);
      continue;
    }
    const out: Parent['children'] = [];
    for (const c of parent.children) {
      if (unlink.has(c as Nodes)) out.push(...((c as Parent).children as PhrasingContent[]));
      else out.push(c);
    }
    parent.children = out;
    for (const c of out) if ('children' in c) stack.push(c as Parent);
  }
}

export default remarkSanitizeLinks;
