/**
 * Which site a document comes from, and which site pack (or per-site config
 * override) applies to it. Lookup order, as Mercury's `get-extractor`: the
 * exact host, then each parent domain (`www.news.example.com` →
 * `news.example.com` → `example.com`), then the packs' `detect()`, else none.
 */
import type { VFile } from 'vfile';
import { hostOfUrl } from '../shared/url.js';
import type { DetectInput, SitePack } from './types.js';

export type { DetectInput } from './types.js';

/**
 * Host of the document: `file.data.source.host` (from the `url` option),
 * else the HTML canonical URL, else `og:url`.
 */
export function documentHost(file: VFile): string | undefined {
  const meta = file.data.htmlMeta;
  return file.data.source?.host ?? hostOfUrl(meta?.canonical) ?? hostOfUrl(meta?.meta['og:url']);
}

/** The host and its parent domains, most specific first (never a bare TLD). */
export function hostCandidates(host: string): string[] {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length === 1) return labels;
  const out: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) out.push(labels.slice(i).join('.'));
  return out;
}

/** The entry of `byHost` for `host`: exact host first, then parent domains. */
export function lookupByHost<T>(
  byHost: Readonly<Record<string, T>> | undefined,
  host: string | undefined,
): T | undefined {
  if (!byHost || !host) return undefined;
  for (const candidate of hostCandidates(host)) {
    if (Object.hasOwn(byHost, candidate)) return byHost[candidate];
  }
  return undefined;
}

/** The host a pack is known by in rule ids (`site/<host>/<name>`). */
export function packId(pack: SitePack): string {
  return pack.hosts[0] ?? 'unknown';
}

/** The pack for a document: exact host, base domain, `detect()`, else undefined. */
export function resolveSitePack(
  packs: readonly SitePack[],
  input: DetectInput,
): SitePack | undefined {
  if (input.host) {
    for (const candidate of hostCandidates(input.host)) {
      const hit = packs.find((p) => p.hosts.some((h) => h.toLowerCase() === candidate));
      if (hit) return hit;
    }
  }
  return packs.find((p) => p.detect?.(input) === true);
}
