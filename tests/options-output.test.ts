/**
 * Issue 13 (part A), in-process: one set of options validated as the docs say,
 * output for other tools (formats, --no-links/images/tables, --with-comments,
 * --target-language, --precision/--recall), and the checks a batch makes
 * before it starts (output folder, inputs it would overwrite, empty folders).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { remarkReleaseRules } from '../plugins/apply-user-rules/release.js';
import { label } from '../plugins/shared/label.js';
import {
  type Options as ElementsOptions,
  remarkStripElements,
} from '../plugins/strip-elements/index.js';
import { expandInputs } from '../src/batch/inputs.js';
import { overwrittenInputs, prepareOutDir } from '../src/batch/out-dir.js';
import { formatSummary } from '../src/batch/progress.js';
import type { BatchSummary } from '../src/batch/runner.js';
import { parseFailOn } from '../src/commands/clean.js';
import { cleanOptionsFromArgs, maxBytesArg } from '../src/commands/options.js';
import { Cleaner, clean, UsageError } from '../src/index.js';
import { sniffFormat } from '../src/readers/index.js';
import { renderDocument, toHtmlFragment, toPlainText } from '../src/writers/format.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const temps: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'copydesk-13a-'));
  temps.push(d);
  return d;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

const PARAGRAPHS = [
  'The council voted seven to two on Tuesday evening to approve the riverside park, ending a debate that lasted nearly three years.',
  'Residents who spoke at the meeting mostly supported the plan, though several raised concerns about parking near the new footbridge.',
  'Construction is expected to begin next spring and to take about eighteen months, according to the planning office.',
];

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('did not throw');
}

describe('library options are validated as documented', () => {
  it('should throw a UsageError naming the nearest option for an unknown key', () => {
    const e = errorOf(() => clean('text', { quote: 'uk' } as never));
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toBe("unknown option 'quote' (did you mean 'quotes'?)");
    expect(errorOf(() => new Cleaner({ foo: 1 } as never)).message).toBe("unknown option 'foo'");
  });

  it('should throw a UsageError for a bad value, with the nearest choice', () => {
    const e = errorOf(() => clean('text', { from: 'pdf' as never }));
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toMatch(/^invalid from 'pdf' \(choose from auto, text/);
    expect(errorOf(() => clean('x', { quotes: 'curley' as never })).message).toContain(
      "did you mean 'curly'?",
    );
    expect(errorOf(() => clean('x', { links: 'no' as never }))).toBeInstanceOf(UsageError);
    expect(errorOf(() => clean('x', { targetLanguage: 'English' }))).toBeInstanceOf(UsageError);
  });

  it('should accept every documented option (near miss)', () => {
    expect(
      () =>
        new Cleaner({
          quotes: 'uk',
          favor: 'recall',
          links: false,
          images: false,
          tables: false,
          withComments: true,
          targetLanguage: 'en',
        }),
    ).not.toThrow();
  });
});

describe('CLI option values', () => {
  it('should take --max-bytes as a size, as the config does', () => {
    expect(maxBytesArg('20MB')).toBe(20 * 1024 * 1024);
    expect(maxBytesArg('512kb')).toBe(512 * 1024);
    expect(maxBytesArg('1000')).toBe(1000);
    expect(() => maxBytesArg('lots')).toThrow(UsageError);
    expect(() => maxBytesArg(0)).toThrow(UsageError);
  });

  it('should take --fail-on as a comma list of statuses, and reject others', () => {
    expect(parseFailOn(['empty,low_confidence'])).toEqual(['empty', 'low_confidence']);
    expect(parseFailOn(['empty', 'not_article'])).toEqual(['empty', 'not_article']);
    expect(() => parseFailOn(['emtpy'])).toThrow(/unknown status 'emtpy'/);
  });

  it('should map the shared flags to library options', () => {
    const o = cleanOptionsFromArgs({
      precision: true,
      links: false,
      images: true,
      withComments: true,
      targetLanguage: 'de',
      url: 'https://example.com/a',
    });
    expect(o).toMatchObject({
      favor: 'precision',
      links: false,
      withComments: true,
      targetLanguage: 'de',
      url: 'https://example.com/a',
    });
    expect(o).not.toHaveProperty('images');
    expect(cleanOptionsFromArgs({ recall: true }).favor).toBe('recall');
  });
});

function runElements(md: string, options: ElementsOptions) {
  const file = new VFile({ value: md });
  const p = unified().use(remarkParse).use(remarkStripElements, options).use(remarkStringify);
  const out = p.stringify(p.runSync(p.parse(file), file) as Root, file);
  return { out, file };
}

describe('remark-strip-elements (--no-links, --no-images, --no-tables)', () => {
  const MD =
    'See [the report](https://example.com/r?a=1) now.\n\n![chart](c.png)\n\n| a | b |\n| - | - |\n| 1 | 2 |\n';

  it('should keep link text, drop images and tables, and record what went', () => {
    const { out, file } = runElements(MD, { links: false, images: false });
    expect(out).toContain('See the report now.');
    expect(out).not.toContain('](');
    expect(out).not.toContain('c.png');
    expect(file.messages.map((m) => m.ruleId)).toEqual(['strip-elements']);
    expect(file.messages[0]?.actual).toContain('chart');
  });

  it('should leave everything as it is with the defaults (near miss)', () => {
    const { out, file } = runElements(MD, {});
    expect(out).toContain('[the report](https://example.com/r?a=1)');
    expect(out).toContain('![chart](c.png)');
    expect(file.messages).toEqual([]);
  });

  it('should drop tables and record them (GFM)', () => {
    const file = new VFile({ value: MD });
    const p = unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkStripElements, { tables: false })
      .use(remarkStringify)
      .use(remarkGfm);
    const out = p.stringify(p.runSync(p.parse(file), file) as Root, file);
    expect(out).not.toContain('| 1');
    expect(out).toContain('![chart](c.png)');
    expect(file.messages.map((m) => m.reason)).toEqual(['table left out (tables: false)']);
  });

  it('should leave link text only through clean() with links: false', () => {
    const md = `# Park approved\n\n${PARAGRAPHS[0]} [The minutes](https://example.com/minutes) are online.\n\n${PARAGRAPHS.slice(1).join('\n\n')}\n`;
    expect(clean(md, { from: 'markdown' }).markdown).toContain('](https://example.com/minutes)');
    const r = clean(md, { from: 'markdown', links: false });
    expect(r.markdown).toContain('The minutes are online.');
    expect(r.markdown).not.toContain('](');
  });
});

describe('--with-comments releases the strip-comments rule', () => {
  it('should free blocks labelled strip-comments and only those', () => {
    const p = unified()
      .use(remarkParse)
      .use(remarkReleaseRules, { ruleIds: ['strip-comments'] });
    const tree = p.parse('A comment.\n\nA newsletter.\n');
    const [a, b] = tree.children;
    label(a!, { ruleId: 'strip-comments', reason: 'comment thread', confidence: 0.8 });
    label(b!, { ruleId: 'strip-newsletter', reason: 'newsletter', confidence: 0.8 });
    p.runSync(tree);
    expect(a!.data?.copydesk?.label).toBeUndefined();
    expect(b!.data?.copydesk?.label?.ruleId).toBe('strip-newsletter');
  });
});

describe('--with-comments with the strip-comments detector', () => {
  it('should keep the comment thread of the seed blog post only when asked', () => {
    const seed = readFileSync(path.join(ROOT, 'seeds/example-blog--sourdough-starter.md'));
    const comments = (withComments: boolean) =>
      clean(seed, { path: 'seed.md', withComments }).metadata.removed.filter(
        (r) => r.ruleId === 'strip-comments',
      ).length;
    expect(comments(false)).toBeGreaterThan(0);
    expect(comments(true)).toBe(0);
  });
});

describe('--target-language', () => {
  const FRENCH = [
    'Le conseil municipal approuve le nouveau parc au bord de la rivière',
    'Le conseil a voté mardi soir en faveur du parc, mettant fin à un débat qui durait depuis près de trois ans dans la ville et ses quartiers.',
    'Les habitants qui ont pris la parole lors de la réunion ont pour la plupart soutenu le projet, même si plusieurs se sont inquiétés du stationnement.',
    "Les travaux devraient commencer au printemps prochain et durer environ dix-huit mois, selon le service de l'urbanisme de la commune.",
  ].join('\n');

  it('should mark a page in another language not_article, with the reason', () => {
    const r = clean(FRENCH, { targetLanguage: 'en' });
    expect(r.metadata.language).toBe('fr');
    expect(r.metadata.status).toBe('not_article');
    expect(r.metadata.statusReasons.join(' ')).toMatch(/'fr', not the target language 'en'/);
  });

  it('should leave a page in the target language alone (near miss)', () => {
    const r = clean(FRENCH, { targetLanguage: 'fr' });
    expect(r.metadata.status).toBe('ok');
  });
});

describe('--precision / --recall', () => {
  it('should remove at least as much with precision and at most as much with recall', () => {
    const seed = readFileSync(path.join(ROOT, 'seeds/theweek--putin-meets-kim-jong-un.txt'));
    const words = (favor: 'precision' | 'balanced' | 'recall') =>
      clean(seed, { favor, path: 'seed.txt' }).metadata.counts.words;
    const [p, b, r] = [words('precision'), words('balanced'), words('recall')];
    expect(p).toBeLessThanOrEqual(b);
    expect(r).toBeGreaterThanOrEqual(b);
    expect(r).toBeGreaterThan(p);
  });
});

describe('HTML fragments on stdin are sniffed as HTML', () => {
  it('should read <p>…</p><p>…</p> and <div class=…>…</div> as HTML', () => {
    expect(sniffFormat('<p>One paragraph.</p><p>Another one.</p>')).toBe('html');
    expect(sniffFormat('<div class="article"><h2>Title</h2>Text here.</div>')).toBe('html');
    const r = clean(`<p>${PARAGRAPHS[0]}</p><p>${PARAGRAPHS[1]}</p>`);
    expect(r.metadata.source.format).toBe('html');
    expect(r.markdown).not.toContain('&lt;p');
    expect(r.markdown).not.toContain('<p>');
  });

  it('should keep text that only mentions a tag as text (near miss)', () => {
    expect(sniffFormat('<p> is the paragraph tag in HTML.\nUse it for prose.')).toBe('text');
    expect(sniffFormat('<b>Note:</b> this line came from a chat log')).toBe('text');
  });
});

describe('output formats', () => {
  const md =
    '# Headline\n\nSome *prose* with [a link](https://example.com/?a=1&b=2).\n\n- one\n- two\n';
  it('should render plain text without Markdown syntax', () => {
    expect(toPlainText(md)).toBe('Headline\n\nSome prose with a link.\n\none\ntwo\n');
  });
  it('should render an HTML fragment', () => {
    const html = toHtmlFragment(md);
    expect(html).toContain('<h1>Headline</h1>');
    expect(html).toContain('<a href="https://example.com/?a=1&#x26;b=2">a link</a>');
    expect(html).not.toContain('<html');
  });
  it('should render json and one jsonl line per document', () => {
    const r = clean(md, { from: 'markdown' });
    const json = JSON.parse(renderDocument('json', r.markdown, r.metadata));
    expect(Object.keys(json)).toEqual(['markdown', 'metadata']);
    const line = renderDocument('jsonl', r.markdown, r.metadata, 'a.md');
    expect(line.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(line)).toMatchObject({ input: 'a.md', status: r.metadata.status });
  });
});

describe('checks before a batch starts', () => {
  it('should refuse an output folder that cannot be created, without spinning', async () => {
    expect(await prepareOutDir('/proc/copydesk-nope/out')).toBeTruthy();
    const d = tempDir();
    writeFileSync(path.join(d, 'file'), 'x');
    expect(await prepareOutDir(path.join(d, 'file'))).toBe('not a folder');
    expect(await prepareOutDir(path.join(d, 'new/deeper'))).toBeUndefined();
  });

  it('should find outputs that would replace inputs', async () => {
    const d = tempDir();
    writeFileSync(path.join(d, 'post.md'), 'x');
    writeFileSync(path.join(d, 'page.html'), 'x');
    const expanded = await expandInputs(['post.md', 'page.html'], { cwd: d });
    expect(overwrittenInputs(expanded.files, d, ['.md', '.json'])).toEqual([
      [path.join(d, 'post.md'), 'post.md'],
    ]);
    expect(overwrittenInputs(expanded.files, path.join(d, 'out'), ['.md', '.json'])).toEqual([]);
  });

  it('should fail an empty folder naming the extensions it reads, and a folder inside the output', async () => {
    const d = tempDir();
    mkdirSync(path.join(d, 'empty'));
    mkdirSync(path.join(d, 'site'));
    writeFileSync(path.join(d, 'site/a.pdf'), 'x');
    const r = await expandInputs(['empty', 'site'], { cwd: d, outDir: path.join(d, 'out') });
    expect(r.failed.map((f) => f.display)).toEqual(['empty', 'site']);
    expect(r.failed[0]?.reason).toMatch(/no cleanable files .*\.txt .*\.md .*\.html/);
    const inside = await expandInputs(['site'], { cwd: d, outDir: d });
    expect(inside.failed[0]?.reason).toMatch(/^inside the output folder \. /);
  });
});

describe('the summary counts pages by status', () => {
  const summary: BatchSummary = {
    seen: 3,
    cleaned: 3,
    unchanged: 0,
    skipped: [],
    failed: [],
    wordsIn: 100,
    wordsOut: 50,
    ms: 10,
    interrupted: false,
    statuses: { ok: 1, empty: 1, not_article: 0, low_confidence: 1 },
    renamed: [],
    workerDeaths: 0,
    flagged: [
      {
        display: 'a.html',
        outcome: 'cleaned',
        wordsIn: 1,
        wordsOut: 0,
        status: 'empty',
        statusReasons: ['every block was removed'],
      },
      { display: 'b.html', outcome: 'cleaned', wordsIn: 1, wordsOut: 1, status: 'low_confidence' },
    ],
  };
  it('should count each status and name the pages with --verbose', () => {
    const lines = formatSummary(summary);
    expect(lines).toContain(
      'copydesk: pages by status: 1 ok, 1 empty, 1 low_confidence (--verbose names them)',
    );
    const verbose = formatSummary(summary, { verbose: true });
    expect(verbose).toContain('copydesk:   empty a.html: every block was removed');
    expect(verbose).toContain('copydesk:   low_confidence b.html');
  });
});

describe('a .js config importing copydesk where copydesk is not installed', () => {
  it('should load `import { defineConfig } from "copydesk"` and leave no file behind', async () => {
    const { loadConfig } = await import('../src/config/load.js');
    const d = tempDir();
    const file = path.join(d, 'copydesk.config.js');
    writeFileSync(
      file,
      "import { defineConfig } from 'copydesk';\nexport default defineConfig({ quotes: 'uk', drop: ['/^advertisement$/i'] });\n",
    );
    writeFileSync(path.join(d, 'package.json'), '{"type":"module"}');
    const loaded = await loadConfig(d);
    expect(loaded?.config).toEqual({ quotes: 'uk', drop: ['/^advertisement$/i'] });
    expect(readdirSync(d).sort()).toEqual(['copydesk.config.js', 'package.json']);
    const mjs = path.join(tempDir(), 'copydesk.config.mjs');
    writeFileSync(
      mjs,
      "import { defineConfig } from 'copydesk';\nexport default defineConfig({ dashes: 'none' });\n",
    );
    expect((await loadConfig(path.dirname(mjs)))?.config).toEqual({ dashes: 'none' });
  });
});
