/**
 * remark-apply-site-pack — per-site rules on top of the generic detectors.
 *
 * What: finds the site pack for the document (exact host, then parent domain,
 * then the packs' `detect()`, see `plugins/sites/resolve.ts`) and records it
 * in `file.data.site` (other plugins may use its related-list shape). Labels
 * the still-free blocks its text and heading rules match (rule id
 * `site/<host>/<name>`, confidence 0.9) and the section under its
 * related-list headings (`site/<host>/related`), whose items it reads into
 * `file.data.related` using the pack's item shape (replacing a generic
 * reading of the same items). Then runs the pack's own
 * plugins. Packs only add labels: a block already labelled, kept or given a
 * role is left alone, and the generic detectors still run. Selector rules are
 * applied on the HTML tree (`applyHastRules` in `apply-user-rules/hast.ts`).
 *
 * When: among the detectors, before `prune`. Leave it out (or pass
 * `packs: []`) to switch site rules off (`--no-site-rules`).
 *
 * Options:
 * - `packs` (default: the bundled packs of `plugins/sites/index.ts`).
 *
 * Messages: removals are reported by `prune` with rule ids `site/<host>/<name>`.
 */
import type { Nodes, Root } from 'mdast';
import { type Plugin, type Processor, unified } from 'unified';
import { applyMatchers } from '../apply-user-rules/apply.js';
import { type CompiledMatcher, compileMatcher } from '../apply-user-rules/matchers.js';
import { isFree, label } from '../shared/label.js';
import { blockText, squash } from '../shared/text.js';
import { sitePacks } from '../sites/index.js';
import { documentHost, packId, resolveSitePack } from '../sites/resolve.js';
import type { SitePack } from '../sites/types.js';
import { relatedItems } from './related.js';

export interface Options {
  /** Packs to choose from (default: the bundled packs). */
  packs?: readonly SitePack[] | undefined;
}

export const defaults = { packs: sitePacks } as const;

/** Confidence of a site rule's label: above the generic heuristics, below user rules. */
export const SITE_CONFIDENCE = 0.9;

/** How much of the text `detect()` sees. */
const DETECT_CHARS = 20_000;

interface CompiledPack {
  id: string;
  matchers: CompiledMatcher[];
  related: CompiledMatcher[];
  processor: Processor<Root, Root, Root> | undefined;
}

function compilePack(pack: SitePack): CompiledPack {
  if (!Array.isArray(pack.hosts) || pack.hosts.length === 0)
    throw new Error('remark-apply-site-pack: a pack needs at least one host in `hosts`');
  const id = packId(pack);
  const matchers: CompiledMatcher[] = [];
  for (const rule of pack.remove ?? []) {
    try {
      matchers.push(compileMatcher(rule));
    } catch (error) {
      throw new Error(`remark-apply-site-pack: pack ${id}: ${(error as Error).message}`);
    }
  }
  const related = (pack.related?.headings ?? []).map((heading) =>
    compileMatcher({ heading, name: 'related' }),
  );
  const processor =
    pack.plugins && pack.plugins.length > 0
      ? (unified().use(pack.plugins).freeze() as unknown as Processor<Root, Root, Root>)
      : undefined;
  return { id, matchers: matchers.filter((m) => m.kind !== 'selector'), related, processor };
}

export const remarkApplySitePack: Plugin<[Readonly<Options>?], Root> = (options) => {
  const packs = options?.packs ?? defaults.packs;
  if (!Array.isArray(packs)) throw new Error('remark-apply-site-pack: `packs` must be an array');
  const compiled = new Map<SitePack, CompiledPack>(packs.map((p) => [p, compilePack(p)]));

  return (tree, file) => {
    if (packs.length === 0) return;
    const host = documentHost(file);
    let text: string | undefined;
    const pack = resolveSitePack(packs, {
      host,
      htmlMeta: file.data.htmlMeta,
      // computed only if a pack's detect() reads it
      get text() {
        text ??= blockText(tree).slice(0, DETECT_CHARS);
        return text;
      },
    });
    if (!pack) return;
    const c = compiled.get(pack) as CompiledPack;
    file.data.site = { pack: c.id, host, related: pack.related };
    const labelFree = (node: Nodes, m: CompiledMatcher): boolean => {
      if (!isFree(node)) return false;
      const name = m.name ?? 'remove';
      return label(node, {
        ruleId: `site/${c.id}/${name}`,
        reason: `site pack ${c.id}: ${name} (${m.describe})`,
        confidence: SITE_CONFIDENCE,
      });
    };
    applyMatchers(tree, c.matchers, labelFree);
    const relatedBlocks: Nodes[] = [];
    applyMatchers(tree, c.related, (node, m) => {
      if (node.data?.copydesk?.keep) return;
      labelFree(node, m);
      if (!m.test(blockText(node))) relatedBlocks.push(node);
    });
    if (relatedBlocks.length > 0 && pack.related) {
      // The pack knows the list's shape: its reading replaces a generic one of the same items.
      const items = relatedItems(relatedBlocks, pack.related);
      const section = squash(relatedBlocks.map((b) => blockText(b)).join('\n'));
      const others = (file.data.related ?? []).filter((r) => !section.includes(squash(r.title)));
      if (items.length > 0) file.data.related = [...others, ...items];
    }
    if (c.processor) c.processor.runSync(tree, file);
  };
};

export default remarkApplySitePack;
