/**
 * Per-site overrides (`sites: { "example.com": { … } }`): rules go to the
 * keep/drop plugin and the HTML stage (which look the host up per document);
 * other keys (quotes, byline, siteRules, maxRemovedShare, lexicon) give the
 * site's documents a processor of their own (`Cleaner` caches one per entry).
 */
import type { HastRuleSettings } from '../../plugins/apply-user-rules/hast.js';
import type { Options as UserRulesOptions } from '../../plugins/apply-user-rules/index.js';
import type { UserRules } from '../../plugins/apply-user-rules/matchers.js';
import { lookupByHost } from '../../plugins/sites/resolve.js';
import type { ResolvedOptions, SiteOptions } from '../options.js';

function rulesBySite(
  sites: ResolvedOptions['sites'],
): Record<string, UserRules & { siteRules?: boolean }> {
  const out: Record<string, UserRules & { siteRules?: boolean }> = {};
  for (const [host, site] of Object.entries(sites)) {
    const entry: UserRules & { siteRules?: boolean } = {};
    if (site.keep) entry.keep = site.keep;
    if (site.drop) entry.drop = site.drop;
    if (site.siteRules !== undefined) entry.siteRules = site.siteRules;
    out[host.toLowerCase()] = entry;
  }
  return out;
}

/** Options of `remark-apply-user-rules` for the preset. */
export function userRulesOf(options: ResolvedOptions): UserRulesOptions {
  return { keep: options.keep, drop: options.drop, sites: rulesBySite(options.sites) };
}

/** Settings of the HTML stage (`file.data.hastRules`). */
export function hastRulesOf(options: ResolvedOptions): HastRuleSettings {
  return {
    keep: options.keep,
    drop: options.drop,
    sites: rulesBySite(options.sites),
    packs: options.siteRules ? options.sitePacks : [],
  };
}

const PROCESSOR_KEYS = [
  'quotes',
  'dashes',
  'byline',
  'siteRules',
  'maxRemovedShare',
  'lexicon',
] as const;

/** The `sites` entry for `host` when it changes more than rules (it needs its own processor). */
export function siteOverrideFor(
  options: ResolvedOptions,
  host: string | undefined,
): SiteOptions | undefined {
  const site = lookupByHost(options.sites, host);
  if (!site || !PROCESSOR_KEYS.some((k) => site[k] !== undefined)) return undefined;
  return site;
}

/** Options for a site's own processor: the global ones with the site's keys on top (rules stay global: the plugins look them up per host). */
export function withSiteOverride(options: ResolvedOptions, site: SiteOptions): ResolvedOptions {
  const merged: ResolvedOptions = { ...options };
  if (site.quotes !== undefined) merged.quotes = site.quotes;
  if (site.dashes !== undefined) merged.dashes = site.dashes;
  if (site.byline !== undefined) merged.byline = site.byline;
  if (site.siteRules !== undefined) merged.siteRules = site.siteRules;
  if (site.maxRemovedShare !== undefined) merged.maxRemovedShare = site.maxRemovedShare;
  if (site.lexicon !== undefined) merged.lexicon = mergeLexicon(options.lexicon, site.lexicon);
  return merged;
}

function mergeLexicon(
  a: ResolvedOptions['lexicon'],
  b: NonNullable<ResolvedOptions['lexicon']>,
): ResolvedOptions['lexicon'] {
  const out: Record<string, readonly string[]> = { ...(a ?? {}) };
  for (const [k, v] of Object.entries(b)) out[k] = [...(out[k] ?? []), ...(v ?? [])];
  return out;
}
