/**
 * remark-apply-user-rules — the user's own keep and drop rules.
 *
 * What: marks blocks matching a `keep` rule as kept (a kept block beats every
 * label, so no detector and no drop rule can remove it) and labels blocks
 * matching a `drop` rule for removal (rule id `user/drop`, confidence 1, the
 * reason names the rule). Rules are text patterns (a string is a
 * case-insensitive substring, `/re/flags` a regular expression), headings by
 * name with their section, or CSS selectors (HTML only: those are applied on
 * the HTML tree before conversion by `applyHastRules`, see `./hast.ts`).
 * Precedence: keep > drop > heuristics.
 *
 * When: first among the detectors, so a keep is in place before any label.
 *
 * Options:
 * - `keep` (default: `[]`): matchers of blocks to keep.
 * - `drop` (default: `[]`): matchers of blocks to remove.
 * - `sites` (default: `{}`): more `keep`/`drop` per host; `example.com` also
 *   covers its subdomains. The document's host is `file.data.source.host`
 *   (the `url` option), else the HTML canonical URL.
 *
 * Messages: removals are reported by `prune` with rule id `user/drop`.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { keep, label } from '../shared/label.js';
import { blockText, squash } from '../shared/text.js';
import { documentHost, lookupByHost } from '../sites/resolve.js';
import { applyMatchers, TEXT_BLOCKS } from './apply.js';
import { type CompiledMatcher, compileMatcher, type UserRules } from './matchers.js';

export type { Matcher, UserRules } from './matchers.js';

export interface Options extends UserRules {
  /** More rules for documents from one host (default: `{}`). */
  sites?: Readonly<Record<string, UserRules>> | undefined;
}

export const defaults = { keep: [], drop: [], sites: {} } as const;

interface Compiled {
  keep: CompiledMatcher[];
  drop: CompiledMatcher[];
}

function compileRules(rules: UserRules | undefined, where: string): Compiled {
  const one = (list: UserRules['keep'], kind: string) => {
    if (list !== undefined && !Array.isArray(list))
      throw new Error(`remark-apply-user-rules: \`${where}${kind}\` must be an array`);
    return (list ?? []).map((m) => {
      try {
        return compileMatcher(m);
      } catch (error) {
        throw new Error(
          `remark-apply-user-rules: \`${where}${kind}\`: ${(error as Error).message}`,
        );
      }
    });
  };
  return { keep: one(rules?.keep, 'keep'), drop: one(rules?.drop, 'drop') };
}

export const remarkApplyUserRules: Plugin<[Readonly<Options>?], Root> = (options) => {
  const global = compileRules(options, '');
  const sites: Record<string, Compiled> = {};
  for (const [host, rules] of Object.entries<UserRules>(options?.sites ?? defaults.sites))
    sites[host.toLowerCase()] = compileRules(rules, `sites.${host}.`);
  const anySites = Object.keys(sites).length > 0;

  return (tree, file) => {
    const site = anySites ? lookupByHost(sites, documentHost(file)) : undefined;
    const keeps = site ? [...global.keep, ...site.keep] : global.keep;
    const drops = site ? [...global.drop, ...site.drop] : global.drop;
    applyMatchers(tree, keeps, (node, m) => {
      keep(node, 'user/keep', `user rule: keep ${m.describe}`);
    });
    const keptTexts = file.data.keptTexts;
    if (keptTexts && keptTexts.length > 0) keepSelected(tree, keptTexts);
    applyMatchers(tree, drops, (node, m) => {
      if (node.data?.copydesk?.keep) return;
      label(node, { ruleId: 'user/drop', reason: `user rule: drop ${m.describe}`, confidence: 1 });
    });
  };
};

/** Keep the blocks that came from HTML elements a keep selector matched. */
function keepSelected(tree: Root, keptTexts: readonly string[]): void {
  visit(tree, (node) => {
    if (!TEXT_BLOCKS.has(node.type)) return;
    const text = squash(blockText(node));
    if (text && keptTexts.some((k) => k.includes(text)))
      keep(node, 'user/keep', 'user rule: keep selector');
  });
}

export default remarkApplyUserRules;
