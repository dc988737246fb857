/**
 * The reader's own hast → mdast (`./to-mdast.ts`, with `./minify-whitespace.ts`)
 * must give what `hast-util-to-mdast` gives: same whitespace, same Markdown
 * tree. Checked on the repository's HTML pages and on the whitespace cases
 * the algorithm distinguishes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root as HastRoot } from 'hast';
import { minifyWhitespace as packageMinify } from 'hast-util-minify-whitespace';
import { toMdast } from 'hast-util-to-mdast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { minifyWhitespace } from './minify-whitespace.js';
import { hastToMdast } from './to-mdast.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const parse = (html: string): HastRoot => unified().use(rehypeParse).parse(html) as HastRoot;

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...htmlFiles(p));
    else if (e.name.endsWith('.html')) out.push(p);
  }
  return out;
}

const pages = [...htmlFiles(join(root, 'seeds')), ...htmlFiles(join(root, 'plugins'))];

const CASES: Record<string, string> = {
  'inline runs': '<p>  a  <b> b </b>  <i>c</i>\n\n d </p><p>\te\t</p>',
  'pre and textarea keep theirs': '<pre>  x\n   y  </pre><textarea>  t  \n</textarea>',
  'nobr collapses without trimming': '<p>a<nobr>  b   c  </nobr>d</p>',
  'table cells with nowrap': '<table><tr><td nowrap>  a   b </td><td> c </td></tr></table>',
  'form controls and media keep a space':
    '<p>a <input> b <img src=x alt=y> c <button> d </button></p>',
  'hidden, comments, scripts':
    '<div> a <span hidden> h </span><!-- c --> b <script> s  </script> </div>',
  'block boundaries': '<div> a <div> b </div> c <br> d <hr> e </div>',
  'ids for the link map': '<p id=x> a <a href="#x"> self </a></p><p id=x> dup </p>',
};

describe('minifyWhitespace', () => {
  it.each(Object.entries(CASES))('collapses like the package: %s', (_, html) => {
    const ours = parse(html);
    const theirs = structuredClone(ours);
    minifyWhitespace(ours);
    packageMinify(theirs);
    expect(ours).toEqual(theirs);
  });

  it('collapses the repository HTML pages like the package', () => {
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) {
      const ours = parse(readFileSync(page, 'utf8'));
      const theirs = structuredClone(ours);
      minifyWhitespace(ours);
      packageMinify(theirs);
      expect(ours, page).toEqual(theirs);
    }
  });
});

describe('hastToMdast', () => {
  it('gives the package’s mdast on the cases and pages, and changes the tree in place', () => {
    const inputs = [...Object.values(CASES), ...pages.map((p) => readFileSync(p, 'utf8'))];
    for (const html of inputs) {
      const tree = parse(html);
      const expected = toMdast(structuredClone(tree));
      expect(hastToMdast(tree), html.slice(0, 80)).toEqual(expected);
    }
    const tree = parse('<p>  spaced  </p>');
    hastToMdast(tree);
    expect(JSON.stringify(tree)).toContain('"value":"spaced"');
  });
});
