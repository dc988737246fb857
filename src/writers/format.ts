/**
 * Output formats for other tools (`--format`): the clean Markdown as it is
 * (`md`), as plain text (`txt`), as an HTML fragment (`html`), or with its
 * metadata as one JSON object (`json`) or one JSON line per document
 * (`jsonl`, for a whole batch).
 */

import { toHtml } from 'hast-util-to-html';
import type { Nodes, Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Metadata } from './metadata.js';

export const FORMATS = ['md', 'txt', 'html', 'json', 'jsonl'] as const;
export type OutputFormat = (typeof FORMATS)[number];

/** File extension of each format's per-document output. */
export const FORMAT_EXTENSION: Readonly<Record<OutputFormat, string>> = {
  md: '.md',
  txt: '.txt',
  html: '.html',
  json: '.json',
  jsonl: '.jsonl',
};

function parse(markdown: string): Root {
  const processor = unified().use(remarkParse).use(remarkGfm);
  return processor.runSync(processor.parse(markdown)) as Root;
}

/** Plain text: one block per paragraph, blank line between; list items and table rows one per line. */
export function toPlainText(markdown: string): string {
  const blocks: string[] = [];
  const walk = (node: Nodes): void => {
    switch (node.type) {
      case 'root':
      case 'blockquote':
      case 'listItem':
        for (const c of node.children) walk(c);
        return;
      case 'list':
        blocks.push(
          node.children
            .map((item) =>
              mdastToString(item, { includeImageAlt: false }).replace(/\s*\n\s*/g, ' '),
            )
            .join('\n'),
        );
        return;
      case 'table':
        blocks.push(
          node.children
            .map((row) => row.children.map((cell) => mdastToString(cell)).join('\t'))
            .join('\n'),
        );
        return;
      case 'thematicBreak':
      case 'html':
      case 'definition':
        return;
      default: {
        const text = mdastToString(node, { includeImageAlt: false }).trim();
        if (text) blocks.push(text);
      }
    }
  };
  walk(parse(markdown));
  return blocks.length > 0 ? `${blocks.join('\n\n')}\n` : '';
}

/** An HTML fragment (no `<html>` shell); raw HTML in the Markdown is not passed through. */
export function toHtmlFragment(markdown: string): string {
  const html = toHtml(toHast(parse(markdown)));
  return html.trim() ? `${html.trim()}\n` : '';
}

/** One document in `format` (`jsonl`: one line, no trailing newline inside). */
export function renderDocument(
  format: OutputFormat,
  markdown: string,
  metadata: Metadata,
  input?: string,
): string {
  const md = markdown === '' || markdown.endsWith('\n') ? markdown : `${markdown}\n`;
  switch (format) {
    case 'md':
      return md;
    case 'txt':
      return toPlainText(markdown);
    case 'html':
      return toHtmlFragment(markdown);
    case 'json':
      return `${JSON.stringify({ markdown: md, metadata })}\n`;
    case 'jsonl':
      return `${JSON.stringify({ ...(input !== undefined ? { input } : {}), status: metadata.status, markdown: md, metadata })}\n`;
  }
}
