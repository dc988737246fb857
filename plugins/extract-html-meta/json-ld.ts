/** Reading JSON-LD objects: the article node, its authors, plain strings. */
import { toString as hastToString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

export type JsonObject = Record<string, unknown>;

/** Parses a fragment of HTML (frozen: never configured again). */
const fragment = unified().use(rehypeParse, { fragment: true }).freeze();

/** A character reference or a tag: JSON-LD values are often HTML-escaped text. */
const HTML_IN_TEXT = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);|<\/?[a-z][^>]*>/i;

/** `Ama&#8230; &mdash; <em>Site</em>` → `Ama… — Site`. */
function decodeHtmlText(text: string): string {
  return HTML_IN_TEXT.test(text) ? hastToString(fragment.parse(text)) : text;
}

/** A string value, trimmed (`{"@value": …}` too), character references decoded, or undefined. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string')
    return decodeHtmlText(value).replace(/\s+/g, ' ').trim() || undefined;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = (value as JsonObject)['@value'];
    if (typeof v === 'string') return str(v);
  }
  return undefined;
}

/** The `@type`s of an object, without any schema.org prefix. */
export function typesOf(obj: JsonObject): string[] {
  const t = obj['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.replace(/^.*[/:#]/, ''));
}

const ARTICLE = /(?:Article|BlogPosting|Posting|Report|Review)$/;

/** The objects and the `mainEntity` they nest (a WebPage often nests the article so). */
function withMainEntities(objects: readonly JsonObject[]): JsonObject[] {
  const all: JsonObject[] = [];
  for (const o of objects) {
    all.push(o);
    const main = o.mainEntity;
    if (main && typeof main === 'object' && !Array.isArray(main)) all.push(main as JsonObject);
  }
  return all;
}

/** Every Article-like node (NewsArticle, BlogPosting, Report…), in document order. */
export function articlesOf(objects: readonly JsonObject[]): JsonObject[] {
  return withMainEntities(objects).filter((o) => typesOf(o).some((t) => ARTICLE.test(t)));
}

/** The article object: the first Article-like node, else a WebPage, else undefined. */
export function pickArticle(objects: readonly JsonObject[]): JsonObject | undefined {
  const all = withMainEntities(objects);
  return (
    all.find((o) => typesOf(o).some((t) => ARTICLE.test(t))) ??
    all.find((o) => typesOf(o).some((t) => t === 'WebPage' || t === 'ItemPage'))
  );
}

/** Authors of an article node: people's names and organisations' names, apart. */
export function authorsOfJsonLd(article: JsonObject): {
  people: string[];
  organisations: string[];
} {
  const people: string[] = [];
  const organisations: string[] = [];
  const raw = article.author ?? article.creator;
  for (const a of Array.isArray(raw) ? raw : [raw]) {
    if (typeof a === 'string') {
      people.push(a);
      continue;
    }
    if (!a || typeof a !== 'object') continue;
    const obj = a as JsonObject;
    const name =
      str(obj.name) ?? [str(obj.givenName), str(obj.familyName)].filter(Boolean).join(' ');
    if (!name) continue;
    const types = typesOf(obj);
    if (types.some((t) => t === 'Organization' || t.endsWith('Organization')))
      organisations.push(name);
    else people.push(name);
  }
  return { people, organisations };
}
