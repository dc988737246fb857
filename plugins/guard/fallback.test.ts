import type { Nodes, Root } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/readers/html/index.js';
import { readText } from '../../src/readers/text.js';
import { label, peek } from '../shared/label.js';
import { recallFallback } from './fallback.js';
import { remarkGuard } from './index.js';

const PROSE =
  'The council voted on Tuesday to approve the new budget, which sets aside money for schools, roads and the library. Residents who spoke at the meeting were divided on the plan and its cost over the next years.';

function paragraphs(tree: Root): Nodes[] {
  const out: Nodes[] = [];
  const walk = (n: Nodes): void => {
    if (n.type === 'paragraph') out.push(n);
    else if ('children' in n) for (const c of n.children) walk(c as Nodes);
  };
  walk(tree);
  return out;
}

const byText = (tree: Root, text: string): Nodes =>
  paragraphs(tree).find((p) => mdToString(p).startsWith(text))!;

function guard(tree: Root, file: VFile) {
  unified().use(remarkGuard).runSync(tree, file);
  return file;
}

/** A page whose article sits in one container, with a short teaser paragraph elsewhere. */
const MENU = `<ul>${Array.from({ length: 24 }, (_, i) => `<li>Section ${i}</li>`).join('')}</ul>`;
const PAGE = `<body>${MENU}<div class="teaser"><p>A short teaser paragraph about something else that runs to a dozen words.</p></div>
<div class="story"><p>One. ${PROSE}</p><p>Two. ${PROSE}</p><p>Three. ${PROSE}</p><p>Four. ${PROSE}</p></div></body>`;

describe('the guard’s recall fallback', () => {
  it('should fall back to the densest prose container when the labels keep a small share of the prose', () => {
    const file = new VFile();
    const tree = readHtml(PAGE, file);
    for (const n of ['One.', 'Two.', 'Three.', 'Four.'])
      label(byText(tree, n), { ruleId: 'outside-article', reason: 'away', confidence: 0.6 });
    guard(tree, file);
    expect(file.data.status).toBe('low_confidence');
    expect(file.data.statusReasons?.[0]).toMatch(
      /^kept 13 of the page's \d+ words of running prose; fell back to the densest prose container \(<div class="story">, 9\d% of the prose\): 4 label\(s\) dropped$/,
    );
    for (const n of ['One.', 'Two.', 'Three.', 'Four.'])
      expect(peek(byText(tree, n))?.label).toBeUndefined();
  });

  it('should leave strong evidence in place inside the container', () => {
    const file = new VFile();
    const tree = readHtml(PAGE, file);
    for (const n of ['One.', 'Two.', 'Three.'])
      label(byText(tree, n), { ruleId: 'outside-article', reason: 'away', confidence: 0.6 });
    label(byText(tree, 'Four.'), { ruleId: 'x', reason: 'strong', confidence: 0.95 });
    guard(tree, file);
    expect(peek(byText(tree, 'One.'))?.label).toBeUndefined();
    expect(peek(byText(tree, 'Four.'))?.label?.ruleId).toBe('x');
  });

  it('should not fall back when the labels keep most of the prose (near miss)', () => {
    const file = new VFile();
    const tree = readHtml(PAGE, file);
    label(byText(tree, 'One.'), { ruleId: 'outside-article', reason: 'away', confidence: 0.6 });
    label(byText(tree, 'Two.'), { ruleId: 'outside-article', reason: 'away', confidence: 0.6 });
    guard(tree, file);
    expect(file.data.status).toBe('ok');
    expect(peek(byText(tree, 'One.'))?.label).toBeDefined();
  });

  it('should not fall back when the removed prose is spread over several containers (no dense one)', () => {
    const spread = `<body>${[1, 2, 3, 4].map((i) => `<div class="c${i}"><p>Part ${i}. ${PROSE}</p></div>`).join('')}<div><p>Kept: ${PROSE}</p></div></body>`;
    const file = new VFile();
    const tree = readHtml(spread, file);
    for (const i of [1, 2, 3, 4])
      label(byText(tree, `Part ${i}.`), { ruleId: 'x', reason: 'weak', confidence: 0.6 });
    expect(recallFallback(tree)).toBeUndefined();
  });

  it('should not fall back on a text dump, which has no container to recover', () => {
    const tree = readText(
      [`One. ${PROSE}`, `Two. ${PROSE}`, `Three. ${PROSE}`, 'Home', `Kept. ${PROSE}`].join('\n'),
    );
    for (const c of tree.children.slice(0, 4))
      label(c, { ruleId: 'outside-article', reason: 'away', confidence: 0.7 });
    expect(recallFallback(tree)).toBeUndefined();
    expect(
      tree.children.slice(0, 3).every((c) => peek(c)?.label?.ruleId === 'outside-article'),
    ).toBe(true);
  });

  it('should explain an empty page whose words the HTML stage dropped', () => {
    const file = new VFile();
    const tree = readHtml(
      '<body><form><button>Log in to continue reading</button></form></body>',
      file,
    );
    guard(tree, file);
    expect(file.data.status).toBe('empty');
    expect(file.data.statusReasons).toEqual([
      'the HTML stage dropped all 5 words of the page (forms, hidden elements, controls)',
    ]);
  });
});
