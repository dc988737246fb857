import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { isPlaceholder, resolveLazyImages, widestCandidate } from './lazy-images.js';

const GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

function srcOf(html: string): unknown {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html) as Root;
  resolveLazyImages(tree);
  let img: Element | undefined;
  const walk = (n: Root | Element): void => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'img') img ??= c;
      walk(c);
    }
  };
  walk(tree);
  return img?.properties.src;
}

describe('lazy-loaded images', () => {
  it('should take data-src over a 1×1 GIF placeholder', () => {
    expect(srcOf(`<img src="${GIF}" data-src="/a/photo.jpg" alt="x">`)).toBe('/a/photo.jpg');
    expect(srcOf(`<img data-lazy-src="/a/photo.jpg">`)).toBe('/a/photo.jpg');
  });

  it('should take the widest candidate of data-srcset or of a srcset behind a placeholder', () => {
    expect(srcOf(`<img src="${GIF}" data-srcset="/s.jpg 320w, /m.jpg 800w, /l.jpg 1600w">`)).toBe(
      '/l.jpg',
    );
    expect(srcOf(`<img src="/thumb.jpg" width="60" srcset="/m.jpg 1x, /l.jpg 2x">`)).toBe('/l.jpg');
    expect(
      srcOf(
        `<picture><source srcset="/p-800.webp 800w, /p-1200.webp 1200w"><img src="${GIF}"></picture>`,
      ),
    ).toBe('/p-1200.webp');
  });

  it('should keep an ordinary src with an ordinary srcset (near miss)', () => {
    expect(
      srcOf('<img src="/photo-800.jpg" srcset="/photo-400.jpg 400w, /photo-1600.jpg 1600w">'),
    ).toBe('/photo-800.jpg');
    expect(srcOf(`<img src="${GIF.replace('gif', 'png')}" alt="inline chart">`)).toBe(
      GIF.replace('gif', 'png'),
    );
  });

  it('should tell placeholders from pictures and read srcset descriptors', () => {
    const el = (props: Element['properties']): Element => ({
      type: 'element',
      tagName: 'img',
      properties: props,
      children: [],
    });
    expect(isPlaceholder(el({ src: GIF }))).toBe(true);
    expect(isPlaceholder(el({ src: '/a.jpg', width: 1, height: 1 }))).toBe(true);
    expect(isPlaceholder(el({ src: '/a.jpg', width: 640 }))).toBe(false);
    expect(widestCandidate('a.jpg 1x, b.jpg 3x, c.jpg 2x')).toBe('b.jpg');
    expect(widestCandidate('https://x.org/a.jpg?w=200,h=100 200w, https://x.org/b.jpg 900w')).toBe(
      'https://x.org/b.jpg',
    );
  });
});
