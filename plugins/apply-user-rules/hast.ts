/**
 * The HTML-tree stage of keep/drop rules and site packs: CSS selectors only
 * make sense before conversion to mdast (which drops classes and ids).
 *
 * - Elements matching a `keep` selector are protected: they and their
 *   ancestors carry `data-copydesk-keep` / `data-copydesk-keep-inside` (any
 *   later hast pruning must spare them, see `isProtected`), and their text is
 *   recorded in `file.data.keptTexts` so the mdast stage keeps the blocks they
 *   become.
 * - Elements matching a `drop` selector (rule id `user/drop`) or a site pack's
 *   selector (`site/<host>/<name>`) are removed and each removal is recorded as
 *   a message, unless they hold a kept element: then only what surrounds the
 *   kept part goes (keep > drop).
 */
import type { Element, ElementContent, Root as HastRoot, Parents } from 'hast';
import { matches, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { SOURCE } from '../shared/messages.js';
import { documentHost, lookupByHost, packId, resolveSitePack } from '../sites/resolve.js';
import type { SitePack } from '../sites/types.js';
import { type CompiledMatcher, compileMatcher, type UserRules } from './matchers.js';

declare module 'vfile' {
  interface DataMap {
    /** Selector keep/drop rules and site packs for the HTML stage (set by `Cleaner`, read by `applyHastRules`). */
    hastRules: HastRuleSettings;
  }
}

/** What the HTML stage needs; the Cleaner puts it on `file.data.hastRules`. */
export interface HastRuleSettings extends UserRules {
  sites?: Readonly<Record<string, UserRules>> | undefined;
  /** Site packs to resolve against (none when site rules are off). */
  packs?: readonly SitePack[] | undefined;
}

interface DropRule {
  ruleId: string;
  reason: string;
}

/** Whether a later hast pruning step must leave this element alone. */
export function isProtected(el: Element): boolean {
  const p = el.properties;
  return p.dataCopydeskKeep !== undefined || p.dataCopydeskKeepInside !== undefined;
}

/** Check a CSS selector; returns an error message or undefined. */
export function selectorProblem(selector: string): string | undefined {
  try {
    matches(selector, { type: 'element', tagName: 'div', properties: {}, children: [] });
    return undefined;
  } catch (error) {
    return `bad CSS selector ${JSON.stringify(selector)}: ${(error as Error).message}`;
  }
}

function selectors(list: UserRules['keep']): CompiledMatcher[] {
  return (list ?? []).map((m) => compileMatcher(m)).filter((m) => m.kind === 'selector');
}

/** Apply selector rules to an HTML tree (before conversion). Reads `file.data.hastRules`. */
export function applyHastRules(tree: HastRoot, file: VFile, settings = file.data.hastRules): void {
  if (!settings) return;
  const host = documentHost(file);
  const site = lookupByHost(settings.sites, host);
  const keeps = [...selectors(settings.keep), ...selectors(site?.keep)];
  const drops = new Map<Element, DropRule>();
  for (const m of [...selectors(settings.drop), ...selectors(site?.drop)])
    for (const el of selectAll(m.selector as string, tree))
      if (!drops.has(el))
        drops.set(el, { ruleId: 'user/drop', reason: `user rule: drop ${m.describe}` });
  const packs = settings.packs ?? [];
  if (packs.length > 0) {
    const pack = resolveSitePack(packs, { host, htmlMeta: file.data.htmlMeta, text: '' });
    if (pack) {
      const id = packId(pack);
      const rules = (pack.remove ?? []).filter((r) => 'selector' in r) as {
        selector: string;
        name: string;
      }[];
      for (const r of rules)
        for (const el of selectAll(r.selector, tree))
          if (!drops.has(el))
            drops.set(el, {
              ruleId: `site/${id}/${r.name}`,
              reason: `site pack ${id}: ${r.name} (selector ${r.selector})`,
            });
    }
  }
  const kept = new Set<Element>();
  for (const m of keeps) for (const el of selectAll(m.selector as string, tree)) kept.add(el);
  if (kept.size === 0 && drops.size === 0) return;

  const keptTexts: string[] = [];
  for (const el of kept) {
    el.properties.dataCopydeskKeep = 'user/keep';
    const text = hastToString(el).replace(/\s+/g, ' ').trim();
    if (text) keptTexts.push(text);
  }
  if (keptTexts.length > 0) file.data.keptTexts = [...(file.data.keptTexts ?? []), ...keptTexts];
  const inside = markAncestors(tree, kept);
  if (drops.size > 0) prune(tree, drops, kept, inside, file, undefined);
}

/** Mark the ancestors of kept elements; returns them. */
function markAncestors(tree: HastRoot, kept: Set<Element>): Set<Parents> {
  const inside = new Set<Parents>();
  const walk = (parent: Parents): boolean => {
    let has = false;
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      if (kept.has(child)) has = true;
      if (walk(child)) {
        has = true;
        inside.add(child);
        child.properties.dataCopydeskKeepInside = true;
      }
    }
    return has;
  };
  walk(tree);
  return inside;
}

/** Remove dropped elements; `dropping` is the rule of an ancestor being dropped around a kept part. */
function prune(
  parent: Parents,
  drops: Map<Element, DropRule>,
  kept: Set<Element>,
  inside: Set<Parents>,
  file: VFile,
  dropping: DropRule | undefined,
): void {
  const out: ElementContent[] = [];
  for (const child of parent.children as ElementContent[]) {
    const isKept = child.type === 'element' && kept.has(child);
    if (isKept) {
      out.push(child);
      continue;
    }
    const rule = (child.type === 'element' ? drops.get(child) : undefined) ?? dropping;
    const holdsKept = child.type === 'element' && inside.has(child);
    if (rule && !holdsKept) {
      report(file, child, rule);
      continue;
    }
    if (child.type === 'element') prune(child, drops, kept, inside, file, rule);
    out.push(child);
  }
  (parent as { children: ElementContent[] }).children = out;
}

function report(file: VFile, node: ElementContent, rule: DropRule): void {
  const text = hastToString(node).replace(/\s+/g, ' ').trim();
  if (!text) return;
  const msg = file.info(rule.reason, {
    ruleId: rule.ruleId,
    source: SOURCE,
    ...(node.position ? { place: node.position } : {}),
  });
  msg.actual = text;
  msg.expected = [];
  (msg as typeof msg & { confidence?: number }).confidence = 1;
}
