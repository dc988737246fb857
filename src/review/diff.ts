/**
 * Terminal and unified diffs of one document, from its review model.
 *
 * Terminal view: every input block in order. Removed blocks are struck through
 * (dim red) with `[rule-id] reason` beside them; kept blocks are plain, with
 * normalisation edits inline (old red, new green). Without colour the same
 * information is carried by text: `- ` before removed blocks and git's
 * word-diff markers `[-old-]{+new+}` for edits.
 *
 * Unified view: a patch between the input (its blocks, one paragraph each)
 * and the cleaned Markdown, for tools.
 */
import {
  type Change,
  createTwoFilesPatch,
  diffWords,
  formatPatch,
  type StructuredPatch,
} from 'diff';
import pc from 'picocolors';
import { type BlockRun, blockRuns, type DocumentReport, summaryLine } from './removals.js';

export interface TerminalOptions {
  /** Use ANSI colours (default: `false`). */
  color?: boolean;
}

/** Whether to colour output on `stream`: `--no-color`/NO_COLOR off, FORCE_COLOR on, else a TTY. */
export function wantColor(
  flag: boolean | undefined,
  stream: { isTTY?: boolean } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (flag === true) return true;
  return stream.isTTY === true;
}

/**
 * Word changes from `before` to `after`, with the diff's work bounded (Myers
 * costs about length × edits): past the bound the whole old text is shown
 * replaced by the whole new one, so a hostile megabyte line cannot stall us.
 */
export function wordChanges(before: string, after: string): Change[] {
  const size = before.length + after.length;
  const maxEditLength = Math.max(64, Math.floor(4_000_000 / Math.max(1, size)));
  const changes = diffWords(before, after, { maxEditLength });
  return (
    changes ?? [
      { value: before, added: false, removed: true, count: 1 },
      { value: after, added: true, removed: false, count: 1 },
    ]
  );
}

/** Word diff of a kept block: `before` → `after`, coloured or with `[-…-]{+…+}` markers. */
export function inlineDiff(before: string, after: string, color: boolean): string {
  if (before === after) return before;
  const c = pc.createColors(color);
  return wordChanges(before, after)
    .map((part) => {
      if (part.added) return color ? c.green(c.underline(part.value)) : `{+${part.value}+}`;
      if (part.removed) return color ? c.red(c.strikethrough(part.value)) : `[-${part.value}-]`;
      return part.value;
    })
    .join('');
}

function renderRun(run: BlockRun, color: boolean): string {
  const c = pc.createColors(color);
  if (run.kind === 'removed') {
    const r = run.removal!;
    const n = run.blocks.length;
    const tag = `[${r.ruleId}] ${r.reason}${r.note ? ` (${r.note})` : ''}${n > 1 ? ` (${n} blocks)` : ''}`;
    const body = run.blocks
      .flatMap((b) => b.text.split('\n'))
      .map((l) => (color ? `  ${c.dim(c.red(c.strikethrough(l)))}` : `- ${l}`))
      .join('\n');
    return `${body}\n    ${color ? c.yellow(tag) : tag}`;
  }
  const block = run.blocks[0]!;
  const text = block.edits.length > 0 ? inlineDiff(block.text, block.after, color) : block.text;
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

/** The coloured (or marked-up) before/after view of one document. */
export function renderTerminalDiff(report: DocumentReport, options: TerminalOptions = {}): string {
  const color = options.color ?? false;
  const c = pc.createColors(color);
  const head =
    c.bold(`${report.name}`) + c.dim(` (${report.format ?? 'unknown'}, ${report.status})`);
  const out = [head, ''];
  if (report.error) out.push(`  ${report.error}`);
  for (const run of blockRuns(report.blocks)) out.push(renderRun(run, color));
  for (const w of report.warnings) {
    const line = `warning: ${w.ruleId ? `[${w.ruleId}] ` : ''}${w.reason}`;
    out.push('', color ? c.magenta(line) : line);
  }
  out.push('', c.bold(summaryLine(report)));
  return `${out.join('\n')}\n`;
}

/** The input as blocks, one paragraph each, as the left side of the unified diff. */
export function blocksText(report: DocumentReport): string {
  const text = report.blocks.map((b) => b.text).join('\n\n');
  return text.length > 0 ? `${text}\n` : '';
}

/**
 * A unified diff from the input (as blocks) to the cleaned Markdown. The line
 * diff's work is bounded like `wordChanges`; past the bound the patch is one
 * hunk replacing every line (still a valid patch).
 */
export function renderUnifiedDiff(report: DocumentReport, context = 3): string {
  const name = report.name === '-' ? 'stdin' : report.name;
  const mdName = name.replace(/\.[^./\\]+$/, '') + '.md';
  const before = blocksText(report);
  const after = report.markdown;
  const lines = before.split('\n').length + after.split('\n').length;
  const maxEditLength = Math.max(256, Math.floor(20_000_000 / lines));
  const patch = createTwoFilesPatch(`a/${name}`, `b/${mdName}`, before, after, '', '', {
    context,
    maxEditLength,
  });
  return patch ?? formatPatch(wholeReplacement(`a/${name}`, `b/${mdName}`, before, after));
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** A patch that removes every old line and adds every new one. */
function wholeReplacement(
  oldName: string,
  newName: string,
  before: string,
  after: string,
): StructuredPatch {
  const old = splitLines(before);
  const neu = splitLines(after);
  return {
    oldFileName: oldName,
    newFileName: newName,
    oldHeader: '',
    newHeader: '',
    hunks: [
      {
        oldStart: old.length > 0 ? 1 : 0,
        oldLines: old.length,
        newStart: neu.length > 0 ? 1 : 0,
        newLines: neu.length,
        lines: [...old.map((l) => `-${l}`), ...neu.map((l) => `+${l}`)],
      },
    ],
  };
}
