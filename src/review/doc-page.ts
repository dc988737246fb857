/**
 * One document's review page (`docs/<n>.html`): the input ("before") and the
 * cleaned article ("after", rendered, not raw Markdown) side by side, row by
 * row, each input block beside the block it became (`./align.ts`).
 *
 * - every removal is a `<del class="removed" data-rule=… title=…>` with its
 *   rule id and reason on screen, and a "keep this block" button that copies
 *   a ready keep rule for the config (`{"keep": ["…"]}`, scoped to the site
 *   when the page's host is known);
 * - long removed runs (navigation, link lists) are folded: the reason stays
 *   visible, the lines open on request;
 * - edits are `<del>`/`<ins>` pairs, except typography-only edits (quotes,
 *   dashes, spaces), which are applied silently and counted once;
 * - previous/next links and keys (←/→ or k/j; Esc or u back to the list).
 */
import { alignBlocks } from './align.js';
import { wordChanges } from './diff.js';
import type { ReviewRow } from './index-page.js';
import { escapeHtml, pageShell, statusBadge } from './page.js';
import {
  type BlockRun,
  blockRuns,
  type DocumentReport,
  type EditRow,
  type ViewBlock,
} from './removals.js';
import { type RenderedBlock, renderMarkdownBlocks } from './render-markdown.js';
import { isTypographyOnly } from './typography.js';
import { percent } from './words.js';

/** A removed run longer than this many lines is folded. */
const FOLD_LINES = 6;

export interface DocNav {
  /** 1-based position of this document. */
  n: number;
  /** Whether there is a document after it. */
  hasNext: boolean;
}

/** The list row of a document (what `index.html` shows about it). */
export function rowOf(report: DocumentReport, n: number): ReviewRow {
  const typography = report.edits.filter((e) => isTypographyOnly(e.old, e.new)).length;
  return {
    n,
    name: report.name,
    headline: report.headline ?? null,
    site: report.site ?? null,
    url: report.url ?? null,
    status: report.status,
    statusReasons: report.statusReasons,
    error: report.error,
    rules: report.byRule.map(([id]) => id),
    wordsIn: report.inputWords,
    wordsOut: report.outputWords,
    removedShare: report.removedShare,
    removals: report.removals.length,
    edits: report.edits.length - typography,
    typography,
    warnings: report.warnings.length,
    page: true,
  };
}

/** Apply edits in order to `text` (each where its old text is next found). */
function applyEdits(text: string, edits: readonly EditRow[]): string {
  let out = text;
  let from = 0;
  for (const e of edits) {
    if (e.old === '') continue;
    let at = out.indexOf(e.old, from);
    if (at === -1) at = out.indexOf(e.old);
    if (at === -1) continue;
    out = out.slice(0, at) + e.new + out.slice(at + e.old.length);
    from = at + e.new.length;
  }
  return out;
}

/** A kept block's text with its edits: typography applied silently, other edits as del/ins. */
function editedText(block: ViewBlock): string {
  if (block.edits.length === 0 || block.text === block.after) return escapeHtml(block.text);
  const typo = block.edits.filter((e) => isTypographyOnly(e.old, e.new));
  const real = block.edits.filter((e) => !isTypographyOnly(e.old, e.new));
  const base = applyEdits(block.text, typo);
  if (real.length === 0 || base === block.after)
    return `<span class="typo" title="${typo.length} typography edit${typo.length === 1 ? '' : 's'}">${escapeHtml(block.after)}</span>`;
  const title = escapeHtml([...new Set(real.map((e) => `[${e.ruleId}] ${e.reason}`))].join('; '));
  return wordChanges(base, block.after)
    .map((part) => {
      if (part.removed) return `<del class="edit" title="${title}">${escapeHtml(part.value)}</del>`;
      if (part.added) return `<ins class="edit" title="${title}">${escapeHtml(part.value)}</ins>`;
      return escapeHtml(part.value);
    })
    .join('');
}

function lineGutter(block: ViewBlock): string {
  return `<span class="ln">${block.line === undefined ? '' : escapeHtml(block.line)}</span>`;
}

