import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as plugins from '../plugins/index.js';

const PLUGINS_DIR = fileURLToPath(new URL('../plugins/', import.meta.url));
const NOT_PLUGINS = new Set(['shared', 'sites']);

const pascal = (name: string) =>
  name
    .split('-')
    .map((p) => p[0]?.toUpperCase() + p.slice(1))
    .join('');

describe('plugins/index.ts', () => {
  const folders = readdirSync(PLUGINS_DIR).filter(
    (n) => !NOT_PLUGINS.has(n) && existsSync(join(PLUGINS_DIR, n, 'index.ts')),
  );

  it('should re-export every plugin folder as remark<Name>', () => {
    const missing = folders.filter(
      (n) => typeof (plugins as Record<string, unknown>)[`remark${pascal(n)}`] !== 'function',
    );
    expect(missing, 'add these to plugins/index.ts').toEqual([]);
  });

  it('should export the same function as the plugin folder itself', async () => {
    for (const n of folders) {
      const mod = (await import(join(PLUGINS_DIR, n, 'index.ts'))) as Record<string, unknown>;
      expect((plugins as Record<string, unknown>)[`remark${pascal(n)}`], n).toBe(
        mod[`remark${pascal(n)}`],
      );
      expect(mod.default, `${n} default export`).toBe(mod[`remark${pascal(n)}`]);
    }
  });
});
