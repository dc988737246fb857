/**
 * Awkward names end to end (issue 10's table): a 255-byte file name, three
 * inputs sharing a stem, and `--` before names that start with a dash, in
 * batch and single-file modes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { shortHash } from '../../src/batch/naming.js';
import { CONTROL, CONTROLS, hashTree, listTree, runCli, strays, writeCase } from './kit.js';

vi.setConfig({ testTimeout: 300_000 });

const temps: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'copydesk-names-'));
  temps.push(d);
  return d;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

const LONG = `${'a'.repeat(251)}.txt`; // 255 bytes: the longest name a file system allows

describe('a 255-byte file name', () => {
  it('should get a shortened, deterministic output name with a short hash, reported in the summary', () => {
    const dir = tempDir();
    writeCase(dir, 'long', { [LONG]: CONTROL });
    const before = hashTree(dir);
    const hash = shortHash(`long/${LONG}`);
    const expected = `${'a'.repeat(191)}~${hash}`;
    for (const args of [['long'], [`long/${LONG}`]]) {
      const out = `out-${args[0] === 'long' ? 'batch' : 'single'}`;
      const r = runCli(['clean', ...args, '--out', out], dir);
      expect(r.code).toBe(0);
      expect(listTree(path.join(dir, out, 'long'))).toContain(`${expected}.md`);
      expect(r.stderr).toContain(`renamed long/${LONG} → long/${expected}.md (name too long`);
      expect(strays(path.join(dir, out))).toEqual([]);
    }
    expect(pick(hashTree(dir), /^long\//)).toEqual(before);
  });
});

function pick(tree: Record<string, string>, re: RegExp): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).filter(([k]) => re.test(k)));
}

describe('report.txt, report.html and report.md in one folder', () => {
  it('should write five outputs pairs, none overwriting another', () => {
    const dir = tempDir();
    writeCase(dir, 'r', {
      'report.txt': CONTROL,
      'report.html': `<html><head><title>Report</title></head><body><article><h1>Report from the pier</h1><p>${CONTROL.split('\n')[1]}</p></article></body></html>`,
      'report.md': `# Report in Markdown\n\n${CONTROL.split('\n').slice(1).join('\n\n')}\n`,
    });
    const r = runCli(['clean', 'r', '--out', 'out'], dir);
    expect(r.code).toBe(0);
    expect(listTree(path.join(dir, 'out/r')).filter((f) => f.endsWith('.md'))).toEqual([
      '0-control.md',
      'report.html.md',
      'report.md.md',
      'report.txt.md',
      '~control.md',
    ]);
    const sources = ['report.html', 'report.md', 'report.txt'].map(
      (f) => JSON.parse(readFileSync(path.join(dir, 'out/r', `${f}.json`), 'utf8')).source.path,
    );
    expect(sources).toEqual(['r/report.html', 'r/report.md', 'r/report.txt']);
    expect(r.stderr.match(/renamed r\/report\./g)).toHaveLength(3);
  });
});

describe('-- ends the options', () => {
  it('should clean names that start with a dash, as a file and in a folder', () => {
    const dir = tempDir();
    writeCase(dir, '-dash', { '-rf.txt': CONTROL });
    const single = runCli(['clean', '--out', 'o1', '--', '-dash/-rf.txt'], dir);
    expect(single.code).toBe(0);
    expect(listTree(path.join(dir, 'o1'))).toEqual(['-dash/-rf.json', '-dash/-rf.md']);
    const folder = runCli(['clean', '--out', 'o2', '--', '-dash'], dir);
    expect(folder.code).toBe(0);
    expect(listTree(path.join(dir, 'o2/-dash')).filter((f) => f.endsWith('.md'))).toEqual(
      ['-rf.md', ...CONTROLS.map((c) => c.replace('.txt', '.md'))].sort(),
    );
    // Near miss: without `--` a leading dash is still an option.
    const bad = runCli(['clean', '--out', 'o3', '-dash/-rf.txt'], dir);
    expect(bad.code).toBe(2);
  });
});
