/** Reading the evaluation corpus (`../shared/corpus`, see its README). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Forms of an article page, and the file each is read from. */
export const FORMS = {
  html: 'page.html',
  text: 'page.txt',
  markdown: 'page.md',
  'markdown-links': 'page.links.md',
} as const;

export type Form = keyof typeof FORMS;

export const FORM_NAMES = Object.keys(FORMS) as Form[];

/** The input format each form is cleaned as. */
export const FORM_FORMAT: Record<Form, 'html' | 'text' | 'markdown'> = {
  html: 'html',
  text: 'text',
  markdown: 'markdown',
  'markdown-links': 'markdown',
};

export interface Article {
  id: string;
  dir: string;
  gold: string;
  url: string | undefined;
}

export interface MetadataPage {
  name: string;
  dir: string;
  expected: ExpectedMetadata;
}

export interface ExpectedMetadata {
  title?: string | null;
  byline?: string | null;
  excerpt?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  lang?: string | null;
}

function subdirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function loadArticles(corpus: string): Article[] {
  const root = join(corpus, 'articles');
  return subdirs(root)
    .map((id) => ({ id, dir: join(root, id) }))
    .filter(({ dir }) => existsSync(join(dir, 'gold.txt')))
    .map(({ id, dir }) => {
      let url: string | undefined;
      try {
        const src = JSON.parse(readFileSync(join(dir, 'source.json'), 'utf8')) as { url?: unknown };
        if (typeof src.url === 'string') url = src.url;
      } catch {
        url = undefined;
      }
      return { id, dir, gold: readFileSync(join(dir, 'gold.txt'), 'utf8'), url };
    });
}

/** The page of `article` in `form`, or undefined when the corpus lacks that file. */
export function readForm(article: Article, form: Form): string | undefined {
  const path = join(article.dir, FORMS[form]);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

export function loadMetadataPages(corpus: string): MetadataPage[] {
  const root = join(corpus, 'metadata-pages');
  return subdirs(root)
    .map((name) => ({ name, dir: join(root, name) }))
    .filter(
      ({ dir }) =>
        existsSync(join(dir, 'source.html')) && existsSync(join(dir, 'expected-metadata.json')),
    )
    .map(({ name, dir }) => ({
      name,
      dir,
      expected: JSON.parse(
        readFileSync(join(dir, 'expected-metadata.json'), 'utf8'),
      ) as ExpectedMetadata,
    }));
}
