/**
 * Finding and loading the config file: `copydesk.config.json` or
 * `copydesk.config.js` / `.mjs` (ESM, default export), searched upwards from
 * the input's folder (stopping at a folder with `.git`, or the filesystem
 * root), or given with `--config FILE`. CLI flags beat config values.
 */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CleanOptions } from '../options.js';
import { ConfigError, type CopydeskConfig, parseSize, validateConfig } from './validate.js';

/** File names looked for in each folder, in this order. */
export const CONFIG_NAMES = [
  'copydesk.config.json',
  'copydesk.config.js',
  'copydesk.config.mjs',
] as const;

export interface LoadedConfig {
  config: CopydeskConfig;
  /** Absolute path of the file. */
  path: string;
}

/** The config file that applies to `startDir`: the nearest one upwards, stopping at a `.git` folder or the root. */
export function findConfig(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    const found = CONFIG_NAMES.map((n) => join(dir, n)).filter((p) => isFile(p));
    if (found.length > 1)
      throw new ConfigError(
        `two config files in ${dir}: ${found.map((p) => p.slice(dir.length + 1)).join(' and ')} (keep one)`,
      );
    if (found[0]) return found[0];
    if (existsSync(join(dir, '.git'))) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Load the config: `explicitPath` when given (it must exist), else the nearest
 * config file upwards from `startDir`. Undefined when there is none.
 */
export async function loadConfig(
  startDir: string,
  explicitPath?: string,
): Promise<LoadedConfig | undefined> {
  const path = explicitPath !== undefined ? resolve(explicitPath) : findConfig(startDir);
  if (path === undefined) return undefined;
  if (!isFile(path)) throw new ConfigError(`config file not found: ${explicitPath ?? path}`);
  return { config: validateConfig(await readConfigFile(path), path), path };
}

async function readConfigFile(path: string): Promise<unknown> {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new ConfigError(
        `${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
    try {
      return JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new ConfigError(`${path}: invalid JSON (${(error as Error).message.split('\n')[0]})`);
    }
  }
  if (ext === '.js' || ext === '.mjs') {
    let mod: { default?: unknown };
    try {
      mod = await importConfig(path);
    } catch (error) {
      throw new ConfigError(`${path}: cannot load (${(error as Error).message.split('\n')[0]})`);
    }
    if (mod.default === undefined)
      throw new ConfigError(`${path}: no default export (use \`export default { … }\`)`);
    return mod.default;
  }
  throw new ConfigError(`${path}: a config file must end in .json, .js or .mjs`);
}

/** Import specifiers of copydesk itself in a config module (`from 'copydesk'`, `'copydesk/plugins'`). */
const SELF_IMPORT = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])copydesk(\/plugins)?\2/g;

/**
 * Import a `.js`/`.mjs` config. `import { defineConfig } from 'copydesk'`
 * must work even where copydesk is not installed (a global install, `npx`):
 * when the folder cannot resolve `copydesk`, the config is imported from a
 * copy beside it whose copydesk imports point at this copydesk, and the copy
 * is removed at once.
 */
async function importConfig(path: string): Promise<{ default?: unknown }> {
  const source = readFileSync(path, 'utf8');
  if (!new RegExp(SELF_IMPORT.source).test(source) || resolvesCopydesk(path))
    return (await import(pathToFileURL(path).href)) as { default?: unknown };
  // this copydesk's own modules (index.ts from source, index.js built), as absolute paths
  const ext = fileURLToPath(import.meta.url).endsWith('.ts') ? '.ts' : '.js';
  const here = (rel: string) => fileURLToPath(new URL(`${rel}${ext}`, import.meta.url));
  const rewritten = source.replace(
    SELF_IMPORT,
    (_, lead: string, quote: string, plugins: string | undefined) =>
      `${lead}${quote}${here(plugins ? '../../plugins/index' : '../index')}${quote}`,
  );
  const copy = join(dirname(path), `.copydesk-config-${process.pid}-${Date.now()}.mjs`);
  writeFileSync(copy, rewritten);
  try {
    return (await import(pathToFileURL(copy).href)) as { default?: unknown };
  } finally {
    rmSync(copy, { force: true });
  }
}

function resolvesCopydesk(path: string): boolean {
  try {
    createRequire(path).resolve('copydesk');
    return true;
  } catch {
    return false;
  }
}

/**
 * Merge a config with the CLI's values: a CLI value that is not `undefined`
 * wins. (So the CLI must not give yargs defaults to these options.)
 */
export function mergeConfig(
  config: Readonly<CopydeskConfig> | undefined,
  cliArgs: Readonly<Partial<Record<keyof CopydeskConfig, unknown>>>,
): CopydeskConfig {
  const merged: Record<string, unknown> = { ...(config ?? {}) };
  for (const [key, value] of Object.entries(cliArgs)) if (value !== undefined) merged[key] = value;
  delete merged.$schema;
  return merged as CopydeskConfig;
}

/** Options that drive the batch runner rather than the cleaning of one document. */
export interface RunSettings {
  out: string | undefined;
  concurrency: number | undefined;
  maxBytes: number | undefined;
  timeout: number | undefined;
  resume: boolean | undefined;
  quiet: boolean | undefined;
  siteRepeats: boolean | undefined;
}

/** Split a (merged) config into `clean()` options and batch settings. */
export function splitConfig(config: Readonly<CopydeskConfig>): {
  options: CleanOptions;
  run: RunSettings;
} {
  const {
    out,
    concurrency,
    maxBytes,
    timeout,
    resume,
    quiet,
    siteRepeats,
    $schema: _,
    ...rest
  } = config;
  const options: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) options[k] = v;
  return {
    options: options as CleanOptions,
    run: {
      out,
      concurrency,
      maxBytes: maxBytes === undefined ? undefined : parseSize(maxBytes),
      timeout,
      resume,
      quiet,
      siteRepeats,
    },
  };
}

/** Identity helper for `copydesk.config.js`: `export default defineConfig({ … })`. */
export function defineConfig(config: CopydeskConfig): CopydeskConfig {
  return config;
}
