/**
 * Output names (README "Output names", `src/batch/naming.ts`): one test per
 * rule, each with the near miss that must not trigger it.
 */
import { describe, expect, it } from 'vitest';
import { assignOutputNames, MAX_NAME_BYTES, shortHash } from '../../src/batch/naming.js';

function inputs(...names: string[]) {
  return names.sort().map((n) => ({
    abs: `/data/${n}`,
    display: n,
    outKey: n.replace(/\.[^./]*$/, ''),
  }));
}

function keys(...names: string[]): string[] {
  return assignOutputNames(inputs(...names)).map((n) => n.outKey);
}

describe('output names', () => {
  it('should map a/b/name.ext to a/b/name (rule 1) and report nothing', () => {
    const named = assignOutputNames(inputs('a/b/name.txt', 'a/c/name.html'));
    expect(named).toEqual([{ outKey: 'a/b/name' }, { outKey: 'a/c/name' }]);
  });

  it('should keep the extension of every input in a folder that shares a stem (rule 2)', () => {
    expect(keys('in/report.txt', 'in/report.html', 'in/report.md', 'in/other.txt')).toEqual([
      'in/other',
      'in/report.html',
      'in/report.md',
      'in/report.txt',
    ]);
    const named = assignOutputNames(inputs('in/report.txt', 'in/report.md'));
    expect(named.every((n) => /same name with another extension/.test(n.renamed ?? ''))).toBe(true);
  });

  it('should treat names that differ in case or Unicode normalisation as one (rule 2, case-insensitive file systems)', () => {
    expect(keys('in/Report.TXT', 'in/report.md')).toEqual(['in/Report.TXT', 'in/report.md']);
    const nfc = 'caf\u00e9';
    const nfd = 'cafe\u0301';
    expect(keys(`in/${nfc}.txt`, `in/${nfd}.md`)).toEqual([`in/${nfd}.md`, `in/${nfc}.txt`]);
    // Near miss: same stem in two folders is no collision.
    expect(keys('a/report.txt', 'b/report.md')).toEqual(['a/report', 'b/report']);
  });

  it('should shorten a name over the byte limit deterministically, with a short hash (rule 3)', () => {
    const long = `${'é'.repeat(120)}.txt`; // 240 bytes of UTF-8 before the extension
    const [a] = assignOutputNames(inputs(`in/${long}`));
    const [b] = assignOutputNames(inputs(`in/${long}`));
    expect(a).toEqual(b);
    const base = a!.outKey.slice('in/'.length);
    expect(Buffer.byteLength(base)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(base.endsWith(`~${shortHash(`in/${long}`)}`)).toBe(true);
    expect(base.startsWith('é'.repeat(90))).toBe(true); // cut between characters, not inside one
    expect(a!.renamed).toMatch(/name too long/);
    // Near miss: exactly at the limit stays whole.
    const edge = `${'x'.repeat(MAX_NAME_BYTES)}.txt`;
    expect(assignOutputNames(inputs(edge))).toEqual([{ outKey: 'x'.repeat(MAX_NAME_BYTES) }]);
  });

  it('should give a name still taken by an earlier input a hash suffix (rule 4)', () => {
    const named = assignOutputNames(inputs('in/report.txt', 'in/report.md', 'in/report.txt.md'));
    expect(named.map((n) => n.outKey)).toEqual([
      'in/report.md',
      'in/report.txt',
      `in/report.txt~${shortHash('in/report.txt.md')}`,
    ]);
    expect(named[2]!.renamed).toMatch(/taken by another input/);
    const all = new Set(named.map((n) => n.outKey.toLowerCase()));
    expect(all.size).toBe(3);
  });
});
