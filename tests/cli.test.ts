/**
 * End-to-end tests of `copydesk clean`, run as a real process from source
 * (`node --import tsx src/cli.ts`) in temporary folders.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ARTICLE, CLI, run, TSX, useTempDirs, write } from './helpers/cli.js';

// Every case spawns real processes; a loaded machine needs more than the default.
vi.setConfig({ testTimeout: 180_000 });

const tempDir = useTempDirs('copydesk-cli-');

function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of listFiles(dir))
    out[f] = createHash('sha256')
      .update(readFileSync(path.join(dir, f)))
      .digest('hex');
  return out;
}

describe('copydesk clean (files and folders)', () => {
  it('should mirror the tree, skip empty input, fail binary input, exit 1, and leave inputs unchanged', () => {
    const dir = tempDir();
    write(dir, 'pages/news/park.txt', ARTICLE);
    write(
      dir,
      'pages/blog/post.md',
      `# A blog post about parks\n\n${ARTICLE.split('\n').slice(2).join('\n\n')}\n`,
    );
    write(
      dir,
      'pages/web/page.html',
      `<html><head><title>Park</title></head><body><article><h1>Park approved</h1><p>${ARTICLE.split('\n')[2]}</p><p><a href="javascript:alert(1)">Click</a> here.</p></article></body></html>`,
    );
    write(dir, 'pages/empty.txt', ' \n\t\n');
    write(
      dir,
      'pages/image.txt',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    write(dir, 'pages/notes.json', '{"not": "an input"}');
    const before = hashTree(path.join(dir, 'pages'));

    const r = run(['clean', 'pages', '--out', 'out', '--concurrency', '2'], dir);
    expect(r.code).toBe(1);
    expect(listFiles(path.join(dir, 'out'))).toEqual([
      'pages/blog/post.json',
      'pages/blog/post.md',
      'pages/news/park.json',
      'pages/news/park.md',
      'pages/web/page.json',
      'pages/web/page.md',
    ]);
    const lines = r.stderr.split('\n');
    expect(lines).toContain('copydesk: skipped pages/empty.txt: empty or whitespace-only input');
    expect(lines).toContain('copydesk: failed pages/image.txt: binary, not text (PNG image)');
    expect(r.stderr).toMatch(/5 files seen: 3 cleaned, 1 skipped, 1 failed/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack traces
    expect(r.stdout).toBe('');

    const md = readFileSync(path.join(dir, 'out/pages/news/park.md'), 'utf8');
    expect(md).toContain('The council voted seven to two');
    const meta = JSON.parse(readFileSync(path.join(dir, 'out/pages/news/park.json'), 'utf8'));
    expect(meta.source).toMatchObject({ path: 'pages/news/park.txt', format: 'text' });
    const html = readFileSync(path.join(dir, 'out/pages/web/page.md'), 'utf8');
    expect(html).not.toContain('javascript:');
    expect(hashTree(path.join(dir, 'pages'))).toEqual(before);
    expect(listFiles(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('should exit 0 in-process with --concurrency 1 and --quiet, taking files and globs', () => {
    const dir = tempDir();
    write(dir, 'a.txt', ARTICLE);
    write(dir, 'more/b.txt', ARTICLE.replace('Town', 'City'));
    write(dir, 'more/c.text', ARTICLE.replace('Town', 'Village'));
    const r = run(['clean', 'a.txt', 'more/*.txt', '--concurrency', '1', '--quiet'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(listFiles(path.join(dir, 'output'))).toEqual([
      'a.json',
      'a.md',
      'more/b.json',
      'more/b.md',
    ]);
  });

  it('should keep the extension of two inputs that would share an output name, and say so', () => {
    const dir = tempDir();
    write(dir, 'docs/a.txt', ARTICLE);
    write(dir, 'docs/a.md', ARTICLE);
    const r = run(['clean', 'docs', '--out', 'out', '--concurrency', '1'], dir);
    expect(r.code).toBe(0);
    expect(listFiles(path.join(dir, 'out'))).toEqual([
      'docs/a.md.json',
      'docs/a.md.md',
      'docs/a.txt.json',
      'docs/a.txt.md',
    ]);
    expect(r.stderr).toMatch(
      /renamed docs\/a\.txt → docs\/a\.txt\.md \(another input has the same name/,
    );
    expect(readFileSync(path.join(dir, 'out/docs/a.txt.json'), 'utf8')).toContain(
      '"path": "docs/a.txt"',
    );
  });

  it('should skip broken and looping symlinks met while walking, and fail missing arguments', () => {
    const dir = tempDir();
    write(dir, 'site/ok.txt', ARTICLE);
    symlinkSync(path.join(dir, 'site/nowhere.txt'), path.join(dir, 'site/broken.txt'));
    symlinkSync(path.join(dir, 'site'), path.join(dir, 'site/loop'));
    symlinkSync(path.join(dir, 'site/self.txt'), path.join(dir, 'site/self.txt'));
    const r = run(['clean', 'site', '--concurrency', '1'], dir);
    expect(r.stderr).toContain('copydesk: skipped site/broken.txt: broken symbolic link');
    expect(r.stderr).toContain('copydesk: skipped site/self.txt: symbolic link loop');
    expect(r.stderr).toMatch(/skipped site\/loop: symbolic link loop/);
    expect(r.code).toBe(0);
    const missing = run(['clean', 'nope.txt', 'site/ok.txt', '--concurrency', '1'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('copydesk: failed nope.txt: no such file or directory');
  });

  it('should fail an input over --max-bytes and one over --timeout, and clean the rest', () => {
    const dir = tempDir();
    write(dir, 'in/big.txt', `${ARTICLE}\n`.repeat(50));
    write(dir, 'in/small.txt', ARTICLE);
    const r = run(['clean', 'in', '--max-bytes', '2000', '--concurrency', '1'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /failed in\/big\.txt: too large \(\d+\.\d kB; limit 2\.0 kB, see --max-bytes\)/,
    );
    expect(listFiles(path.join(dir, 'output'))).toEqual(['in/small.json', 'in/small.md']);

    const t = run(
      ['clean', 'in', '--out', 'slow', '--timeout', '0.001', '--concurrency', '2'],
      dir,
    );
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(
      /failed in\/big\.txt: over the time limit \(0\.001 s, see --timeout\)/,
    );
  });

  it('should print the run summary as JSON on stdout with --json', () => {
    const dir = tempDir();
    write(dir, 'x.txt', ARTICLE);
    const r = run(['clean', 'x.txt', '--json', '--quiet'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      seen: 1,
      cleaned: 1,
      failed: [],
      skipped: [],
      out: 'output',
    });
  });
});

describe('copydesk clean - (stdin)', () => {
  it('should write Markdown to stdout, or {markdown, metadata} with --json', () => {
    const dir = tempDir();
    const md = run(['clean', '-'], dir, ARTICLE);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('The council voted seven to two');
    expect(md.stderr).toBe('');
    const json = run(['clean', '-', '--json', '--from', 'text'], dir, ARTICLE);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.markdown).toBe(md.stdout);
    expect(parsed.metadata.source).toMatchObject({ path: '-', format: 'text' });
    expect(listFiles(dir)).toEqual([]);
  });

  it('should skip empty stdin (exit 0) and fail binary stdin (exit 1)', () => {
    const dir = tempDir();
    const empty = run(['clean', '-'], dir, '  \n');
    expect(empty).toMatchObject({ code: 0, stdout: '' });
    expect(empty.stderr).toBe('copydesk: skipped -: empty or whitespace-only input\n');
    const binary = run(['clean', '-'], dir, Buffer.alloc(64));
    expect(binary.code).toBe(1);
    expect(binary.stderr).toBe('copydesk: failed -: binary, not text (NUL bytes)\n');
  });
});

describe('copydesk usage errors', () => {
  it('should exit 2 with one line and a hint for bad usage', () => {
    const dir = tempDir();
    for (const args of [
      ['clean', 'x', '--bogus'],
      ['clean', 'x', '--quotes', 'fancy'],
      ['clean', 'x', '--from', 'pdf'],
      ['clean'],
      ['clean', 'x', '--concurrency', '0'],
      ['clean', '-', 'x.txt'],
      ['frobnicate'],
    ]) {
      const r = run(args, dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(
        /^copydesk: .+\nRun 'copydesk --help' for usage\.\n$/,
      );
    }
  });
});

describe('copydesk clean --resume', () => {
  it('should skip unchanged inputs, redo changed ones and ones whose outputs are gone', () => {
    const dir = tempDir();
    write(dir, 'in/a.txt', ARTICLE);
    write(dir, 'in/b.txt', ARTICLE.replace('Town', 'City'));
    write(dir, 'in/c.txt', ARTICLE.replace('Town', 'Village'));
    const first = run(['clean', 'in', '--resume', '--concurrency', '1'], dir);
    expect(first.code).toBe(0);
    const manifest = JSON.parse(
      readFileSync(path.join(dir, 'output/.copydesk-manifest.json'), 'utf8'),
    );
    expect(Object.keys(manifest.entries)).toEqual(['in/a.txt', 'in/b.txt', 'in/c.txt']);

    const again = run(['clean', 'in', '--resume', '--concurrency', '1'], dir);
    expect(again.stderr).toMatch(/3 files seen: 0 cleaned, 3 unchanged \(--resume\)/);

    write(dir, 'in/b.txt', ARTICLE.replace('Town', 'Hamlet'));
    rmSync(path.join(dir, 'output/in/c.md'));
    const third = run(['clean', 'in', '--resume', '--concurrency', '1'], dir);
    expect(third.stderr).toMatch(/3 files seen: 2 cleaned, 1 unchanged/);
    expect(readFileSync(path.join(dir, 'output/in/b.md'), 'utf8')).toContain('Hamlet');

    const otherOptions = run(
      ['clean', 'in', '--resume', '--quotes', 'straight', '--concurrency', '1'],
      dir,
    );
    expect(otherOptions.stderr).toMatch(/3 files seen: 3 cleaned/);
  });

  it('should stop on SIGINT with exit 130, no temp files, and a manifest to resume from', async () => {
    const dir = tempDir();
    for (let i = 0; i < 60; i++)
      write(dir, `in/p${String(i).padStart(2, '0')}.txt`, `${ARTICLE}\n`.repeat(5));
    const child = spawn(
      process.execPath,
      ['--import', TSX, CLI, 'clean', 'in', '--resume', '--concurrency', '1'],
      {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    // Wait until some outputs exist, then interrupt.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        try {
          if (readdirSync(path.join(dir, 'output/in')).some((f) => f.endsWith('.json'))) {
            clearInterval(timer);
            resolve();
          }
        } catch {
          // not yet
        }
      }, 20);
    });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) =>
      child.on('close', (c) => resolve(c)),
    );
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted');
    expect(listFiles(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const manifest = JSON.parse(
      readFileSync(path.join(dir, 'output/.copydesk-manifest.json'), 'utf8'),
    );
    const done = Object.keys(manifest.entries).length;
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(60);
    // Every recorded output is complete JSON; the re-run finishes the rest.
    for (const e of Object.values(manifest.entries) as { outputs: string[] }[])
      JSON.parse(readFileSync(path.join(dir, 'output', e.outputs[1]!), 'utf8'));
    const resumed = run(['clean', 'in', '--resume', '--concurrency', '1'], dir);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`${60 - done} cleaned, ${done} unchanged`);
  });
});

describe('copydesk clean --ndjson', () => {
  it('should answer each record on its own line in input order, errors included, exit 1', () => {
    const dir = tempDir();
    const records = [
      JSON.stringify({ id: 'a', content: ARTICLE }),
      '{not json',
      JSON.stringify({ id: 2, content: '   ' }),
      JSON.stringify({ id: 'c', content: 42 }),
      JSON.stringify({
        id: 'd',
        content:
          '<html><body><p>Hello <a href="javascript:x()">there</a> reader, this is the page.</p></body></html>',
        format: 'html',
        url: 'https://example.org/story',
      }),
      JSON.stringify({ id: 'e', content: 'x', format: 'pdf' }),
    ].join('\n');
    const r = run(['clean', '--ndjson'], dir, `${records}\n`);
    expect(r.code).toBe(1);
    const out = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', null, 2, 'c', 'd', 'e']);
    expect(out[0].markdown).toContain('The council voted seven to two');
    expect(out[1]).toEqual({ id: null, line: 2, error: 'not a JSON object' });
    expect(out[2]).toMatchObject({ id: 2, markdown: '', metadata: { status: 'empty' } });
    expect(out[3].error).toBe('missing string field "content"');
    expect(out[4].markdown).toContain('Hello there reader');
    expect(out[4].markdown).not.toContain('javascript');
    expect(out[4].metadata.source).toMatchObject({
      format: 'html',
      url: 'https://example.org/story',
    });
    expect(out[5].error).toMatch(/unknown format "pdf"/);
    expect(r.stderr).toContain('6 records: 2 cleaned, 1 empty, 3 failed');
  });
});
