import type { Root } from 'mdast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/readers/markdown.js';
import { blockFeatures } from '../shared/features.js';
import { keep, label, mark } from '../shared/label.js';
import { compileLexicon, mergePhrases } from '../shared/lexicon.js';
import { blockText } from '../shared/text.js';
import { FEATURE_NAMES, featureVector } from './features.js';
import { remarkScoreBlocks } from './index.js';
import { loadModel, type ModelWeights } from './model.js';
import bundled from './weights.json' with { type: 'json' };

/** A readable test model: long unlinked text is article, links are not. */
const weights: ModelWeights = {
  version: 1,
  fitted: { keepFrom: 0.5, dropBelow: 0.5 },
  bias: -5,
  features: {
    'words (log)': { weight: 3, mean: 0, scale: 1 },
    'link density': { weight: -20, mean: 0, scale: 1 },
  },
};

const PROSE =
  'The harbour ferry resumed its crossings on Tuesday after the storm, and the first boat left the pier just before seven with forty passengers aboard.';
const LINKS = '[Weather](https://example.com/w) · [Tides](https://example.com/t)';

function run(md: string, before: (tree: Root) => void = () => {}) {
  const file = new VFile();
  const tree = readMarkdown(md, file);
  // as the HTML reader leaves them: every block with its element's evidence
  for (const c of tree.children) mark(c).hints = { tag: c.type === 'paragraph' ? 'p' : 'div' };
  before(tree);
  unified().use(remarkScoreBlocks, { weights }).runSync(tree, file);
  const byText = new Map(tree.children.map((c) => [blockText(c), c.data?.copydesk]));
  return { byText, file };
}

describe('remark-score-blocks', () => {
  it('should take a generic detector label off a block the model scores as article text, saying why', () => {
    const { byText, file } = run(`${PROSE}\n`, (tree) =>
      label(tree.children[0]!, { ruleId: 'outside-article', reason: 'outside', confidence: 0.7 }),
    );
    expect(byText.get(PROSE)?.label).toBeUndefined();
    const info = file.messages.find((m) => m.ruleId === 'score-blocks');
    expect(info?.reason).toMatch(/^kept by the fitted model \(p (0\.9\d|1\.00): words \(log\) \+/);
    expect(info?.reason).toMatch(/against outside-article: outside$/);
  });

  it('should label a free block the model scores as not article text, naming the features', () => {
    const { byText } = run(`${PROSE}\n\n${LINKS}\n`);
    expect(byText.get(PROSE)?.label).toBeUndefined();
    const l = byText.get('Weather · Tides')?.label;
    expect(l?.ruleId).toBe('score-blocks');
    expect(l?.reason).toMatch(/^fitted model: p 0\.00 \(link density −/);
  });

  it('should leave kept blocks, roles and labels it may not overrule alone (near misses)', () => {
    const { byText } = run(`${LINKS}\n\n${PROSE}\n\n${PROSE} Again.\n`, (tree) => {
      keep(tree.children[0]!, 'user-rule', 'kept by the user');
      label(tree.children[1]!, {
        ruleId: 'site/example.com/promo',
        reason: 'site',
        confidence: 0.9,
      });
      mark(tree.children[2]!).role = 'dek';
    });
    expect(byText.get('Weather · Tides')?.label).toBeUndefined();
    expect(byText.get(PROSE)?.label?.ruleId).toBe('site/example.com/promo');
    expect(byText.get(`${PROSE} Again.`)?.label).toBeUndefined();
  });

  it('should refuse thresholds outside 0 <= dropBelow <= keepFrom < 1', () => {
    for (const bad of [{ keepFrom: 1 }, { keepFrom: 0.4, dropBelow: 0.6 }, { dropBelow: -0.1 }])
      expect(() =>
        unified()
          .use(remarkScoreBlocks, { weights, ...bad })
          .freeze(),
      ).toThrow(/keepFrom/);
  });

  it('should do nothing on a dump without HTML evidence (text or Markdown input)', () => {
    // readMarkdown gives no hints: the model, fitted on HTML, stays out
    const file = new VFile();
    const tree = readMarkdown(`${PROSE}\n\n${LINKS}\n`, file);
    unified().use(remarkScoreBlocks, { weights }).runSync(tree, file);
    expect(tree.children.every((c) => c.data?.copydesk?.label === undefined)).toBe(true);
  });
});

describe('the bundled weights', () => {
  it('should name only features the vector has, and record how they were fitted', () => {
    const w = bundled as ModelWeights;
    for (const name of Object.keys(w.features)) expect(FEATURE_NAMES).toContain(name);
    expect(w.fitted.script).toBe('scripts/train.ts');
    expect(Number(w.fitted.keepFrom)).toBeGreaterThan(0);
    expect(Number(w.fitted.keepFrom)).toBeLessThan(1);
    expect(Number(w.fitted.dropBelow)).toBeLessThanOrEqual(Number(w.fitted.keepFrom));
  });

  it('should score a paragraph of prose above a bare list of links', () => {
    const model = loadModel(bundled as ModelWeights);
    const file = new VFile();
    const tree = readMarkdown(`${PROSE}\n\n- ${LINKS.split(' · ').join('\n- ')}\n`, file);
    const page = blockFeatures(tree, file, compileLexicon(mergePhrases(undefined)));
    const [prose, links] = [0, 1].map((i) => model.probability(featureVector(page, i)));
    expect(prose).toBeGreaterThan(links!);
  });
});
