/**
 * The core: `clean(input, options) → { markdown, metadata, messages }`.
 * The CLI, the batch runner and the NDJSON mode are layers over `Cleaner`.
 */
import { createHash } from 'node:crypto';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { blockText, countWords } from '../plugins/shared/text.js';
import { hostOfUrl } from '../plugins/shared/url.js';
import { documentHost } from '../plugins/sites/resolve.js';
import { hastRulesOf, siteOverrideFor, withSiteOverride } from './config/sites.js';
import { decode, normalizeText } from './decode.js';
import { InputError } from './errors.js';
import {
  clampMarkdownNesting,
  countBlocks,
  estimateMarkdownBlocks,
  flattenDeep,
  MAX_MARKDOWN_NESTING,
  MAX_TREE_DEPTH,
} from './limits.js';
import { type CleanOptions, type ResolvedOptions, resolveOptions } from './options.js';
import { type CopydeskProcessor, createPipeline } from './pipeline.js';
import { readInput, resolveFormat } from './readers/index.js';
import { buildMetadata, type Metadata } from './writers/metadata.js';

export interface CleanResult {
  markdown: string;
  metadata: Metadata;
  messages: VFileMessage[];
  /** The VFile, for tools that want `file.data` or the messages with places. */
  file: VFile;
}

/** Per-call overrides that do not change the processor. */
export interface DocumentOptions {
  path?: string;
  url?: string;
  from?: CleanOptions['from'];
}

/** A configured, reusable cleaner: build once, clean many documents. */
export class Cleaner {
  readonly options: ResolvedOptions;
  readonly processor: CopydeskProcessor;
  /** Processors of `sites` entries that change more than rules, built on first use (key: the entry). */
  readonly #siteProcessors = new Map<object, CopydeskProcessor>();

  constructor(options: Readonly<CleanOptions> = {}) {
    this.options = resolveOptions(options);
    this.processor = createPipeline(this.options);
  }

  /** The processor for a document's host (a `sites` override, else the main one). */
  processorFor(host: string | undefined): CopydeskProcessor {
    const site = siteOverrideFor(this.options, host);
    if (!site) return this.processor;
    let processor = this.#siteProcessors.get(site);
    if (!processor) {
      processor = createPipeline(withSiteOverride(this.options, site));
      this.#siteProcessors.set(site, processor);
    }
    return processor;
  }

  /**
   * Clean one document. The pipeline settles on the tree (`plugins/settle`):
   * cleaning the output again changes nothing, without a second clean.
   */
  clean(input: string | Uint8Array, doc: DocumentOptions = {}): CleanResult {
    return onlyTargetLanguage(this.cleanOnce(input, doc), this.options.targetLanguage);
  }

  /** One pass of the pipeline over the input. */
  cleanOnce(input: string | Uint8Array, doc: DocumentOptions = {}): CleanResult {
    const path = doc.path ?? this.options.path;
    const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
    const from = doc.from ?? this.options.from;
    const hint =
      from !== 'auto'
        ? resolveFormat(from, undefined, '')
        : /\.x?html?$/i.test(path)
          ? 'html'
          : 'auto';
    const decoded =
      typeof input === 'string' ? fromString(input) : decode(input, path, { format: hint });
    const format = resolveFormat(from, path === '-' ? undefined : path, decoded.text);
    const file = new VFile({ path: path === '-' ? undefined : path, value: decoded.text });
    const url = doc.url ?? this.options.url;
    file.data.source = {
      path,
      format,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.byteLength,
      encoding: decoded.encoding,
      url,
      host: hostOfUrl(url),
    };
    file.data.meta = { authors: [] };
    if (decoded.replaced > 0)
      file.message(`${decoded.replaced} invalid byte sequence(s) replaced with U+FFFD`, {
        ruleId: 'decode',
        source: 'copydesk',
      });
    if (decoded.text.trim().length === 0) {
      file.data.status = 'empty';
      file.data.statusReasons = ['input is empty or white space only'];
      return { markdown: '', metadata: buildMetadata(file, ''), messages: file.messages, file };
    }
    file.data.hastRules = hastRulesOf(this.options);
    // Markdown is counted on its lines first: the parser would build all of it before `countBlocks`.
    if (format === 'markdown') this.refuseOverMaxBlocks(estimateMarkdownBlocks(decoded.text));
    const tree = readInput(boundedText(decoded.text, format, file), format, file);
    if (flattenDeep(tree) > 0)
      file.message(`nesting deeper than ${MAX_TREE_DEPTH} levels flattened`, {
        ruleId: 'limits',
        source: 'copydesk',
      });
    this.refuseOverMaxBlocks(countBlocks(tree));
    file.data.inputWords = countWords(blockText(tree));
    const processor = this.processorFor(documentHost(file));
    const out = processor.runSync(tree, file);
    const markdown = processor.stringify(out, file);
    return { markdown, metadata: buildMetadata(file, markdown), messages: file.messages, file };
  }

  /** Bounded work: a page of more blocks than any article fails now, not after minutes. */
  private refuseOverMaxBlocks(blocks: number): void {
    const max = this.options.maxBlocks;
    if (blocks > max)
      throw new InputError(
        'too-large',
        `too many blocks (${blocks.toLocaleString('en-US')}; limit ${max.toLocaleString('en-US')}, see --max-blocks)`,
      );
  }
}

/**
 * `targetLanguage`: a page detected in another language gets status
 * `not_article` with the reason (its Markdown is kept, for review). A page
 * whose language is unknown is left as it is.
 */
function onlyTargetLanguage(result: CleanResult, target: string | undefined): CleanResult {
  const language = result.metadata.language?.toLowerCase().split('-')[0];
  if (!target || !language || language === target || result.metadata.status === 'empty')
    return result;
  const reason = `the page is in '${language}', not the target language '${target}' (targetLanguage)`;
  result.file.data.status = 'not_article';
  result.file.data.statusReasons = [...(result.file.data.statusReasons ?? []), reason];
  result.metadata.status = 'not_article';
  result.metadata.statusReasons = [...result.metadata.statusReasons, reason];
  return result;
}

/** Markdown with absurdly deep container nesting is capped before parsing (`src/limits.ts`). */
function boundedText(text: string, format: string, file: VFile): string {
  if (format !== 'markdown') return text;
  const clamped = clampMarkdownNesting(text);
  if (clamped.lines > 0)
    file.message(
      `nesting deeper than ${MAX_MARKDOWN_NESTING} levels capped on ${clamped.lines} line(s)`,
      {
        ruleId: 'limits',
        source: 'copydesk',
      },
    );
  return clamped.text;
}

function fromString(input: string): { text: string; encoding: string; replaced: number } {
  const n = normalizeText(input);
  return { text: n.text, encoding: 'utf-8', replaced: n.nul };
}

/** Clean one document. For many documents, build one `Cleaner` and reuse it. */
export function clean(
  input: string | Uint8Array,
  options: Readonly<CleanOptions> = {},
): CleanResult {
  return new Cleaner(options).clean(input);
}
