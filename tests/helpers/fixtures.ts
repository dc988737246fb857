/**
 * Fixture runner shared by plugin tests: each `fixtures/<case>/` folder holds
 * an `input.txt|md|html`, and the plugin (+ prune) output is compared with
 * `output.md` and `messages.json` through `toMatchFileSnapshot` (`vitest -u`
 * rewrites them; with CI=true a missing file fails).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { type PluggableList, unified } from 'unified';
import { VFile } from 'vfile';
import { remarkPrune } from '../../plugins/prune/index.js';
import { isRemoval } from '../../plugins/shared/messages.js';
import { readInput, resolveFormat } from '../../src/readers/index.js';

export interface FixtureCase {
  name: string;
  dir: string;
  input: string;
  inputPath: string;
}

export function fixtureCases(dir: string): FixtureCase[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const caseDir = join(dir, d.name);
      const file = readdirSync(caseDir).find((f) => /^input\.(?:txt|md|html)$/.test(f));
      if (!file) throw new Error(`fixture ${caseDir} has no input.{txt,md,html}`);
      const inputPath = join(caseDir, file);
      return { name: d.name, dir: caseDir, input: readFileSync(inputPath, 'utf8'), inputPath };
    });
}

export interface FixtureResult {
  markdown: string;
  messages: {
    ruleId: string | undefined;
    reason: string;
    line: number | undefined;
    text: string | undefined;
  }[];
  file: VFile;
}

/** Read the input, run `plugins` then prune, stringify. */
export function runFixture(c: FixtureCase, plugins: PluggableList): FixtureResult {
  const file = new VFile({ path: c.inputPath, value: c.input });
  file.data.meta = { authors: [] };
  const tree = readInput(c.input, resolveFormat('auto', c.inputPath, c.input), file);
  const processor = unified()
    .use(plugins)
    .use(remarkPrune)
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', emphasis: '_', listItemIndent: 'one' });
  const out = processor.runSync(tree, file);
  return {
    markdown: processor.stringify(out, file),
    messages: file.messages.filter(isRemoval).map((m) => ({
      ruleId: m.ruleId,
      reason: m.reason,
      line: m.line,
      text: m.actual,
    })),
    file,
  };
}

/** A VFile holding Markdown, with `file.data.source` for `url` when one is given (site packs, per-host rules). */
export function markdownFile(markdown: string, url?: string): VFile {
  const file = new VFile({ value: markdown });
  if (url)
    file.data.source = {
      path: '-',
      format: 'markdown',
      sha256: '',
      bytes: 0,
      encoding: 'utf-8',
      url,
      host: new URL(url).hostname,
    };
  return file;
}
