/**
 * Terminal reporting for a batch: a progress bar on stderr (only when stderr is
 * a terminal and not `--quiet`), one line per skip or failure, and the summary.
 * Lines go above the bar (cli-progress MultiBar.log) so it never garbles them.
 */
import cliProgress from 'cli-progress';
import { wordTally } from '../review/words.js';
import type { BatchReporter, BatchSummary } from './runner.js';

export interface ReporterOptions {
  quiet: boolean;
  /** The stream to write to (default: `process.stderr`). */
  stream?: NodeJS.WriteStream;
}

export function createReporter(options: ReporterOptions): BatchReporter {
  const stream = options.stream ?? process.stderr;
  const showBar = !options.quiet && stream.isTTY === true;
  let multi: cliProgress.MultiBar | undefined;
  let bar: cliProgress.SingleBar | undefined;
  const write = (line: string): void => {
    if (multi) multi.log(`${line}\n`);
    else stream.write(`${line}\n`);
  };
  return {
    start(total) {
      if (!showBar || total < 2) return;
      multi = new cliProgress.MultiBar(
        {
          stream,
          format: 'copydesk {bar} {value}/{total} files | {eta_formatted} left | {file}',
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      bar = multi.create(total, 0, { file: '' });
    },
    done(report) {
      bar?.increment(1, { file: report.display.slice(-40) });
    },
    warn: (line) => write(`copydesk: ${line}`),
    error: (line) => write(`copydesk: ${line}`),
    stop() {
      multi?.stop();
      multi = undefined;
      bar = undefined;
    },
  };
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** The end-of-run summary, as lines for stderr (`verbose`: name every page not ok). */
export function formatSummary(s: BatchSummary, options: { verbose?: boolean } = {}): string[] {
  const parts = [`${s.cleaned} cleaned`];
  if (s.unchanged > 0) parts.push(`${s.unchanged} unchanged (--resume)`);
  parts.push(`${s.skipped.length} skipped`, `${s.failed.length} failed`);
  const lines = [
    `copydesk: ${plural(s.seen, 'file')} seen: ${parts.join(', ')} in ${(s.ms / 1000).toFixed(1)} s${s.interrupted ? ' (interrupted)' : ''}`,
  ];
  if (s.wordsIn > 0) {
    const share = wordTally(s.wordsIn, s.wordsOut).share * 100; // the one "% removed"

    lines.push(
      `copydesk: words ${s.wordsIn.toLocaleString('en-US')} in, ${s.wordsOut.toLocaleString('en-US')} out (${share.toFixed(1)}% removed)`,
    );
  }
  const byStatus = Object.entries(s.statuses).filter(([status, n]) => n > 0 || status === 'ok');
  if (s.cleaned > 0 || s.statuses.empty > 0)
    lines.push(
      `copydesk: pages by status: ${byStatus.map(([status, n]) => `${n} ${status}`).join(', ')}${
        s.flagged.length > 0 && !options.verbose ? ' (--verbose names them)' : ''
      }`,
    );
  if (options.verbose)
    for (const f of s.flagged)
      lines.push(
        `copydesk:   ${f.status} ${f.display}${f.statusReasons?.[0] ? `: ${f.statusReasons[0]}` : ''}`,
      );
  if (s.workerDeaths > 0)
    lines.push(
      `copydesk: ${plural(s.workerDeaths, 'worker')} died under a file (each replaced; the file failed, see below)`,
    );
  for (const r of s.renamed)
    lines.push(`copydesk:   renamed ${r.display} → ${r.output} (${r.reason})`);
  for (const f of s.skipped) lines.push(`copydesk:   skipped ${f.display}: ${f.reason ?? ''}`);
  for (const f of s.failed) lines.push(`copydesk:   failed ${f.display}: ${f.reason ?? ''}`);
  return lines;
}
