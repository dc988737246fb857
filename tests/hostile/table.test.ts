/**
 * Issue 10's table of hostile inputs, each case a folder holding the bad file
 * between two control files, run as a folder batch, as a single file and
 * through stdin. Every case asserts the outcome, that the controls are
 * written, that the inputs are unchanged and that no stray file is left.
 *
 * "Bounded" cases must finish cleaned, or fail alone "over the time limit" at
 * `--timeout`: never hang, never take the batch down. A page of more blocks
 * than `--max-blocks` fails at once with that reason.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTROLS, hashTree, listTree, type Run, runCli, strays, writeCase } from './kit.js';

vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const TIMEOUT = '10';

type Expect = 'cleaned' | 'bounded' | 'binary' | 'too-many-blocks' | 'empty';

interface Case {
  name: string;
  file: string;
  data: () => string | Buffer;
  expect: Expect;
  from?: string;
}

function wordsLine(bytes: number): string {
  const words = ['harbour', 'ferry', 'crossing', 'pier', 'weather', 'season', 'timetable'];
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const w = words[(i * 7 + (i >> 3)) % words.length]!;
    out.push(w);
    n += w.length + 1;
  }
  return out.join(' ');
}

const CASES: Case[] = [
  {
    name: 'long-line',
    file: 'long.txt',
    data: () => wordsLine(5 * 1024 * 1024),
    expect: 'bounded',
  },
  {
    name: 'brackets',
    file: 'brackets.md',
    data: () => `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
    expect: 'bounded',
    from: 'markdown',
  },
  {
    name: 'unclosed-links',
    file: 'unclosed.md',
    data: () => '[a](b '.repeat(50_000),
    expect: 'bounded',
    from: 'markdown',
  },
  {
    name: 'emphasis-runs',
    file: 'emphasis.md',
    data: () => `${'*a **a _b __b '.repeat(20_000)}${'_'.repeat(20_000)}`,
    expect: 'bounded',
    from: 'markdown',
  },
  {
    name: 'backtick-runs',
    file: 'backticks.md',
    data: () => Array.from({ length: 1500 }, (_, i) => `${'`'.repeat(i + 1)}a`).join(''),
    expect: 'bounded',
    from: 'markdown',
  },
  {
    name: 'many-lines',
    file: 'lines.txt',
    data: () => Array.from({ length: 200_000 }, (_, i) => `a short line ${i}`).join('\n'),
    expect: 'too-many-blocks',
  },
  {
    name: 'random-bytes',
    file: 'random.txt',
    data: () => randomBytes(64 * 1024),
    expect: 'binary',
  },
  {
    name: 'dash-lines',
    file: 'dashes.md',
    data: () => '- \n'.repeat(100_000),
    // 100,000 empty list items: counted on the lines and refused over --max-blocks before the
    // parser builds them (it would run its worker out of memory).
    expect: 'too-many-blocks',
    from: 'markdown',
  },
  {
    name: 'dash-line',
    file: 'dash.md',
    data: () => '- '.repeat(100_000),
    // One line of `- ` pairs is a thematic break: a page that is only a rule has no words
    // and is skipped as empty (the stray rule is not kept), the same in every mode.
    expect: 'empty',
    from: 'markdown',
  },
];

let dir: string;
let inputs: string;
let before: Record<string, string>;
let batch: Run;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'copydesk-hostile-'));
  inputs = path.join(dir, 'in');
  for (const c of CASES) writeCase(inputs, c.name, { [c.file]: c.data() });
  before = hashTree(inputs);
  batch = runCli(['clean', 'in', '--out', 'out', '-j', '2', '--timeout', TIMEOUT], dir);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function checkOutcome(c: Case, stderr: string, display: string, written: boolean): void {
  const failed = new RegExp(`failed ${display.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: (.*)`).exec(
    stderr,
  );
  if (c.expect === 'empty') {
    expect(stderr).toContain(`skipped ${display}: empty or whitespace-only input`);
    expect(failed).toBeNull();
    expect(written).toBe(false);
  } else if (c.expect === 'too-many-blocks') {
    // Refused at once (--max-blocks), not cleaned for minutes or stopped at the time limit.
    expect(failed?.[1]).toMatch(/^too many blocks \(\d{3},000; limit 20,000, see --max-blocks\)$/);
    expect(written).toBe(false);
  } else if (c.expect === 'binary') {
    expect(failed?.[1]).toMatch(/^binary, not text/);
    expect(written).toBe(false);
  } else if (c.expect === 'cleaned') {
    expect(failed).toBeNull();
    expect(written).toBe(true);
  } else if (!written) {
    // Finished, or failed alone with a one-line reason (issue 10: time limit, memory ceiling, block limit).
    expect(failed?.[1]).toMatch(
      /^(over the time limit|worker died: out of memory|too many blocks \(\d[\d,]*; limit)/,
    );
  }
}

describe('hostile inputs in a folder batch', () => {
  it('should finish with exit 0 or 1, one line per failure, and no stack trace', () => {
    expect([0, 1]).toContain(batch.code);
    expect(batch.stderr).not.toMatch(/\n\s+at /);
    expect(batch.stderr).toMatch(/files seen/);
  });

  it.each(CASES)('$name: outcome as expected, controls written', (c) => {
    const out = path.join(dir, 'out/in', c.name);
    const written = listTree(path.join(dir, 'out/in')).includes(
      `${c.name}/${c.file.replace(/\.[^.]+$/, '')}.md`,
    );
    checkOutcome(c, batch.stderr, `in/${c.name}/${c.file}`, written);
    for (const control of CONTROLS)
      expect(readFileSync(path.join(out, control.replace('.txt', '.md')), 'utf8')).toMatch(
        /^# Harbour ferry service resumes/,
      );
  });

  it('should leave every input unchanged and no stray file', () => {
    expect(hashTree(inputs)).toEqual(before);
    expect(strays(dir)).toEqual([]);
  });

  it('should be idempotent on runs of empty list items under the block limit', () => {
    // The full-size dash cases are refused or empty (above); 10,000 items are cleaned.
    const first = runCli(
      ['clean', '-', '--from', 'markdown', '--timeout', '60'],
      dir,
      `Harbour notes\n\n${'- \n'.repeat(10_000)}\nThe ferry crossing resumed on Tuesday after the storm passed over the harbour.\n`,
    );
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('ferry crossing resumed');
    const again = runCli(
      ['clean', '-', '--from', 'markdown', '--timeout', '60'],
      dir,
      first.stdout,
    );
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
  });
});

describe('hostile inputs as a single file', () => {
  it.each(CASES)('$name', (c) => {
    const target = path.join('in', c.name, c.file);
    const out = `single-${c.name}`;
    const r = runCli(['clean', target, '--out', out, '--timeout', TIMEOUT], dir);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const files = listTree(path.join(dir, out)).filter((f) => !f.startsWith('.'));
    const written = files.some((f) => f.endsWith('.md'));
    checkOutcome(c, r.stderr, target, written);
    expect(r.code).toBe(written || c.expect === 'empty' ? 0 : 1);
    expect(strays(path.join(dir, out))).toEqual([]);
  });
});

describe('hostile inputs on stdin', () => {
  it.each(CASES)('$name', (c) => {
    const data = readFileSync(path.join(inputs, c.name, c.file));
    const r = runCli(
      ['clean', '-', '--timeout', TIMEOUT, ...(c.from ? ['--from', c.from] : [])],
      dir,
      data,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const written = r.code === 0 && r.stdout.length > 0;
    checkOutcome(c, r.stderr, '-', written);
    if (c.expect === 'empty') expect(r.code).toBe(0);
  });

  it('should leave the inputs unchanged after every mode', () => {
    expect(hashTree(inputs)).toEqual(before);
  });
});
