/**
 * remark-keep-html-content — the HTML keep rule: a block inside the page's
 * main content container, found by a specific signal (`itemprop=articleBody`,
 * an `article-body`/`entry-content`-like class or id), is not removed on
 * positional evidence alone.
 *
 * What: after the detectors, a block whose hints say it lies inside such a
 * container, that carries no chrome evidence of its own, is not a heading nor
 * mostly links (related-link lists live inside containers too), and whose label
 * comes from a positional rule (default: `outside-article`, the article
 * region finder's "outside the longest prose run") is kept, with a reason
 * naming the container. A heading is kept only with its section: when the
 * block after it stays. Labels from content rules (newsletter, related,
 * dedupe, share/ad classes …) are left as they are.
 *
 * When: after every detector, before the guard and prune. A no-op on text and
 * Markdown input (no hints).
 *
 * Options: `positionalRules` (default: `['outside-article']`) — rule ids whose
 * labels the container overrides; `maxLinkShare` (default: `0.5`) — blocks
 * with this share of their characters in links or more are never kept.
 *
 * Messages: none (kept blocks stay; the keep is on the node as
 * `html-content-container`).
 */
import type { Nodes, Root } from 'mdast';
import type { Plugin } from 'unified';
import { keep, peek } from '../shared/label.js';
import { blockText } from '../shared/text.js';

export interface Options {
  /** Rule ids whose labels a specific content container overrides (default: `['outside-article']`). */
  positionalRules?: readonly string[];
  /** Blocks with this share of their text in links or more are not kept (default: `0.5`). */
  maxLinkShare?: number;
}

export const defaults = {
  positionalRules: ['outside-article'],
  maxLinkShare: 0.5,
} as const satisfies Required<Options>;

const RULE = 'html-content-container';

export const remarkKeepHtmlContent: Plugin<[Readonly<Options>?], Root> = (options) => {
  const rules = options?.positionalRules ?? defaults.positionalRules;
  if (!Array.isArray(rules) || rules.some((r) => typeof r !== 'string'))
    throw new Error('remark-keep-html-content: `positionalRules` must be a list of rule ids');
  const positional = new Set(rules);
  const maxLinkShare = options?.maxLinkShare ?? defaults.maxLinkShare;
  if (!(maxLinkShare > 0 && maxLinkShare <= 1))
    throw new Error('remark-keep-html-content: `maxLinkShare` must be in (0, 1]');
  const protectable = (child: Nodes): boolean => {
    const m = peek(child);
    const hints = m?.hints;
    return (
      !!m?.label &&
      !m.keep &&
      positional.has(m.label.ruleId) &&
      hints?.content === 'inside' &&
      !!hints.container?.specific &&
      (hints.chrome ?? []).length === 0 &&
      linkShare(child) < maxLinkShare
    );
  };
  const stays = (node: Nodes | undefined): boolean => {
    const m = node && peek(node);
    return !!node && (!m?.label || !!m.keep);
  };
  return (tree) => {
    const walk = (node: Nodes): void => {
      if (!('children' in node)) return;
      const children = node.children as Nodes[];
      for (const child of children) {
        if (child.type !== 'heading' && protectable(child)) {
          const hints = peek(child)!.hints!;
          keep(
            child,
            RULE,
            `inside the main content container (${hints.container!.evidence}): ${peek(child)!.label!.ruleId} alone does not remove it`,
          );
          continue;
        }
        walk(child);
      }
      // A subhead stays with the section it opens: a heading of the container
      // whose next block stays (kept above, or never labelled) is kept too.
      children.forEach((child, i) => {
        if (child.type === 'heading' && protectable(child) && stays(children[i + 1])) {
          const hints = peek(child)!.hints!;
          keep(
            child,
            RULE,
            `heading of a section kept inside the main content container (${hints.container!.evidence})`,
          );
        }
      });
    };
    walk(tree);
  };
};

/** Share of a block's characters that sit inside links. */
function linkShare(node: Nodes): number {
  const all = blockText(node).replace(/\s+/g, '').length;
  if (all === 0) return 1;
  let linked = 0;
  const walk = (n: Nodes): void => {
    if (n.type === 'link') {
      linked += blockText(n).replace(/\s+/g, '').length;
      return;
    }
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  walk(node);
  return linked / all;
}

export default remarkKeepHtmlContent;
