import type { Root } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from './markdown.js';

function read(markdown: string): { tree: Root; file: VFile } {
  const file = new VFile({ value: markdown });
  return { tree: readMarkdown(markdown, file), file };
}

describe('readMarkdown', () => {
  it('should read front matter into file.data and take it out of the tree', () => {
    const { tree, file } = read('---\ntitle: A title\n---\n\nBody text.\n');
    expect(file.data.frontMatter).toEqual({ title: 'A title' });
    expect(tree.children.map((c) => c.type)).toEqual(['paragraph']);
  });

  it('should read a raw HTML layout table as HTML blocks, dropping its scripts', () => {
    const markdown = [
      'Site name',
      '',
      '<table><tr><td><script>track()</script><h1 class="headline">A big rocket</h1><p>NASA said on Tuesday that the core stage was ready.</p><p>The test will run next year.</p></td></tr></table>',
      '',
      'Footer line',
    ].join('\n');
    const { tree } = read(markdown);
    expect(tree.children.map((c) => c.type)).toEqual([
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    expect(mdToString(tree)).not.toContain('track()');
    // Blocks keep the line of the raw block they came from.
    expect(tree.children[1]!.position?.start.line).toBe(3);
    // and carry the element's HTML evidence, like blocks of an HTML page.
    expect(tree.children[1]!.data?.copydesk?.hints?.tag).toBe('h1');
  });

  it('should drop the stray closing tags of a wrapper split around Markdown', () => {
    const { tree } = read('<div class="post">\n\n# Title\n\nBody text.\n\n</div>\n');
    expect(tree.children.map((c) => c.type)).toEqual(['heading', 'paragraph']);
  });

  it('should leave inline HTML and comments as they are', () => {
    const { tree } = read('A line with <kbd>Ctrl</kbd> in it.\n\n<!-- a comment -->\n');
    expect(tree.children.map((c) => c.type)).toEqual(['paragraph', 'html']);
  });
});

describe('readMarkdown: a page that opens with a rule', () => {
  it('should read it as Markdown, not front matter (near miss of front matter)', () => {
    const { tree, file } = read('---\n\n# A title\n\nBody text.\n\n---\n\nMore text.\n');
    expect(file.data.frontMatter).toBeUndefined();
    expect(tree.children.map((c) => c.type)).toEqual([
      'thematicBreak',
      'heading',
      'paragraph',
      'thematicBreak',
      'paragraph',
    ]);
  });
});
