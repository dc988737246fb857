/**
 * Every regular-expression literal in `src/` and `plugins/` (tests excluded),
 * found with the TypeScript scanner, and adversarial inputs for them: long
 * runs of the characters regexes usually repeat on, each followed by a
 * character that makes the match fail late (the classic trigger of
 * catastrophic backtracking).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface FoundRegex {
  file: string;
  line: number;
  source: string;
  regex: RegExp;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'fixtures' && entry.name !== 'node_modules') out.push(...sourceFiles(p));
    } else if (
      entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.test.ts') &&
      !entry.name.endsWith('.d.ts')
    )
      out.push(p);
  }
  return out;
}

export function findRegexes(root: string): FoundRegex[] {
  const found: FoundRegex[] = [];
  for (const dir of ['src', 'plugins'])
    for (const file of sourceFiles(path.join(root, dir))) {
      const text = readFileSync(file, 'utf8');
      const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
      const visit = (node: ts.Node): void => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const literal = node.getText(sf);
          const slash = literal.lastIndexOf('/');
          const flags = literal.slice(slash + 1).replace(/[gy]/g, '');
          try {
            found.push({
              file: path.relative(root, file),
              line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
              source: literal,
              regex: new RegExp(literal.slice(1, slash), flags),
            });
          } catch {
            // a flag this Node lacks: not ours to test
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
  return found;
}

const RUNS = [
  'a',
  ' ',
  '\t',
  '\n',
  '.',
  '-',
  '_',
  '0',
  '1',
  ',',
  "'",
  '"',
  '’',
  '“',
  '*',
  '#',
  '>',
  '<',
  '/',
  '=',
  'a ',
  'a.',
  'a-',
  '1,',
  '1.',
  'a\n',
  ' \n',
  '. ',
  '- ',
  '* ',
  'ab',
  'Aa',
  'A.',
  'é',
  '中',
  '»',
  '…',
  '<a ',
  '<div>',
  '&amp;',
  'http://',
  'a@',
  '@a',
  'by ',
  'By ',
  'A ',
  'and ',
  ', ',
  ' - ',
  '---',
  '...',
  'www.',
  '[a]',
  '(a)',
  '{a}',
  '|',
  '\\',
  '%',
  '+',
  ':',
  ';',
  '?',
  '!',
  '$',
  '~',
  '`',
  '^',
];
const TAILS = ['', '!', '\u0000', '\n!', ' !', 'a', '1', '-', '<'];

/** Adversarial strings of about `length` characters. */
export function adversarialInputs(length: number): string[] {
  const out: string[] = [];
  for (const run of RUNS) {
    const body = run.repeat(Math.ceil(length / run.length));
    for (const tail of TAILS) out.push(body + tail);
  }
  return out;
}
