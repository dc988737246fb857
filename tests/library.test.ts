import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkPrune, remarkStripNewsletter } from '../plugins/index.js';
import * as copydesk from '../src/index.js';

const ARTICLE = [
  '# Ferry returns to the harbour after repairs',
  '',
  'The harbour ferry will carry passengers again from Monday, four months after it was lifted out of the water for repairs to its hull.',
  '',
  'Sign up for our free newsletter and get the best stories in your inbox every morning.',
  '',
  'Engineers replaced the diesel engine with a quieter electric drive, which the operator says will halve the running costs of the crossing.',
  '',
].join('\n');

describe('public API (copydesk)', () => {
  it('should export the library surface', () => {
    for (const name of [
      'clean',
      'Cleaner',
      'createPipeline',
      'copydeskPreset',
      'loadConfig',
      'mergeConfig',
      'defineConfig',
      'readInput',
      'resolveOptions',
      'defineSitePack',
    ])
      expect(typeof (copydesk as Record<string, unknown>)[name], name).toBe('function');
    expect(copydesk.preset.plugins?.length).toBeGreaterThan(3);
    expect(copydesk.SCHEMA_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('should clean a document with clean() and with a reused Cleaner alike', () => {
    const once = copydesk.clean(ARTICLE, { from: 'markdown' });
    const cleaner = new copydesk.Cleaner({ from: 'markdown' });
    expect(cleaner.clean(ARTICLE).markdown).toBe(once.markdown);
    expect(once.markdown).not.toContain('Sign up');
    expect(once.metadata.removed.some((r) => r.text.startsWith('Sign up'))).toBe(true);
  });

  it('should mount two copydesk plugins in a plain remark pipeline', () => {
    const file = new VFile({ value: ARTICLE });
    const out = String(
      unified()
        .use(remarkParse)
        .use(remarkStripNewsletter)
        .use(remarkPrune)
        .use(remarkStringify)
        .processSync(file),
    );
    expect(out).toContain('The harbour ferry will carry passengers');
    expect(out).toContain('Engineers replaced the diesel engine');
    expect(out).not.toContain('Sign up for our free newsletter');
    expect(file.messages.map((m) => m.ruleId)).toContain('strip-newsletter');
  });

  it("should reproduce the CLI's cleaning with the preset in a plain remark pipeline", () => {
    const viaPreset = String(
      unified()
        .use(remarkParse)
        .use(remarkGfm)
        .use(copydesk.copydeskPreset({ quotes: 'straight' }))
        .use(remarkStringify, copydesk.stringifyOptions)
        .processSync(new VFile({ value: ARTICLE })),
    );
    const viaClean = copydesk.clean(ARTICLE, { from: 'markdown', quotes: 'straight' }).markdown;
    expect(viaPreset).toBe(viaClean);
  });

  it('should run createPipeline() on a tree from readInput()', () => {
    const pipeline = copydesk.createPipeline();
    const file = new VFile({ value: ARTICLE });
    const tree = copydesk.readInput(ARTICLE, 'markdown', file);
    const out = pipeline.stringify(pipeline.runSync(tree, file), file);
    expect(out).toContain('Engineers replaced the diesel engine');
    expect(out).not.toContain('Sign up');
  });
});
