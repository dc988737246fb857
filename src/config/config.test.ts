import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Cleaner } from '../clean.js';
import { UsageError } from '../errors.js';
import { findConfig, loadConfig, mergeConfig, splitConfig } from './load.js';
import { ConfigError, parseSize, validateConfig } from './validate.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'copydesk-config-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function write(rel: string, content: string): string {
  const path = join(root, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

describe('finding the config file', () => {
  it('should find the nearest copydesk.config.json upwards from the input folder', async () => {
    write('repo/.git/HEAD', 'ref');
    write('repo/copydesk.config.json', '{"quotes":"uk"}');
    write('repo/a/b/copydesk.config.json', '{"quotes":"straight"}');
    mkdirSync(join(root, 'repo/a/b/c'), { recursive: true });
    expect((await loadConfig(join(root, 'repo/a/b/c')))?.config.quotes).toBe('straight');
    expect((await loadConfig(join(root, 'repo/a')))?.config.quotes).toBe('uk');
  });

  it('should stop at a folder holding .git', async () => {
    write('copydesk.config.json', '{"quotes":"uk"}');
    write('repo/.git/HEAD', 'ref');
    mkdirSync(join(root, 'repo/src'), { recursive: true });
    expect(findConfig(join(root, 'repo/src'))).toBeUndefined();
    expect(await loadConfig(join(root, 'repo/src'))).toBeUndefined();
  });

  it('should load an ESM copydesk.config.js default export', async () => {
    write('p/.git/HEAD', 'ref');
    write(
      'p/copydesk.config.js',
      'export default { drop: ["/^advert/i"], sites: { "example.com": { quotes: "uk" } } };\n',
    );
    const loaded = await loadConfig(join(root, 'p'));
    expect(loaded?.config.drop).toEqual(['/^advert/i']);
    expect(loaded?.path).toBe(join(root, 'p/copydesk.config.js'));
  });

  it('should use --config FILE and fail clearly when it is missing', async () => {
    const path = write('elsewhere/my.json', '{"byline":"drop"}');
    expect((await loadConfig(root, path))?.config.byline).toBe('drop');
    await expect(loadConfig(root, join(root, 'nope.json'))).rejects.toThrow(
      /config file not found: .*nope\.json/,
    );
  });

  it('should refuse two config files in one folder', () => {
    write('q/copydesk.config.json', '{}');
    write('q/copydesk.config.js', 'export default {}');
    expect(() => findConfig(join(root, 'q'))).toThrow(/two config files/);
  });

  it('should report invalid JSON with the file name', async () => {
    const path = write('bad.json', '{"quotes": }');
    await expect(loadConfig(root, path)).rejects.toThrow(/bad\.json: invalid JSON/);
  });
});

describe('validating the config', () => {
  const bad = (value: unknown) => {
    try {
      validateConfig(value, 'copydesk.config.json');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).not.toContain('\n');
      return (error as Error).message;
    }
    throw new Error('expected a ConfigError');
  };

  it('should name an unknown key and the file, with a suggestion', () => {
    expect(bad({ quote: 'uk' })).toBe(
      "copydesk.config.json: unknown key 'quote' (did you mean 'quotes'?)",
    );
    expect(bad({ colour: true })).toBe("copydesk.config.json: unknown key 'colour'");
  });

  it('should name unknown keys inside sites and keys that cannot be set per site', () => {
    expect(bad({ sites: { 'example.com': { quotez: 'uk' } } })).toMatch(
      /unknown key 'sites\.example\.com\.quotez' \(did you mean 'quotes'\?\)/,
    );
    expect(bad({ sites: { 'example.com': { concurrency: 2 } } })).toMatch(
      /'concurrency' cannot be set per site/,
    );
    expect(bad({ sites: { 'not a host': {} } })).toMatch(/'not a host' is not a host name/);
  });

  it('should check types with one-line messages', () => {
    expect(bad({ quotes: 'fancy' })).toBe(
      'copydesk.config.json: quotes: must be one of curly, uk, straight, auto, none',
    );
    expect(bad({ concurrency: 0 })).toMatch(/concurrency: must be a positive whole number/);
    expect(bad({ maxRemovedShare: 2 })).toMatch(/maxRemovedShare: must be a number in \(0, 1\]/);
    expect(bad({ siteRules: 'no' })).toMatch(/siteRules: must be true or false/);
    expect(bad({ keep: 'x' })).toMatch(/keep: must be an array of rules/);
    expect(bad({ drop: ['ok', '/(/'] })).toMatch(/drop\[1\]: bad regular expression/);
    expect(bad({ drop: [{ selector: 'div[' }] })).toMatch(/drop\[0\]: bad CSS selector/);
    expect(bad({ lexicon: { newsletters: ['x'] } })).toMatch(
      /unknown lexicon concept 'newsletters'/,
    );
    expect(bad({ lexicon: { newsletter: [1] } })).toMatch(
      /lexicon\.newsletter: must be an array of non-empty strings/,
    );
    expect(bad({ maxBytes: 'lots' })).toMatch(/maxBytes: must be a number of bytes or a size/);
    expect(bad([])).toMatch(/must be an object/);
  });

  it('should accept every documented key', () => {
    const config = {
      $schema: './schema/config.schema.json',
      from: 'html',
      quotes: 'uk',
      dashes: 'en-spaced',
      byline: 'keep',
      siteRules: false,
      referenceDate: '2024-03-12',
      maxRemovedShare: 0.8,
      keep: ['correction:', { heading: 'Key points' }, { selector: '.keep' }],
      drop: ['/^advertisement$/i', { text: 'promo', name: 'promo' }],
      lexicon: { newsletter: ['join the club'] },
      sites: { 'example.com': { quotes: 'straight', drop: [{ selector: '.ad' }] } },
      out: 'cleaned',
      concurrency: 2,
      maxBytes: '20MB',
      timeout: 30,
      resume: true,
      quiet: true,
      siteRepeats: true,
    };
    expect(validateConfig(config, 'x.json')).toBe(config);
  });
});

describe('merging with the CLI', () => {
  it('should let CLI flags beat config values and ignore flags not given', () => {
    const merged = mergeConfig(
      { quotes: 'uk', byline: 'drop', concurrency: 4 },
      { quotes: 'straight', byline: undefined },
    );
    expect(merged).toEqual({ quotes: 'straight', byline: 'drop', concurrency: 4 });
  });

  it('should split options for clean() from batch settings', () => {
    const { options, run } = splitConfig({
      quotes: 'uk',
      maxBytes: '2MB',
      concurrency: 2,
      out: 'o',
      drop: ['x'],
    });
    expect(options).toEqual({ quotes: 'uk', drop: ['x'] });
    expect(run.maxBytes).toBe(2 * 1024 * 1024);
    expect(run.concurrency).toBe(2);
    expect(run.out).toBe('o');
    expect(parseSize('512kb')).toBe(512 * 1024);
    expect(parseSize(1000)).toBe(1000);
  });

  it('should give a site its own option values (per-site override by host)', () => {
    const cleaner = new Cleaner({
      quotes: 'curly',
      sites: { 'example.com': { quotes: 'straight' } },
    });
    const text =
      'A headline for the test\nShe said "hello" to the neighbours and walked along the river to the old mill by the bridge.\n';
    const site = cleaner.clean(text, { path: 'a.txt', url: 'https://news.example.com/a' });
    const other = cleaner.clean(text, { path: 'a.txt', url: 'https://example.org/a' });
    expect(site.markdown).toContain('"hello"');
    expect(other.markdown).toContain('“hello”');
  });

  it('should reject bad rule options given to clean() directly', () => {
    expect(() => new Cleaner({ drop: ['/(/'] })).toThrow(
      /invalid option drop\[0\]: bad regular expression/,
    );
  });
});

describe('the config file in the CLI', () => {
  it('should see which flags were typed, aliases and --no- forms included', async () => {
    const { typedFlags } = await import('./cli.js');
    const typed = typedFlags([
      'a.txt',
      '--quotes=uk',
      '-j',
      '2',
      '--no-site-rules',
      '--',
      '--byline',
      'x',
    ]);
    expect([...typed].sort()).toEqual(['concurrency', 'quotes', 'siteRules']);
  });

  it('should let typed flags beat the config and the config beat defaults', async () => {
    const { withConfigFile } = await import('./cli.js');
    write('w/.git/HEAD', 'ref');
    write(
      'w/copydesk.config.json',
      JSON.stringify({ quotes: 'uk', byline: 'drop', maxBytes: '1kb', drop: ['x'] }),
    );
    write('w/in/a.txt', 'text');
    const args = { inputs: ['in/a.txt'], quotes: 'straight', byline: 'normalize', maxBytes: 99 };
    const out = await withConfigFile(
      args,
      ['clean', 'in/a.txt', '--quotes', 'straight'],
      join(root, 'w'),
    );
    expect(out.quotes).toBe('straight');
    expect(out.byline).toBe('drop');
    expect(out.maxBytes).toBe(1024);
    expect(out.configOptions).toEqual({ drop: ['x'] });
    expect(out.configPath).toBe(join(root, 'w/copydesk.config.json'));
  });
});

describe('extra lexicon phrases', () => {
  it('should reach the detectors: a site-specific call to action is removed once it is in the lexicon', () => {
    const text = [
      'Council approves the new library budget',
      'The council approved the budget for the new library on Tuesday evening after a long debate about the costs of the building and its staff.',
      'Become a Friend of the Gazette today',
      'Work on the building is due to start in the spring and take two years, the council said in a statement after the vote.',
    ].join('\n');
    expect(new Cleaner().clean(text, { path: 'a.txt' }).markdown).toContain(
      'Become a Friend of the Gazette',
    );
    const withLexicon = new Cleaner({ lexicon: { cta: ['become a friend of'] } }).clean(text, {
      path: 'a.txt',
    });
    expect(withLexicon.markdown).not.toContain('Become a Friend of the Gazette');
    expect(withLexicon.markdown).toContain('Work on the building');
  });
});

describe('schema/config.schema.json', () => {
  it('should list exactly the keys the validator knows, per site too', async () => {
    const { readFileSync: read } = await import('node:fs');
    const { CONFIG_KEYS, SITE_KEYS } = await import('./validate.js');
    const schema = JSON.parse(
      read(new URL('../../schema/config.schema.json', import.meta.url), 'utf8'),
    ) as {
      properties: Record<string, unknown>;
      $defs: { site: { properties: Record<string, unknown> } };
    };
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(CONFIG_KEYS).sort());
    expect(Object.keys(schema.$defs.site.properties).sort()).toEqual(Object.keys(SITE_KEYS).sort());
  });

  it('should accept a full config and reject what the validator rejects', async () => {
    const { readFileSync: read } = await import('node:fs');
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(
      JSON.parse(read(new URL('../../schema/config.schema.json', import.meta.url), 'utf8')),
    );
    const good = {
      quotes: 'uk',
      keep: ['x', { heading: 'Key points' }],
      drop: [{ selector: '.ad', name: 'ad' }],
      lexicon: { cta: ['join us'] },
      sites: { 'example.com': { byline: 'drop' } },
      maxBytes: '20MB',
      timeout: 30,
    };
    expect(validate(good)).toBe(true);
    expect(validate({ quote: 'uk' })).toBe(false);
    expect(validate({ sites: { 'example.com': { concurrency: 2 } } })).toBe(false);
  });
});