/** A keep rule matching the block: its first words, as a config fragment. */
export function keepRule(text: string, host: string | undefined): string {
  const first = (text.split('\n').find((l) => l.trim()) ?? '')
    .replace(/^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+)/, '')
    .replace(/\s+/g, ' ')
    .trim();
  let phrase = first;
  if (phrase.length > 80) {
    const cut = phrase.slice(0, 80);
    phrase = cut.slice(0, Math.max(cut.lastIndexOf(' '), 40)).trim();
  }
  const rule = { keep: [phrase] };
  return JSON.stringify(host ? { sites: { [host]: rule } } : rule);
}

function removedRun(run: BlockRun, host: string | undefined): string {
  const r = run.removal!;
  const reason = r.note ? `${r.reason} (${r.note})` : r.reason;
  const n = run.blocks.length;
  const lines = run.blocks
    .map(
      (b) =>
        `<div class="line">${lineGutter(b)}<del class="removed" data-rule="${escapeHtml(r.ruleId)}" title="${escapeHtml(reason)}">${escapeHtml(b.text)}</del></div>`,
    )
    .join('');
  const lineCount = run.blocks.reduce((k, b) => k + b.text.split('\n').length, 0);
  const rule = keepRule(run.blocks[0]!.text, host);
  const label =
    `<span class="reason"><code class="rule">${escapeHtml(r.ruleId)}</code> ${escapeHtml(reason)}` +
    `${n > 1 ? ` <span class="n-blocks">· ${n} blocks</span>` : ''}` +
    `<button type="button" class="keep" data-keep="${escapeHtml(rule)}" title="copy a keep rule for the config">keep this block</button></span>` +
    `<code class="keep-rule" hidden>${escapeHtml(rule)}</code>`;
  const body =
    lineCount > FOLD_LINES
      ? `<details class="fold"><summary>${lineCount} lines folded: show</summary>${lines}</details>`
      : lines;
  return `<div class="block removed">${label}${body}</div>`;
}

function keptRun(run: BlockRun): string {
  const block = run.blocks[0]!;
  const edited = block.edits.some((e) => !isTypographyOnly(e.old, e.new)) ? ' edited' : '';
  return `<div class="block kept${edited}"><div class="line">${lineGutter(block)}<div class="body">${editedText(block)}</div></div></div>`;
}

function sides(report: DocumentReport, host: string | undefined): string {
  const runs = blockRuns(report.blocks);
  const after = renderMarkdownBlocks(report.markdown);
  const rows = alignBlocks<BlockRun, RenderedBlock>(
    runs,
    after,
    (run) => (run.kind === 'kept' ? run.blocks[0]!.after : undefined),
    (a) => a.text,
  );
  const cells = rows.map((row) => {
    const kept = row.before?.kind !== 'removed';
    const before = row.before
      ? row.before.kind === 'removed'
        ? removedRun(row.before, host)
        : keptRun(row.before)
      : '';
    const afterHtml = row.after ? `<div class="rendered">${row.after.html}</div>` : '';
    const cls = kept && !(row.before && row.before.blocks[0]!.edits.length > 0) ? ' row-kept' : '';
    return (
      `<div class="cell before${before ? '' : ' empty-side'}${cls}">${before}</div>` +
      `<div class="cell after${afterHtml ? '' : ' empty-side'}${cls}">${afterHtml}</div>`
    );
  });
  if (after.length === 0)
    cells.push(
      '<div class="cell"></div><div class="cell after"><p class="empty-note">No article text.</p></div>',
    );
  return `<div class="rows" id="sides">
<div class="colhead">Before <span class="sub">input, block by block</span></div><div class="colhead">After <span class="sub">the cleaned article</span></div>
${cells.join('\n')}
</div>`;
}

/** The document page script: prev/next keys, the "only changes" toggle, keep buttons. */
export const DOC_SCRIPT = `(function(){
var only=document.getElementById('only-changes');
if(only)only.addEventListener('change',function(){document.body.classList.toggle('only-changes',only.checked);});
function go(rel){var a=document.querySelector('a[rel="'+rel+'"]');if(a)location.href=a.href;}
document.addEventListener('keydown',function(e){if(e.ctrlKey||e.metaKey||e.altKey)return;
var t=e.target;if(t&&(t.tagName==='INPUT'||t.tagName==='SELECT'||t.tagName==='TEXTAREA'))return;
if(e.key==='ArrowRight'||e.key==='j')go('next');else if(e.key==='ArrowLeft'||e.key==='k')go('prev');
else if(e.key==='Escape'||e.key==='u')go('index');});
document.querySelectorAll('button.keep').forEach(function(b){b.addEventListener('click',function(){
var rule=b.getAttribute('data-keep');var code=b.parentNode.nextElementSibling;if(code)code.hidden=false;
function done(){b.textContent='copied';}
if(navigator.clipboard&&navigator.clipboard.writeText){navigator.clipboard.writeText(rule).then(done,function(){b.textContent='select and copy';});}
else b.textContent='select and copy';});});
})();`;

