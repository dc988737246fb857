/**
 * The config file as the CLI sees it: find it (`--config FILE`, else upwards
 * from the first input's folder), then let every flag the user actually typed
 * beat the config value, and the config beat the flag's default.
 *
 * yargs fills defaults into argv, so "typed" is read from the raw arguments.
 */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CleanOptions } from '../options.js';
import { loadConfig } from './load.js';
import { type CopydeskConfig, parseSize } from './validate.js';

/** Config keys that are also `clean` flags, with the flag spellings (aliases included). */
export const CLI_FLAGS = {
  out: ['--out', '-o'],
  from: ['--from'],
  quotes: ['--quotes'],
  dashes: ['--dashes'],
  byline: ['--byline'],
  siteRules: ['--site-rules'],
  concurrency: ['--concurrency', '-j'],
  quiet: ['--quiet', '-q'],
  resume: ['--resume'],
  maxBytes: ['--max-bytes'],
  timeout: ['--timeout'],
  siteRepeats: ['--site-repeats'],
  links: ['--links'],
  images: ['--images'],
  tables: ['--tables'],
  withComments: ['--with-comments'],
  targetLanguage: ['--target-language'],
  maxBlocks: ['--max-blocks'],
} as const satisfies Partial<Record<keyof CopydeskConfig, readonly string[]>>;

/** Config keys typed on the command line (before `--`). */
export function typedFlags(raw: readonly string[]): Set<keyof typeof CLI_FLAGS> {
  const end = raw.indexOf('--');
  const args = end === -1 ? raw : raw.slice(0, end);
  const typed = new Set<keyof typeof CLI_FLAGS>();
  for (const [key, spellings] of Object.entries(CLI_FLAGS) as [
    keyof typeof CLI_FLAGS,
    readonly string[],
  ][]) {
    const hit = args.some((a) =>
      spellings.some((s) => {
        if (a === s || a.startsWith(`${s}=`)) return true;
        if (
          s.startsWith('--') &&
          (a === `--no-${s.slice(2)}` || a.startsWith(`--no-${s.slice(2)}=`))
        )
          return true;
        // a short alias may be bundled with a value (-j2) or other short flags (-qj 2)
        return (
          s.length === 2 &&
          /^-[a-zA-Z]+/.test(a) &&
          !a.startsWith('--') &&
          a.includes(s[1] as string)
        );
      }),
    );
    if (hit) typed.add(key);
  }
  return typed;
}

/** Where to start looking for a config file: the first input's folder, else `cwd`. */
export function configStartDir(inputs: readonly string[] | undefined, cwd: string): string {
  const first = inputs?.find((i) => i !== '-');
  if (!first) return cwd;
  const path = resolve(cwd, first);
  try {
    return statSync(path).isDirectory() ? path : dirname(path);
  } catch {
    // a glob or a missing path: start from its literal folder part, else cwd
    const literal = first.split(/[*?[{]/)[0] ?? '';
    return literal.includes('/')
      ? resolve(cwd, literal.slice(0, literal.lastIndexOf('/') + 1))
      : cwd;
  }
}

/** Options only a config file can set (no flag): they go to `clean()` as they are. */
export type ConfigOnlyOptions = Pick<
  CleanOptions,
  'keep' | 'drop' | 'lexicon' | 'sites' | 'referenceDate' | 'maxRemovedShare' | 'dashes' | 'favor'
>;

/**
 * Apply the config file to parsed `clean` arguments: returns the arguments
 * with config values for every flag not typed, plus the config-only options.
 * `args.config` (from `--config FILE`) names the file explicitly.
 */
export async function withConfigFile<
  T extends { config?: string | undefined; inputs?: string[] | undefined },
>(
  args: T,
  raw: readonly string[],
  cwd = process.cwd(),
): Promise<T & { configOptions: ConfigOnlyOptions; configPath: string | undefined }> {
  const loaded = await loadConfig(configStartDir(args.inputs, cwd), args.config);
  if (!loaded) return { ...args, configOptions: {}, configPath: undefined };
  const { config } = loaded;
  const typed = typedFlags(raw);
  const merged: Record<string, unknown> = { ...args };
  for (const key of Object.keys(CLI_FLAGS) as (keyof typeof CLI_FLAGS)[]) {
    const value = config[key];
    if (value !== undefined && !typed.has(key)) merged[key] = value;
  }
  if (config.maxBytes !== undefined && !typed.has('maxBytes'))
    merged.maxBytes = parseSize(config.maxBytes);
  const configOptions: ConfigOnlyOptions = {};
  if (config.keep) configOptions.keep = config.keep;
  if (config.drop) configOptions.drop = config.drop;
  if (config.lexicon) configOptions.lexicon = config.lexicon;
  if (config.sites) configOptions.sites = config.sites;
  if (config.referenceDate) configOptions.referenceDate = config.referenceDate;
  if (config.maxRemovedShare !== undefined) configOptions.maxRemovedShare = config.maxRemovedShare;
  if (config.dashes !== undefined && !typed.has('dashes')) configOptions.dashes = config.dashes;
  // --precision / --recall beat the config's `favor`
  if (config.favor !== undefined) configOptions.favor = config.favor;
  return { ...(merged as T), configOptions, configPath: loaded.path };
}
