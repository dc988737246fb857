/** The README's plugin table stays in step with `plugins/` and the exports. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as plugins from '../plugins/index.js';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const table = readme.slice(
  readme.indexOf('<!-- plugin-table:start -->'),
  readme.indexOf('<!-- plugin-table:end -->'),
);
const rows = [...table.matchAll(/^\| `([a-z-]+)` \| `(remark[A-Za-z]+)` \|/gm)].map((m) => ({
  folder: m[1]!,
  name: m[2]!,
}));
const folders = readdirSync(join(root, 'plugins'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && !['shared', 'sites'].includes(d.name))
  .map((d) => d.name)
  .sort();

describe('README plugin table', () => {
  it('should list every plugin folder once', () => {
    expect(rows.map((r) => r.folder).sort()).toEqual(folders);
  });

  it('should name each plugin by the export plugins/index.ts gives it', () => {
    for (const r of rows)
      expect(typeof (plugins as Record<string, unknown>)[r.name], r.name).toBe('function');
  });

  it('should give the two set-up commands', () => {
    expect(readme).toContain('npm install && npx copydesk clean seeds --out output');
    expect(readme).toContain('npm test');
  });
});