function chips(report: DocumentReport): string {
  if (report.byRule.length === 0) return '';
  const items = report.byRule
    .map(
      ([id, n]) =>
        `<li><code class="rule">${escapeHtml(id)}</code> <span class="count">${n}</span></li>`,
    )
    .join('');
  return `<ul class="chips" aria-label="Removals by rule">${items}</ul>`;
}

function warnings(report: DocumentReport): string {
  if (report.warnings.length === 0) return '';
  const items = report.warnings
    .map(
      (w) =>
        `<li>${w.ruleId ? `<code class="rule">${escapeHtml(w.ruleId)}</code> ` : ''}${escapeHtml(w.reason)}</li>`,
    )
    .join('');
  return `<ul class="warnings" aria-label="Warnings">${items}</ul>`;
}

export interface DocOptions {
  /** Page title (default: `'copydesk review'`). */
  title?: string | undefined;
}

/** The page of one document. */
export function renderDocumentPage(
  report: DocumentReport,
  nav: DocNav,
  opts: DocOptions = {},
): string {
  const row = rowOf(report, nav.n);
  const host = report.host ?? undefined;
  const prev =
    nav.n > 1
      ? `<a rel="prev" href="${nav.n - 1}.html">← previous<kbd>k</kbd></a>`
      : '<span class="off">← previous</span>';
  const next = nav.hasNext
    ? `<a rel="next" href="${nav.n + 1}.html">next →<kbd>j</kbd></a>`
    : '<span class="off">next →</span>';
  const where = [report.site, report.url]
    .filter(Boolean)
    .map((s) => escapeHtml(s!))
    .join(' · ');
  const reasons =
    report.status === 'ok' || report.statusReasons.length === 0
      ? ''
      : `<p class="status-note"><strong>${escapeHtml(report.status.replace(/_/g, ' '))}:</strong> ${escapeHtml(report.statusReasons.join('; '))}</p>`;
  const body = `<header class="top" id="top">
<h1><span class="brand">copydesk</span> review · document ${nav.n}</h1>
<p>${escapeHtml(report.name)}</p>
</header>
<main>
<div class="card doc-card"><section class="doc" data-n="${nav.n}">
<header class="doc-head"><h2>${escapeHtml(report.headline ?? report.name)}</h2>${statusBadge(report.status, report.statusReasons)}
<nav class="nav" aria-label="Documents">${prev}<a rel="index" href="../index.html#top">all documents<kbd>u</kbd></a>${next}</nav></header>
${where ? `<p class="sub-line">${where}</p>` : ''}
<p class="stats">${escapeHtml(report.format ?? '')} · ${report.outputWords} of ${report.inputWords} words kept, ${report.removedWords} removed (${escapeHtml(percent(report.removedShare))}) · <strong>${report.removals.length}</strong> removals · <strong>${row.edits}</strong> edits${
    row.typography > 0
      ? ` · <span class="typo-note">${row.typography} typography edits (quotes, dashes, spaces) applied</span>`
      : ''
  }</p>
${reasons}
${report.error ? `<p class="error">${escapeHtml(report.error)}</p>` : ''}
${chips(report)}
${warnings(report)}
<div class="legend"><span><span class="sw" style="background:#fdecea;border:1px solid #f04438"></span>removed block, with its rule and reason</span><span><span class="sw" style="background:#ffd8d3"></span>old text</span><span><span class="sw" style="background:#c6f0d6"></span>new text</span><label><input type="checkbox" id="only-changes"> show only removals and edits</label></div>
${report.status === 'failed' || report.status === 'skipped' ? '' : sides(report, host)}
</section></div>
</main>`;
  const label = report.headline ?? report.name;
  return pageShell(`${label} — ${opts.title ?? 'copydesk review'}`, body, DOC_SCRIPT);
}
