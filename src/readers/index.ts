/** Picks a reader by `--from`, then the file extension, then sniffing. */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { InputFormat } from '../types.js';
import { readHtml } from './html/index.js';
import { readMarkdown } from './markdown.js';
import { readText } from './text.js';

export type FromOption = 'auto' | InputFormat | 'txt' | 'md' | 'htm';

export const FROM_CHOICES: readonly FromOption[] = [
  'auto',
  'text',
  'markdown',
  'html',
  'txt',
  'md',
  'htm',
];

const ALIASES: Record<string, InputFormat> = {
  text: 'text',
  txt: 'text',
  markdown: 'markdown',
  md: 'markdown',
  html: 'html',
  htm: 'html',
};

const EXTENSIONS: Record<string, InputFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.mkd': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
};

/** Guess the format of `value` from its content alone. */
export function sniffFormat(value: string): InputFormat {
  const head = value.slice(0, 4096).trimStart().toLowerCase();
  if (/^(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*<html)/.test(head))
    return 'html';
  const tags = head.match(/<(?:p|div|span|a|article|section|h[1-6]|ul|li|br|table|meta)\b[^>]*>/g);
  if (tags && tags.length >= 3) return 'html';
  // A fragment: starts with a known element and closes one (`<p>…</p>`, `<div class="article">…</div>`).
  const open =
    /^<(p|div|article|section|main|h[1-6]|ul|ol|table|blockquote|figure|header|span|a|em|strong)\b[^>]*>/.exec(
      head,
    );
  if (open && new RegExp(`</(?:${open[1]}|p|div|article|section|h[1-6]|li|a)>`).test(head))
    return 'html';
  const lines = value.slice(0, 20_000).split('\n');
  let mdSignals = 0;
  for (const line of lines) {
    if (/^(?:#{1,6} |[*+-] |\d+\. |> |```|---\s*$|\|.*\|\s*$)/.test(line)) mdSignals++;
    if (/\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*/.test(line)) mdSignals++;
  }
  // Markdown wraps prose: blank lines between blocks, or enough syntax.
  if (mdSignals >= 3 && mdSignals / Math.max(lines.length, 1) > 0.02) return 'markdown';
  return 'text';
}

/** Resolve the format: explicit `from`, else the extension of `path`, else sniffing. */
export function resolveFormat(
  from: FromOption | undefined,
  path: string | undefined,
  value: string,
): InputFormat {
  if (from && from !== 'auto') {
    const f = ALIASES[from];
    if (!f) throw new Error(`unknown format '${from}' (choose from ${FROM_CHOICES.join(', ')})`);
    return f;
  }
  if (path) {
    const m = /\.[a-z0-9]+$/i.exec(path);
    const f = m ? EXTENSIONS[m[0].toLowerCase()] : undefined;
    if (f) return f;
  }
  return sniffFormat(value);
}

/** Parse `value` into the one mdast tree every later step works on. */
export function readInput(value: string, format: InputFormat, file: VFile): Root {
  switch (format) {
    case 'text':
      return readText(value);
    case 'markdown':
      return readMarkdown(value, file);
    case 'html':
      return readHtml(value, file);
  }
}
