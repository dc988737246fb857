/**
 * The wider hostile kit (issue 10's last bullet), one folder batch over every
 * case folder: each bad file sits between two control files. Every case
 * asserts its outcome (cleaned / skipped with a warning / failed with a
 * reason), that the controls are written, that the inputs are unchanged and
 * that no stray file is left. The 50 MB case runs in `npm run bench`.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CONTROL,
  CONTROLS,
  hashTree,
  listTree,
  type Run,
  runCli,
  strays,
  writeCase,
} from './kit.js';

vi.setConfig({ testTimeout: 600_000, hookTimeout: 900_000 });

const PARA = CONTROL.split('\n');
const isRoot = process.getuid?.() === 0;

type Outcome =
  | { kind: 'cleaned'; check?: (markdown: string) => void }
  | { kind: 'skipped'; reason: RegExp }
  | { kind: 'failed'; reason: RegExp }
  | { kind: 'cleaned-or-failed'; reason: RegExp };

interface Case {
  name: string;
  file: string;
  data?: string | Buffer;
  outcome: Outcome;
}

const nested = (open: string, close: string, n: number, inner: string) =>
  `${open.repeat(n)}${inner}${close.repeat(n)}`;

const CASES: Case[] = [
  { name: 'empty', file: 'empty.txt', data: '', outcome: { kind: 'skipped', reason: /^empty/ } },
  {
    name: 'whitespace',
    file: 'blank.txt',
    data: ' \n\t\n\u00a0 \n\n',
    outcome: { kind: 'skipped', reason: /^empty or whitespace-only/ },
  },
  {
    name: 'nul-bytes',
    file: 'nul.txt',
    data: Buffer.concat([Buffer.from(PARA[0]!), Buffer.alloc(4000), Buffer.from(PARA[1]!)]),
    outcome: { kind: 'failed', reason: /^binary, not text \(NUL bytes\)/ },
  },
  {
    name: 'stray-nul',
    file: 'one-nul.txt',
    data: `${CONTROL.replace('forty', 'for\u0000ty')}\n`,
    outcome: { kind: 'cleaned', check: (md) => expect(md).not.toContain('\u0000') },
  },
  {
    name: 'invalid-utf8',
    file: 'bad.txt',
    data: Buffer.concat([Buffer.from(`${CONTROL}\n`), Buffer.from([0xc3, 0x28, 0xa0, 0xa1])]),
    outcome: { kind: 'cleaned', check: (md) => expect(md).toContain('Harbour ferry') },
  },
  {
    name: 'cr-only',
    file: 'mac.txt',
    data: CONTROL.replaceAll('\n', '\r'),
    outcome: {
      kind: 'cleaned',
      check: (md) => {
        expect(md).not.toContain('\r');
        expect(md).toMatch(/forty passengers on board\.\n\n/);
      },
    },
  },
  {
    name: 'mojibake',
    file: 'mojibake.txt',
    data: `${CONTROL}\nThe operatorâ€™s spokesman said the pierâ€™s repairs were finished.\n`,
    outcome: { kind: 'cleaned', check: (md) => expect(md).toContain('operator’s spokesman') },
  },
  {
    name: 'invisible',
    file: 'invisible.txt',
    data: CONTROL.replace('crossing', 'cross\u00ading').replace('passengers', 'pass\u200bengers'),
    outcome: {
      kind: 'cleaned',
      check: (md) => {
        expect(md).toContain('crossing');
        expect(md).toContain('passengers');
        expect(md).not.toMatch(/[\u00ad\u200b]/);
      },
    },
  },
  {
    name: 'deep-html',
    file: 'deep.html',
    data: `<html><body>${nested('<div>', '</div>', 100_000, `<p>${PARA[1]}</p>`)}</body></html>`,
    outcome: { kind: 'cleaned-or-failed', reason: /^nesting too deep to process$/ },
  },
  {
    name: 'deep-markdown',
    file: 'deep.md',
    data: `${'> '.repeat(100_000)}${PARA[1]}\n\n${'- '.repeat(50_000)}${PARA[2]}\n`,
    outcome: { kind: 'cleaned', check: (md) => expect(md).toContain('forty passengers') },
  },
  {
    name: 'misnested-tags',
    file: 'misnested.html',
    data: `<html><body><article><h1>${PARA[0]}</h1><p>${PARA[1]}</p>${'<b><i><span>x</b></i>'.repeat(20_000)}</article></body></html>`,
    outcome: { kind: 'cleaned-or-failed', reason: /^over the time limit/ },
  },
  {
    name: 'many-links',
    file: 'links.html',
    data: `<html><body><article><h1>${PARA[0]}</h1><p>${PARA[1]}</p><ul>${Array.from({ length: 10_000 }, (_, i) => `<li><a href="/p/${i}">Link ${i}</a></li>`).join('')}</ul></article></body></html>`,
    // Linear, but 10,000 list items take over a minute on a machine with a load of 30 (37 s
    // in-process at a load of 13): cleaned, or failed alone at the time limit, never a hang.
    outcome: { kind: 'cleaned-or-failed', reason: /^over the time limit/ },
  },
  {
    name: 'scripts',
    file: 'scripts.html',
    data: `<html><head><script>globalThis.pwned=1</script></head><body onload="pwned=2"><article><h1>${PARA[0]}</h1><p onclick="pwned=3">${PARA[1]}</p><img src=x onerror="pwned=4"><p><a href="javascript:pwned=5">${PARA[2]}</a></p><iframe src="javascript:pwned=6"></iframe><svg><script>pwned=7</script></svg></article></body></html>`,
    outcome: {
      kind: 'cleaned',
      check: (md) => {
        expect(md).toContain('forty passengers');
        expect(md).not.toMatch(/<script|onload|onclick|onerror|javascript:|pwned/i);
      },
    },
  },
  { name: 'space-name', file: 'with space.txt', outcome: { kind: 'cleaned' } },
  {
    name: 'shell-name',
    file: "semi;colon $(rm -rf x) & 'q' `b`.txt",
    outcome: { kind: 'cleaned' },
  },
  { name: 'glob-name', file: 'glob*?[ab]{c,d}.txt', outcome: { kind: 'cleaned' } },
  { name: 'dash-name', file: '-rf --help.txt', outcome: { kind: 'cleaned' } },
  { name: 'nfd-name', file: 'cafe\u0301 re\u0301sume\u0301.txt', outcome: { kind: 'cleaned' } },
  {
    name: 'unreadable',
    file: 'locked.txt',
    // Root reads every file: then this one cleans like any other.
    outcome: isRoot
      ? { kind: 'cleaned' }
      : { kind: 'failed', reason: /^unreadable \(permission denied\)$/ },
  },
];

let dir: string;
let inputs: string;
let before: Record<string, string>;
let batch: Run;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'copydesk-wide-'));
  inputs = path.join(dir, 'in');
  for (const c of CASES) writeCase(inputs, c.name, { [c.file]: c.data ?? `${CONTROL}\n` });
  chmodSync(path.join(inputs, 'unreadable/locked.txt'), 0o000);
  writeCase(inputs, 'links', {});
  symlinkSync(path.join(inputs, 'links/missing.txt'), path.join(inputs, 'links/dangling.txt'));
  symlinkSync(path.join(inputs, 'links'), path.join(inputs, 'links/loop'));
  before = hashTree(inputs);
  // 60 s: a loaded CI machine cleans 10,000 links in well under that; a hang would not finish.
  batch = runCli(['clean', 'in', '--out', 'out', '-j', '2', '--timeout', '60'], dir);
});

afterAll(() => {
  if (!dir) return;
  chmodSync(path.join(inputs, 'unreadable/locked.txt'), 0o644);
  rmSync(dir, { recursive: true, force: true });
});

function lineFor(kind: 'failed' | 'skipped', display: string): string | undefined {
  const prefix = `copydesk: ${kind} ${display}: `;
  return batch.stderr
    .split('\n')
    .find((l) => l.startsWith(prefix))
    ?.slice(prefix.length);
}

describe('the wider hostile kit, as one folder batch', () => {
  it('should finish with exit 0 or 1 and no stack trace', () => {
    expect([0, 1]).toContain(batch.code);
    expect(batch.stderr).not.toMatch(/\n\s+at /);
  });

  it.each(CASES)('$name: outcome as expected, controls written', (c) => {
    const display = `in/${c.name}/${c.file}`;
    const md = path.join(dir, 'out/in', c.name, `${c.file.replace(/\.[^.]+$/, '')}.md`);
    let markdown: string | undefined;
    try {
      markdown = readFileSync(md, 'utf8');
    } catch {
      markdown = undefined;
    }
    const o = c.outcome;
    if (o.kind === 'cleaned') {
      expect(lineFor('failed', display)).toBeUndefined();
      expect(markdown).toBeDefined();
      o.check?.(markdown!);
    } else if (o.kind === 'skipped') {
      expect(lineFor('skipped', display)).toMatch(o.reason);
      expect(markdown).toBeUndefined();
    } else if (o.kind === 'failed' || markdown === undefined) {
      expect(lineFor('failed', display)).toMatch(o.reason);
      expect(markdown).toBeUndefined();
    }
    for (const control of CONTROLS)
      expect(
        readFileSync(path.join(dir, 'out/in', c.name, control.replace('.txt', '.md')), 'utf8'),
      ).toMatch(/^# Harbour ferry service resumes/);
  });

  it('should skip dangling and looping symbolic links met while walking, with a warning', () => {
    expect(lineFor('skipped', 'in/links/dangling.txt')).toBe('broken symbolic link');
    expect(lineFor('skipped', 'in/links/loop')).toBe('symbolic link loop (folder already visited)');
    expect(listTree(path.join(dir, 'out/in/links')).filter((f) => f.endsWith('.md'))).toEqual(
      CONTROLS.map((c) => c.replace('.txt', '.md')).sort(),
    );
  });

  it('should leave every input unchanged and no stray file', () => {
    expect(hashTree(inputs)).toEqual(before);
    expect(strays(dir)).toEqual([]);
  });
});
