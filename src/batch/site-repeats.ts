/**
 * `--site-repeats`: the batch's first pass. Every input is read and parsed
 * (no cleaning) and its block keys are counted per site, so the second pass
 * can remove blocks that recur on many pages of the same site
 * (`plugins/strip-site-repeats`).
 *
 * A page's site is the host of its canonical URL (HTML `<link rel=canonical>`
 * or `og:url`), else the folder it is in. Unreadable, binary or empty inputs
 * are left out of the counts (the second pass reports them).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { hostOfUrl } from '../../plugins/shared/url.js';
import { collectBlockKeys, type SiteRepeats } from '../../plugins/strip-site-repeats/index.js';
import { decode } from '../decode.js';
import { flattenDeep } from '../limits.js';
import type { CleanOptions } from '../options.js';
import { readInput, resolveFormat } from '../readers/index.js';
import type { InputFile } from './inputs.js';

export interface SiteCounts {
  /** Site key of each input (by display path). */
  siteOf: Map<string, string>;
  /** Counts per site key. */
  repeats: Map<string, SiteRepeats>;
}

export async function countSiteRepeats(
  files: readonly InputFile[],
  options: CleanOptions,
  maxBytes: number,
): Promise<SiteCounts> {
  const siteOf = new Map<string, string>();
  const counts = new Map<string, { pages: number; counts: Map<string, number> }>();
  for (const f of files) {
    let keys: Set<string>;
    let site: string;
    try {
      if ((await stat(f.abs)).size > maxBytes) continue;
      const bytes = await readFile(f.abs);
      const decoded = decode(bytes, f.display);
      if (decoded.text.trim() === '') continue;
      const format = resolveFormat(options.from ?? 'auto', f.display, decoded.text);
      const file = new VFile({ path: f.display, value: decoded.text });
      const tree = readInput(decoded.text, format, file);
      flattenDeep(tree);
      keys = collectBlockKeys(tree);
      const meta = file.data.htmlMeta;
      site =
        hostOfUrl(meta?.canonical) ??
        hostOfUrl(meta?.meta['og:url']) ??
        `folder:${path.posix.dirname(f.outKey)}`;
    } catch {
      continue;
    }
    siteOf.set(f.display, site);
    let entry = counts.get(site);
    if (!entry) {
      entry = { pages: 0, counts: new Map() };
      counts.set(site, entry);
    }
    entry.pages++;
    for (const k of keys) entry.counts.set(k, (entry.counts.get(k) ?? 0) + 1);
  }
  return { siteOf, repeats: counts };
}
