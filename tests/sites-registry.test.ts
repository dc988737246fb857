import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sitePacks } from '../plugins/sites/index.js';
import { identifierOf, packFolders, renderRegistry, SITES_DIR } from '../scripts/new-site.js';

describe('site pack registry (plugins/sites/index.ts)', () => {
  it('should list every pack folder, named by its first host', () => {
    const folders = packFolders();
    expect(folders.length).toBeGreaterThan(0);
    expect(sitePacks.map((p) => p.hosts[0])).toEqual(folders);
  });

  it('should give every pack its own fixtures and test', () => {
    for (const host of packFolders()) {
      expect(existsSync(join(SITES_DIR, host, 'fixtures')), `${host}/fixtures`).toBe(true);
      expect(existsSync(join(SITES_DIR, host, 'index.test.ts')), `${host}/index.test.ts`).toBe(
        true,
      );
    }
  });

  it('should import every folder (regenerate with `npm run new-site -- --registry`)', () => {
    const source = readFileSync(join(SITES_DIR, 'index.ts'), 'utf8');
    for (const host of packFolders())
      expect(source).toContain(`import ${identifierOf(host)} from './${host}/index.js';`);
    expect(renderRegistry(['news.example.com'])).toContain(
      "import newsExampleCom from './news.example.com/index.js';",
    );
  });
});
