/**
 * Matchers: how keep/drop rules and site packs point at blocks.
 *
 * - a string, or `{ text }`: a text pattern. A plain string matches as a
 *   case-insensitive substring; `/source/flags` is a regular expression.
 * - `{ heading }`: a heading by name (case-insensitive; `#`, trailing colons
 *   and white space ignored) and the section under it. In Markdown and HTML
 *   the section runs to the next heading of the same or a higher level; in a
 *   plain-text dump (no headings) the name is a short line of its own and the
 *   section runs to the next heading-like rule line or the next prose paragraph.
 * - `{ selector }`: a CSS selector, HTML input only (applied on the HTML tree
 *   before conversion, see `./hast.ts`).
 *
 * Object forms may carry a `name` (site packs use it for rule ids).
 */

export type TextMatcher = string | { text: string; name?: string };
export type HeadingMatcher = { heading: string; name?: string };
export type SelectorMatcher = { selector: string; name?: string };
export type Matcher = TextMatcher | HeadingMatcher | SelectorMatcher;

/** Keep and drop rules (config file `keep`/`drop`, option `rules`). */
export interface UserRules {
  /** Blocks to keep whatever any detector says. */
  keep?: readonly Matcher[] | undefined;
  /** Blocks to remove (rule id `user/drop`, confidence 1). */
  drop?: readonly Matcher[] | undefined;
}

export interface CompiledMatcher {
  kind: 'text' | 'heading' | 'selector';
  /** The rule as the user wrote it, for reasons (`text "subscribe"`). */
  describe: string;
  name: string | undefined;
  /** Text and heading matchers: test a block's text. */
  test: (text: string) => boolean;
  /** Selector matchers: the selector. */
  selector: string | undefined;
}

const REGEX_FORM = /^\/(.+)\/([a-z]*)$/s;

/**
 * Text with its typography folded, so a rule typed with straight quotes
 * matches a page with curly ones and the other way round: ’ ‘ ‛ ʼ ′ → ',
 * “ ” „ ‟ ″ « » → ", – — ‒ ― − → -, … → ..., non-breaking and thin spaces → space.
 */
export function foldTypography(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u02BC\u2032\u00B4`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[\u00A0\u2007\u2009\u200A\u202F]/g, ' ');
}

/** Normalise a heading for comparison: lower case, no `#`, no trailing colon or dots, typography folded. */
export function headingKey(text: string): string {
  return foldTypography(text)
    .replace(/^#+\s*/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<![\s:.…—–-])[\s:.…—–-]+$/u, '')
    .toLowerCase();
}

/**
 * Compile a text pattern; throws on a bad regular expression. Both sides are
 * matched with their typography folded (`foldTypography`): "What's new"
 * matches “What’s new”. A regular expression is tried on the text as it is
 * and folded.
 */
export function compilePattern(pattern: string): (text: string) => boolean {
  const m = REGEX_FORM.exec(pattern);
  if (m) {
    const flags = (m[2] as string).replace(/[gy]/g, '');
    const re = new RegExp(m[1] as string, flags);
    const folded = new RegExp(foldTypography(m[1] as string), flags);
    return (text) => re.test(text) || folded.test(foldTypography(text));
  }
  const needle = foldTypography(pattern).toLowerCase();
  return (text) => foldTypography(text).toLowerCase().includes(needle);
}

/** Check one matcher's shape; returns an error message or undefined. */
export function matcherProblem(value: unknown): string | undefined {
  if (typeof value === 'string') {
    if (value.trim() === '') return 'empty text pattern';
    return regexProblem(value);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'a rule must be a string, { text }, { heading } or { selector }';
  const keys = Object.keys(value);
  const kinds: string[] = keys.filter((k) => k === 'text' || k === 'heading' || k === 'selector');
  if (kinds.length !== 1) return 'a rule object needs exactly one of text, heading, selector';
  const unknown = keys.find((k) => k !== 'name' && !kinds.includes(k));
  if (unknown) return `unknown key '${unknown}' in rule`;
  const kind = kinds[0] as string;
  const v = (value as Record<string, unknown>)[kind];
  if (typeof v !== 'string' || v.trim() === '') return `'${kind}' must be a non-empty string`;
  const name = (value as Record<string, unknown>).name;
  if (name !== undefined && (typeof name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(name)))
    return `'name' must be lower-case letters, digits and dashes`;
  if (kind === 'text') return regexProblem(v);
  return undefined;
}

function regexProblem(pattern: string): string | undefined {
  const m = REGEX_FORM.exec(pattern);
  if (!m) return undefined;
  try {
    new RegExp(m[1] as string, m[2]);
    return undefined;
  } catch (error) {
    return `bad regular expression ${pattern}: ${(error as Error).message}`;
  }
}

/** Compile a matcher (throws with a clear message when it is malformed). */
export function compileMatcher(matcher: Matcher): CompiledMatcher {
  const problem = matcherProblem(matcher);
  if (problem) throw new Error(`${problem}: ${JSON.stringify(matcher)}`);
  if (typeof matcher === 'string' || 'text' in matcher) {
    const text = typeof matcher === 'string' ? matcher : matcher.text;
    return {
      kind: 'text',
      describe: `text ${REGEX_FORM.test(text) ? text : JSON.stringify(text)}`,
      name: typeof matcher === 'string' ? undefined : matcher.name,
      test: compilePattern(text),
      selector: undefined,
    };
  }
  if ('heading' in matcher) {
    const key = headingKey(matcher.heading);
    return {
      kind: 'heading',
      describe: `heading ${JSON.stringify(matcher.heading)}`,
      name: matcher.name,
      test: (text) => headingKey(text) === key,
      selector: undefined,
    };
  }
  return {
    kind: 'selector',
    describe: `selector ${JSON.stringify(matcher.selector)}`,
    name: matcher.name,
    test: () => false,
    selector: matcher.selector,
  };
}
