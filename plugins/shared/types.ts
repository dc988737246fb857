/**
 * The shared types of copydesk: what a plugin learns about one document lives
 * on `file.data` (typed here, `DataMap` below); what a detector decides about
 * one block lives on `node.data.copydesk` (`NodeMark`).
 *
 * This module imports nothing from the project, so plugins and `src/` can both
 * depend on it without a circle. Per-document caches owned by one shared
 * module (`bylineCache`, `signalCache`, `dateCache`, `citationCache`,
 * `hastRules`, `site`) are declared on `DataMap` next to their owner.
 * `src/types.ts` re-exports everything here.
 */

/** Input formats copydesk reads. */
export type InputFormat = 'text' | 'markdown' | 'html';

/** How sure a detector is, 0..1. */
export type Confidence = number;

/** A detector's decision about one block: remove it, and why. */
export interface Label {
  /** Rule id without prefix, e.g. `strip-newsletter` or `site/example.com/promo`. */
  ruleId: string;
  /** Human-readable reason shown in `removed`, `copydesk diff` and the review page. */
  reason: string;
  /** 0..1. */
  confidence: Confidence;
  /** Optional rule id of a first copy (dedupe) with its source line. */
  cause?: { ruleId: string; line?: number | undefined } | undefined;
}

/** Evidence only HTML has, carried on mdast block nodes. */
export interface Hints {
  /** Tag name of the element the block came from (`p`, `li`, `h2`, …). */
  tag?: string;
  /** Tag names of ancestors, outermost first (`article`, `aside`, `nav`, …). */
  ancestors?: string[];
  /** Class and id tokens of the element and its ancestors, lower-cased. */
  tokens?: string[];
  /** ARIA landmark roles on the element or its ancestors. */
  roles?: string[];
  /** Itemprop values on the element or its ancestors. */
  itemprops?: string[];
  /** Chrome evidence on the element or its ancestors, nearest first (wrappers of the article excluded). */
  chrome?: ChromeEvidence[];
  /** Where the block lies relative to the page's main content container, when one was found. */
  content?: 'inside' | 'outside';
  /** How that container was found (set with `content`). */
  container?: ContentContainer;
  /**
   * The element and its ancestors (below `<body>`), outermost first, each as
   * `<n>:<tag>[.class]` with `n` unique in the page: which blocks share a
   * container (the guard's fallback finds the densest one).
   */
  path?: string[];
}

/** The page's main content container, as the HTML reader found it. */
export interface ContentContainer {
  /** What showed it, e.g. `itemprop="articleBody" on <div>` or `<article>`. */
  evidence: string;
  /** Found by a specific signal (articleBody itemprop, `article-body`-like class/id), not a bare `<article>`/`<main>`. */
  specific: boolean;
}

/** What a piece of page chrome is, by HTML evidence. */
export type ChromeConcept =
  | 'navigation'
  | 'share'
  | 'newsletter'
  | 'related'
  | 'comments'
  | 'cookie'
  | 'ad'
  | 'footer'
  | 'sidebar'
  | 'author-bio'
  | 'tags'
  | 'header'
  | 'caption';

/** One piece of chrome evidence: the concept and what showed it (`class "share-bar" on <div>`). */
export interface ChromeEvidence {
  concept: ChromeConcept;
  evidence: string;
  /** From a landmark tag or role (`<nav>`, `role="navigation"`) rather than a class/id token. */
  landmark: boolean;
}

/** Per-node copydesk data (`node.data.copydesk`). */
export interface NodeMark {
  /** Set by detectors; prune removes the node. The first label wins unless a later one is more confident. */
  label?: Label;
  /** Set by keep rules; beats every label. */
  keep?: { ruleId: string; reason: string };
  /** HTML evidence. */
  hints?: Hints;
  /** Role the block plays in the article once recognised (headline, dek, byline…). */
  role?: 'headline' | 'dek' | 'byline' | 'dateline' | 'caption';
  /** A list item that is a footnote of the page (HTML notes section): its label (`plugins/footnotes`). */
  note?: string;
}

/** Where the input came from. */
export interface SourceInfo {
  /** Path of the input relative to the working directory, `-` for stdin, or a record id. */
  path: string;
  format: InputFormat;
  /** sha256 of the input bytes (hex). */
  sha256: string;
  bytes: number;
  /** Charset the bytes were decoded with. */
  encoding: string;
  url?: string | undefined;
  host?: string | undefined;
  /** When the page was fetched (ISO 8601): the WARC-Date of an archived record. */
  fetched?: string | undefined;
}

/** One author-ish evidence string and where it came from. */
export type Evidence = 'json-ld' | 'meta' | 'html' | 'text' | 'front-matter' | 'option' | 'url';

