/**
 * A site rule pack: data first (what to remove, the shape of the site's
 * related list), code as an escape hatch (`plugins`). Packs only add labels;
 * the generic detectors always run too.
 */
import type { PluggableList } from 'unified';
import type { HeadingMatcher, SelectorMatcher } from '../apply-user-rules/matchers.js';
import type { HtmlMeta } from '../shared/types.js';

/** Evidence a pack's `detect()` gets. */
export interface DetectInput {
  host: string | undefined;
  htmlMeta: HtmlMeta | undefined;
  /** The document's text (first 20,000 characters). */
  text: string;
}

declare module 'vfile' {
  interface DataMap {
    /** The site pack applied to this document, if any. */
    site: {
      pack: string;
      host?: string | undefined;
      related?: RelatedShape | undefined;
    };
  }
}

/** A text rule with the name used in the rule id `site/<host>/<name>`. */
export type NamedTextMatcher = { text: string; name: string };

/** A `remove` rule of a pack; `name` becomes the rule id `site/<host>/<name>`. */
export type SiteMatcher =
  | NamedTextMatcher
  | (HeadingMatcher & { name: string })
  | (SelectorMatcher & { name: string });

/** Hints about the site's related / "read more" list. */
export interface RelatedShape {
  /** Headings (any form) that open the related list. */
  headings?: readonly string[];
  /** Order of the lines of one item, e.g. `['kicker', 'title', 'dek', 'byline']`. */
  item?: readonly ('kicker' | 'title' | 'dek' | 'byline' | 'date')[];
  /** A line that separates items (e.g. `-`). */
  separator?: string;
}

export interface SitePack {
  /** Hosts the pack is for; a parent domain (`example.com`) covers its subdomains. The first names the pack. */
  hosts: readonly string[];
  /** Last resort when the host is unknown or unlisted: recognise the site from its HTML meta or text. */
  detect?: (input: DetectInput) => boolean;
  /** Blocks to remove (text patterns, headings with their sections, CSS selectors). */
  remove?: readonly SiteMatcher[];
  /** Shape of the site's related list: its items are labelled `site/<host>/related`. */
  related?: RelatedShape;
  /** Extra plugins run on the site's documents after the data rules (escape hatch). */
  plugins?: PluggableList;
}

/** Identity helper that types a pack. */
export function defineSitePack(pack: SitePack): SitePack {
  return pack;
}
