/**
 * Lazy-loaded images: the real picture, not the placeholder.
 *
 * Pages that load images lazily put a placeholder in `src` (a 1×1
 * `data:image/gif`, an empty string, a tiny preview) and the real image in an
 * attribute a script swaps in later: `data-src` (`data-lazy-src`,
 * `data-original`, …), `data-srcset`, or a `srcset` (also on a
 * `<picture>`'s `<source>`). Conversion only reads `src`, so before it each
 * `<img>` whose `src` is a placeholder, or which names its real image in a
 * lazy-load attribute, gets that image as `src`: the lazy `src` attribute
 * first, else the widest candidate of a `srcset`. An ordinary `src` with an
 * ordinary `srcset` stays as it is.
 */
import type { Element, Root } from 'hast';

/** Attributes lazy-load scripts read the real image from (hast property names). */
const LAZY_SRC = [
  'dataSrc',
  'dataLazySrc',
  'dataOriginal',
  'dataLazy',
  'dataHiResSrc',
  'dataFullSrc',
  'dataUrl',
];
const LAZY_SRCSET = ['dataSrcset', 'dataLazySrcset', 'dataOriginalSet'];

/** A rendered width or height at or under this many pixels is a preview, not the picture. */
const TINY = 100;

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(String).join(', ').trim() || undefined;
  return undefined;
}

function pixels(value: unknown): number | undefined {
  const s = str(value);
  if (!s) return undefined;
  const n = Number.parseFloat(s);
  return Number.isFinite(n) && /^\s*\d/.test(s) ? n : undefined;
}

/** Whether `src` stands in for an image still to load. */
export function isPlaceholder(el: Element): boolean {
  const src = str(el.properties.src);
  if (!src || /^data:/i.test(src) || src === '#' || /^about:blank$/i.test(src)) return true;
  const w = pixels(el.properties.width);
  const h = pixels(el.properties.height);
  return (w !== undefined && w <= TINY) || (h !== undefined && h <= TINY && (w ?? 0) <= TINY);
}

/** A `srcset`'s candidates as [url, descriptor], by the HTML spec's splitting (URLs may hold commas). */
function candidates(srcset: string): [string, string][] {
  const out: [string, string][] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i]!)) i++;
    let j = i;
    while (j < srcset.length && !/\s/.test(srcset[j]!)) j++;
    let url = srcset.slice(i, j);
    i = j;
    let descriptor = '';
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      const k = srcset.indexOf(',', i);
      descriptor = srcset.slice(i, k === -1 ? srcset.length : k).trim();
      i = k === -1 ? srcset.length : k + 1;
    }
    if (url) out.push([url, descriptor]);
  }
  return out;
}

/** The widest candidate of a `srcset` (`a.jpg 320w, b.jpg 1024w` or `… 1x, … 2x`). */
export function widestCandidate(srcset: string): string | undefined {
  let best: string | undefined;
  let bestSize = -1;
  for (const [url, descriptor] of candidates(srcset)) {
    if (/^data:/i.test(url)) continue;
    const m = /^(\d+(?:\.\d+)?)([wx])$/i.exec(descriptor || '1x');
    const size = m ? Number(m[1]) * (m[2]!.toLowerCase() === 'x' ? 1000 : 1) : 0;
    if (size > bestSize) {
      best = url;
      bestSize = size;
    }
  }
  return best;
}

function realImage(el: Element, picture: Element | undefined): string | undefined {
  const p = el.properties;
  for (const key of LAZY_SRC) {
    const v = str(p[key]);
    if (v && !/^data:/i.test(v)) return v;
  }
  for (const key of LAZY_SRCSET) {
    const v = str(p[key]);
    const best = v ? widestCandidate(v) : undefined;
    if (best) return best;
  }
  if (!isPlaceholder(el)) return undefined;
  const own = str(p.srcSet);
  const best = own ? widestCandidate(own) : undefined;
  if (best) return best;
  for (const source of picture?.children ?? []) {
    if (source.type !== 'element' || source.tagName !== 'source') continue;
    const set = str(source.properties.srcSet) ?? str(source.properties.dataSrcset);
    const candidate = set ? widestCandidate(set) : undefined;
    if (candidate) return candidate;
  }
  return undefined;
}

/** Give each lazily loaded `<img>` its real image as `src`. */
export function resolveLazyImages(tree: Root): void {
  const walk = (node: Root | Element, picture: Element | undefined): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'img') {
        const real = realImage(child, picture);
        if (real) {
          child.properties.src = real;
          delete child.properties.width;
          delete child.properties.height;
        }
        continue;
      }
      walk(child, child.tagName === 'picture' ? child : undefined);
    }
  };
  walk(tree, undefined);
}