/** An item of a removed "related / recommended / read more" list. */
export interface RelatedItem {
  title: string;
  url?: string | undefined;
  kicker?: string | undefined;
  dek?: string | undefined;
  authors: string[];
  publication?: string | undefined;
  published?: string | undefined;
}

/** A removal, as written in the metadata's `removed` list. */
export interface RemovedBlock {
  ruleId: string;
  reason: string;
  text: string;
  line?: number | undefined;
  confidence?: number | undefined;
}

/** A normalisation edit (quotes, dashes, whitespace, mojibake…). */
export interface Edit {
  ruleId: string;
  old: string;
  new: string;
  line?: number | undefined;
}

export interface SourceCited {
  name: string;
  kind: 'outlet' | 'person' | 'organisation' | 'unknown';
  sentences: string[];
}

export interface QuoteFound {
  text: string;
  speaker?: string | undefined;
  /** Paragraph index in the cleaned body (0-based). */
  paragraph: number;
  line?: number | undefined;
}

export type Status = 'ok' | 'empty' | 'not_article' | 'low_confidence';

/** Facts about the article, gathered by several plugins (`file.data.meta`). */
export interface ArticleMeta {
  /** The article's title by evidence precedence (JSON-LD, head tags, then the visible headline). */
  title?: string | undefined;
  /** Which evidence the title came from (`text`: the visible headline). */
  titleEvidence?: Evidence | undefined;
  /** The visible headline, as the body's `# ` line shows it. */
  headline?: string | undefined;
  dek?: string | undefined;
  /** The normalised byline line, e.g. `By Jane Doe, The Week US`. */
  byline?: string | undefined;
  /** Which evidence the byline line was made from (the authors' evidence, or `text` for the page's own line). */
  bylineEvidence?: Evidence | undefined;
  /** The byline line the page shows, as `detect-byline` read it (whichever evidence wins the authors). */
  visibleByline?:
    | { authors: string[]; publication?: string | undefined; lead: boolean }
    | undefined;
  authors: string[];
  publication?: string | undefined;
  siteName?: string | undefined;
  canonicalUrl?: string | undefined;
  published?: string | undefined;
  modified?: string | undefined;
  /** Which evidence each date came from. */
  dateEvidence?: { published?: Evidence | undefined; modified?: Evidence | undefined } | undefined;
  authorEvidence?: Evidence | undefined;
  /** BCP-47. */
  language?: string | undefined;
  /** Text of the dateline if one opens the body. */
  dateline?: string | undefined;
}

/** Evidence read from an HTML document's head and JSON-LD before conversion. */
export interface HtmlMeta {
  title?: string | undefined;
  lang?: string | undefined;
  canonical?: string | undefined;
  /** `<meta name|property>` values, lower-cased keys, first value wins. */
  meta: Record<string, string>;
  /** Parsed JSON-LD objects (flattened @graph). */
  jsonLd: Record<string, unknown>[];
  /** Visible `<time datetime>` values, in document order. */
  times: string[];
  /**
   * Text of elements that look like bylines (rel=author, class/id/itemprop
   * byline/author), outside comments, sidebars, related cards, footers and menus.
   */
  bylines: string[];
  /** The same, everywhere in the page (a forum's post authors, which sit in comment-like containers). */
  threadBylines?: string[] | undefined;
  /** Text of `<time>` without `datetime` and of date-classed elements (`entry-date`…), outside comments and archives. */
  dateTexts?: string[] | undefined;
  /** Texts of the page's `<h1>` elements in document order (at most 12), and whether each sits in `<article>`/`<main>`. */
  headings?: { text: string; inArticle: boolean }[] | undefined;
  /** Chinese pages: short texts holding Han characters and a date, in document order, outside comments and archives. */
  cjkDateLines?: string[] | undefined;
}

export interface Counts {
  words: number;
  characters: number;
  paragraphs: number;
  readingMinutes: number;
  inputWords: number;
}

declare module 'vfile' {
  interface DataMap {
    source: SourceInfo;
    meta: ArticleMeta;
    htmlMeta: HtmlMeta;
    related: RelatedItem[];
    sources: SourceCited[];
    quotes: QuoteFound[];
    counts: Counts;
    status: Status;
    statusReasons: string[];
    /** Front matter of a Markdown input, parsed. */
    frontMatter: Record<string, unknown>;
    /** Tags, categories and keywords of a Markdown input's front matter. */
    tags: string[];
    /** The page's own summary: front matter `description`, else the HTML description meta tag. */
    description: string;
    /** Word count of the page as parsed, before any removal. */
    inputWords: number;
    /** Words of visible text the HTML stage dropped before conversion (never-content elements), for the guard. */
    htmlDroppedWords: number;
    /** Text of HTML elements a keep selector matched (the mdast stage keeps their blocks). */
    keptTexts: string[];
  }
}

declare module 'mdast' {
  interface Data {
    copydesk?: NodeMark | undefined;
  }
}
