/**
 * Issue 13 (part A), end to end: a CLI without surprises. Never touch an
 * input, never hide a failure, one set of options for clean/diff/review, and
 * every `--help` example runs. Real processes from source in temp folders.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ARTICLE, CLI, run, TSX, useTempDirs, write } from './helpers/cli.js';

vi.setConfig({ testTimeout: 240_000 });

const tempDir = useTempDirs('copydesk-safety-');
const BOILERPLATE = 'Subscribe to our newsletter\nFollow us on Twitter\nAll rights reserved\n';

describe('never touch an input, never hide a failure', () => {
  it('should refuse an output that would replace an input, up front, and leave it as it was', () => {
    const d = tempDir();
    write(d, 'post.md', `# Park\n\n${ARTICLE}\n`);
    const r = run(['clean', 'post.md', '-o', '.'], d);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(
      'copydesk: refusing to write post.md over the input post.md (--out .); choose another --out',
    );
    expect(readFileSync(path.join(d, 'post.md'), 'utf8')).toBe(`# Park\n\n${ARTICLE}\n`);
  });

  it('should fail up front, once, on an output folder that cannot be written, and on -o -', () => {
    const d = tempDir();
    write(d, 'a.txt', ARTICLE);
    write(d, 'b.txt', ARTICLE);
    const r = run(['clean', 'a.txt', 'b.txt', '-o', '/proc/copydesk-nope'], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^copydesk: cannot write to the output folder \/proc\/copydesk-nope: /,
    );
    expect(r.stderr.match(/copydesk-nope/g)).toHaveLength(1);
    const dash = run(['clean', 'a.txt', '-o', '-'], d);
    expect(dash.code).toBe(2);
    expect(dash.stderr).toMatch(/--out - is not a folder/);
    expect(readdirSync(d)).not.toContain('-');
  });

  it('should count pages by status, name them with --verbose, and exit 1 with --fail-on', () => {
    const d = tempDir();
    write(d, 'in/good.txt', ARTICLE);
    write(d, 'in/chrome.md', BOILERPLATE);
    const plain = run(['clean', 'in', '-o', 'out', '-j', '1', '--json'], d);
    expect(plain.code).toBe(0);
    const summary = JSON.parse(plain.stdout);
    expect(summary.statuses).toEqual({ ok: 1, empty: 0, not_article: 1, low_confidence: 0 });
    expect(summary.flagged).toEqual([
      { input: 'in/chrome.md', status: 'not_article', reasons: [expect.any(String)] },
    ]);
    expect(plain.stderr).toContain('pages by status: 1 ok, 1 not_article (--verbose names them)');
    const strict = run(
      ['clean', 'in', '-o', 'out', '-j', '1', '--fail-on', 'empty,not_article', '-v'],
      d,
    );
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/copydesk: {3}not_article in\/chrome\.md: \S/);
    expect(strict.stderr).toContain('exit 1: 1 not_article (--fail-on empty,not_article)');
    // near miss: statuses not named by --fail-on do not fail the run
    expect(
      run(['clean', 'in', '-o', 'out', '-j', '1', '--fail-on', 'low_confidence'], d).code,
    ).toBe(0);
  });

  it('should say which extensions a folder without cleanable files is read for, and exit 1', () => {
    const d = tempDir();
    write(d, 'docs/a.pdf', 'x');
    const r = run(['clean', 'docs', '-o', 'out'], d);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/failed docs: no cleanable files in this folder \(it reads \.txt/);
    const inside = run(['clean', 'docs', '-o', '.'], d);
    expect(inside.stderr).toMatch(/failed docs: inside the output folder \./);
  });

  it('should not count worker start-up against --timeout', () => {
    const d = tempDir();
    for (let i = 0; i < 4; i++) write(d, `in/p${i}.txt`, ARTICLE);
    const r = run(['clean', 'in', '-o', 'out', '-j', '2', '--timeout', '4', '-q'], d);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(path.join(d, 'out/in')).filter((f) => f.endsWith('.md'))).toHaveLength(4);
  });
});

describe('one set of options, one behaviour', () => {
  it('should suggest the nearest option for an unknown one', () => {
    const d = tempDir();
    const r = run(['clean', '-', '--quote', 'uk'], d, ARTICLE);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(
      'copydesk: unknown option --quote (did you mean --quotes?)',
    );
  });

  it('should give diff and review the options and config file of clean', () => {
    const d = tempDir();
    write(d, 'page.txt', ARTICLE.replace('debate that lasted', 'debate - that lasted'));
    write(d, 'copydesk.config.json', JSON.stringify({ dashes: 'en-spaced' }));
    const cleaned = run(
      ['clean', '-', '--config', 'copydesk.config.json'],
      d,
      readFileSync(path.join(d, 'page.txt'), 'utf8'),
    );
    expect(cleaned.stdout).toContain('debate – that lasted');
    const diff = run(
      ['diff', 'page.txt', '--url', 'https://example.com/a', '--no-site-rules', '--byline', 'keep'],
      d,
    );
    expect(diff.code).toBe(0);
    // the config's en-spaced dash, as clean writes it (the default would be an em dash)
    expect(diff.stdout).toContain('debate [---]{+–+} that lasted');
    const two = run(['diff', 'page.txt', 'page.txt'], d);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/takes one file \(got 2/);
    const review = run(['review', '-', '-o', 'rev', '--dashes', 'none'], d, ARTICLE);
    expect(review.code).toBe(0);
    expect(readFileSync(path.join(d, 'rev/index.html'), 'utf8')).toContain('riverside park');
  });

  it('should accept --max-bytes as a size', () => {
    const d = tempDir();
    const r = run(['clean', '-', '--max-bytes', '20MB'], d, ARTICLE);
    expect(r.code).toBe(0);
    const small = run(['clean', '-', '--max-bytes', '1kB'], d, ARTICLE.repeat(5));
    expect(small.code).toBe(1);
    expect(small.stderr).toMatch(/too large/);
  });
});

describe('output for other tools', () => {
  it('should write one JSON line per document for a batch, to stdout or to the --out file', () => {
    const d = tempDir();
    write(d, 'in/a.txt', ARTICLE);
    write(d, 'in/b.txt', ARTICLE.replace('riverside', 'lakeside'));
    const r = run(['clean', 'in', '--format', 'jsonl', '-j', '1', '-q'], d);
    expect(r.code).toBe(0);
    const records = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records.map((x) => x.input).sort()).toEqual(['in/a.txt', 'in/b.txt']);
    expect(records[0]).toMatchObject({ status: 'ok', markdown: expect.stringContaining('# ') });
    expect(readdirSync(d)).toEqual(['in']);
    const f = run(['clean', 'in', '--format', 'jsonl', '-o', 'all.jsonl', '-j', '1', '-q'], d);
    expect(f.code).toBe(0);
    expect(readFileSync(path.join(d, 'all.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('should write plain text and HTML per document', () => {
    const d = tempDir();
    write(d, 'a.txt', ARTICLE);
    expect(run(['clean', 'a.txt', '-o', 'out', '--format', 'txt', '-q'], d).code).toBe(0);
    expect(readdirSync(path.join(d, 'out')).sort()).toEqual(['a.json', 'a.txt']);
    expect(readFileSync(path.join(d, 'out/a.txt'), 'utf8')).not.toContain('# ');
    const html = run(['clean', '-', '--format', 'html'], d, ARTICLE);
    expect(html.stdout).toMatch(/^<h1>Town council approves/);
  });
});

describe('every --help example runs', () => {
  it('should run each example of clean, diff and review in a prepared folder', () => {
    const d = tempDir();
    write(d, 'seeds/article.txt', ARTICLE);
    write(
      d,
      'page.html',
      `<html><body><article><h1>Park</h1><p>${ARTICLE}</p></article></body></html>`,
    );
    write(d, 'in.ndjson', `${JSON.stringify({ id: '1', content: ARTICLE })}\n`);
    const examples: string[] = [];
    for (const command of ['clean', 'diff', 'review']) {
      const help = run([command, '--help'], d).stdout;
      const section = help.split(/^Examples:$/m)[1] ?? '';
      for (const line of section.split('\n')) {
        const m = /^\s+(copydesk \S.*?)\s{2,}\S/.exec(line);
        if (m?.[1]) examples.push(m[1]);
      }
    }
    expect(examples.length).toBeGreaterThanOrEqual(7);
    const cli = `'${process.execPath}' --import '${TSX}' '${CLI}'`;
    for (const example of examples) {
      const r = spawnSync('sh', ['-c', example.replace(/^copydesk/, cli)], {
        cwd: d,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(r.status, `${example}\n${r.stderr}`).toBe(0);
    }
  });
});
