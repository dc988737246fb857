/**
 * Bare URLs and e-mail addresses in text become links, exactly as GFM reads
 * them (mdast-util-gfm-autolink-literal's own transform). The text and HTML
 * readers run it so that the Markdown written from their trees reads back the
 * same: without it, `https://x` in a text node is written escaped and comes
 * back as a link, and cleaning copydesk's own output would change it.
 */
import type { Root } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';

export function autolinkLiterals(tree: Root): void {
  for (const transform of gfmAutolinkLiteralFromMarkdown().transforms ?? []) transform(tree);
}
