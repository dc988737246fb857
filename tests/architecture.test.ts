/**
 * The shape of the code base, checked: shipped plugin code never imports
 * from `src/` (plugins are usable on their own; the shared types live in
 * `plugins/shared/types.ts`), and no module of `src/` or `plugins/` reaches
 * itself through its imports (type imports included).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `.ts` files under `dir`, without tests, fixtures and declaration files. */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'fixtures' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/(?<!\.test|\.d)\.ts$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** Relative specifiers a module imports: static, re-exports, `import()` calls and types. */
function relativeImports(source: string): string[] {
  const out: string[] = [];
  const pattern =
    /\b(?:import|export)\s(?:[^'";]*?\sfrom\s)?\s*['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g;
  for (const match of source.matchAll(pattern)) {
    const spec = match[1] ?? match[2];
    if (spec) out.push(spec);
  }
  return out;
}

/** Path of the `.ts` module a relative `.js` specifier names, relative to the root. */
function target(from: string, spec: string, known: ReadonlySet<string>): string {
  const base = resolve(dirname(from), spec);
  const candidates = [base.replace(/\.js$/, '.ts'), join(base, 'index.ts')];
  const hit = candidates.find((c) => known.has(c)) ?? candidates[0] ?? base;
  return hit;
}

/** Strongly connected groups of more than one module (Tarjan). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) groups.push(group);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return groups;
}

function importGraph(): Map<string, string[]> {
  const files = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'plugins'))];
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const specs = relativeImports(readFileSync(file, 'utf8'));
    graph.set(
      file,
      specs.map((spec) => target(file, spec, known)),
    );
  }
  return graph;
}

describe('relativeImports', () => {
  it('finds static, type, re-export and import() specifiers, not package names', () => {
    const source = [
      "import type { A } from '../../src/types.js';",
      "import { b,\n  c } from './b.js';",
      "export { d } from './d.js';",
      "export * from '../e.js';",
      "type F = import('./f.js').F;",
      "import 'vfile';",
      "import x from 'mdast';",
    ].join('\n');
    expect(relativeImports(source)).toEqual([
      '../../src/types.js',
      './b.js',
      './d.js',
      '../e.js',
      './f.js',
    ]);
  });
});

describe('architecture', () => {
  const graph = importGraph();

  it('shipped plugin code never imports from src/', () => {
    const offenders: string[] = [];
    const src = join(root, 'src');
    for (const [file, deps] of graph) {
      if (!file.startsWith(join(root, 'plugins'))) continue;
      for (const dep of deps)
        if (dep.startsWith(src)) offenders.push(`${relative(root, file)} → ${relative(root, dep)}`);
    }
    expect(offenders).toEqual([]);
  });

  it('has no import circles in src/ and plugins/', () => {
    const found = cycles(graph).map((group) => group.map((f) => relative(root, f)).sort());
    expect(found).toEqual([]);
  });

  it('the cycle finder sees a circle when there is one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(graph).map((g) => g.sort())).toEqual([['a', 'b', 'c']]);
  });
});
