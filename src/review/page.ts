/**
 * The static HTML review report: one self-contained file (inline CSS, a tiny
 * inline script for sorting; no network, no server; opens from disk).
 *
 * - a sortable table of documents: name, status, share of words removed,
 *   removals, edits, warnings;
 * - per document, the input (before) and the cleaned Markdown (after) side by
 *   side; every removal is a `<del class="removed" data-rule=… title=…>` with a
 *   visible rule id and reason beside it; edits are `<del>`/`<ins>` pairs.
 *
 * Inputs are hostile: every piece of text goes through `escapeHtml`, and a
 * Content-Security-Policy allows only the page's own script (by hash), so even
 * a mistake in escaping could not run anything from an input.
 */
import { createHash } from 'node:crypto';
import { wordChanges } from './diff.js';
import {
  type BlockRun,
  blockRuns,
  type DocumentReport,
  percent,
  type ViewBlock,
} from './removals.js';

export interface PageOptions {
  /** Page title (default: `'copydesk review'`). */
  title?: string;
  /** Time shown as "generated" (default: now). */
  generated?: Date;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

/** A safe fragment id for document `index`. */
function docId(index: number): string {
  return `doc-${index + 1}`;
}

function statusClass(status: string): string {
  if (status === 'ok') return 'ok';
  if (status === 'failed') return 'bad';
  if (status === 'empty' || status === 'skipped') return 'muted';
  return 'warn';
}

function statusBadge(status: string, reasons: readonly string[] = []): string {
  const title = reasons.length > 0 ? ` title="${escapeHtml(reasons.join('; '))}"` : '';
  return `<span class="status ${statusClass(status)}"${title}>${escapeHtml(status.replace(/_/g, ' '))}</span>`;
}

function shareBar(share: number): string {
  const pct = Math.round(share * 1000) / 10;
  return (
    `<span class="share"><span class="bar"><span style="width:${pct}%"></span></span>` +
    `<span class="num">${escapeHtml(percent(share))}</span></span>`
  );
}

function tableRow(report: DocumentReport, index: number): string {
  const noResult = report.status === 'failed' || report.status === 'skipped';
  const cells = [
    `<td data-value="${escapeHtml(report.name.toLowerCase())}"><a href="#${docId(index)}">${escapeHtml(report.name)}</a></td>`,
    `<td data-value="${escapeHtml(report.status)}">${statusBadge(report.status, report.statusReasons)}</td>`,
    noResult
      ? '<td class="n" data-value="-1"><span class="none">—</span></td>'
      : `<td class="n" data-value="${report.removedShare.toFixed(6)}">${shareBar(report.removedShare)}</td>`,
    `<td class="n" data-value="${report.removals.length}">${report.removals.length}</td>`,
    `<td class="n" data-value="${report.edits.length}">${report.edits.length}</td>`,
    `<td class="n" data-value="${report.warnings.length}">${
      report.warnings.length > 0 ? `<span class="warn-n">${report.warnings.length}</span>` : '0'
    }</td>`,
  ];
  return `<tr>${cells.join('')}</tr>`;
}

/** Inline word diff as `<del>`/`<ins>`, all text escaped. */
function editedText(block: ViewBlock): string {
  if (block.edits.length === 0 || block.text === block.after) return escapeHtml(block.text);
  const why = block.edits.map((e) => `[${e.ruleId}] ${e.reason}`);
  const title = escapeHtml([...new Set(why)].join('; '));
  return wordChanges(block.text, block.after)
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

function beforeRun(run: BlockRun): string {
  if (run.kind === 'removed') {
    const r = run.removal!;
    const reason = r.note ? `${r.reason} (${r.note})` : r.reason;
    const n = run.blocks.length;
    const lines = run.blocks
      .map(
        (b) =>
          `<div class="line">${lineGutter(b)}<del class="removed" data-rule="${escapeHtml(r.ruleId)}" title="${escapeHtml(reason)}">${escapeHtml(b.text)}</del></div>`,
      )
      .join('');
    return (
      `<div class="block removed"><span class="reason"><code class="rule">${escapeHtml(r.ruleId)}</code> ` +
      `${escapeHtml(reason)}${n > 1 ? ` <span class="n-blocks">· ${n} blocks</span>` : ''}</span>${lines}</div>`
    );
  }
  const block = run.blocks[0]!;
  const edited = block.edits.length > 0 ? ' edited' : '';
  return `<div class="block kept${edited}"><div class="line">${lineGutter(block)}<div class="body">${editedText(block)}</div></div></div>`;
}

function afterBlocks(markdown: string): string {
  const parts = markdown
    .split(/\n{2,}/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim().length > 0);
  if (parts.length === 0) return '<p class="empty-note">No article text.</p>';
  return parts
    .map((p) => {
      const heading = /^#{1,6} /.exec(p);
      const cls = heading ? ` h${heading[0].trim().length}` : '';
      return `<div class="md${cls}">${escapeHtml(p)}</div>`;
    })
    .join('\n');
}

function ruleChips(report: DocumentReport): string {
  if (report.byRule.length === 0) return '';
  const chips = report.byRule
    .map(
      ([id, n]) =>
        `<li><code class="rule">${escapeHtml(id)}</code> <span class="count">${n}</span></li>`,
    )
    .join('');
  return `<ul class="chips" aria-label="Removals by rule">${chips}</ul>`;
}

function warningList(report: DocumentReport): string {
  if (report.warnings.length === 0) return '';
  const items = report.warnings
    .map(
      (w) =>
        `<li>${w.ruleId ? `<code class="rule">${escapeHtml(w.ruleId)}</code> ` : ''}${escapeHtml(w.reason)}</li>`,
    )
    .join('');
  return `<ul class="warnings" aria-label="Warnings">${items}</ul>`;
}

function statusNote(report: DocumentReport): string {
  if (report.status === 'ok' || report.statusReasons.length === 0) return '';
  return `<p class="status-note"><strong>${escapeHtml(report.status.replace(/_/g, ' '))}:</strong> ${escapeHtml(report.statusReasons.join('; '))}</p>`;
}

function docSection(report: DocumentReport, index: number): string {
  const stats =
    report.status === 'failed' || report.status === 'skipped'
      ? `<p class="error">${escapeHtml(report.error ?? report.status)}</p>`
      : `<p class="stats">${escapeHtml(report.format ?? '')} · ${report.inputWords} words in, ` +
        `${report.outputWords} out · <strong>${report.removals.length}</strong> removals ` +
        `(${escapeHtml(percent(report.removedShare))} of words) · <strong>${report.edits.length}</strong> edits</p>`;
  const sides =
    report.blocks.length === 0 && report.markdown === ''
      ? ''
      : `<div class="sides">
<div class="side before"><h3>Before <span class="sub">input, block by block</span></h3>
${blockRuns(report.blocks).map(beforeRun).join('\n')}
</div>
<div class="side after"><h3>After <span class="sub">clean Markdown</span></h3>
${afterBlocks(report.markdown)}
</div>
</div>`;
  return `<section class="doc" id="${docId(index)}">
<header class="doc-head"><h2>${escapeHtml(report.name)}</h2>${statusBadge(report.status, report.statusReasons)}<a class="top-link" href="#top">↑ all documents</a></header>
${stats}
${statusNote(report)}
${ruleChips(report)}
${warningList(report)}
${sides}
</section>`;
}

const STYLE = `
:root{--ink:#1f2328;--muted:#656d76;--line:#d8dee4;--bg:#f6f8fa;--card:#fff;--red:#b42318;--red-bg:#fdecea;--red-line:#f04438;--green:#067647;--green-bg:#e3f6ea;--amber:#b54708;--amber-bg:#fef0c7;--accent:#0b5cad}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif}
code,.md{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
.top{background:#0f1b2d;color:#fff;padding:22px 32px}
.top h1{margin:0;font-size:22px;font-weight:650;letter-spacing:.2px}
.top h1 .brand{color:#8fb8ff}
.top p{margin:6px 0 0;color:#c5d0e0;font-size:14px}
main{max-width:1500px;margin:0 auto;padding:24px 32px 64px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;box-shadow:0 1px 2px rgba(16,24,40,.05)}
table.docs{width:100%;border-collapse:collapse;font-size:14px}
table.docs th,table.docs td{padding:10px 14px;border-bottom:1px solid var(--line);text-align:left;vertical-align:middle}
table.docs tbody tr:last-child td{border-bottom:0}
table.docs tbody tr:hover{background:#f8fafc}
table.docs th{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);font-weight:600;background:#fbfcfd;user-select:none}
table.docs th button{all:unset;cursor:pointer;display:inline-flex;gap:6px;align-items:center}
table.docs th button:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
table.docs th button::after{content:"↕";opacity:.35;font-size:11px}
table.docs th[aria-sort=ascending] button::after{content:"▲";opacity:.9}
table.docs th[aria-sort=descending] button::after{content:"▼";opacity:.9}
table.docs .n{text-align:right;font-variant-numeric:tabular-nums}
table.docs th.n button{flex-direction:row-reverse}
.share{display:inline-flex;align-items:center;gap:8px;justify-content:flex-end}
.share .bar{display:inline-block;width:90px;height:6px;background:#eaecf0;border-radius:3px;overflow:hidden}
.share .bar span{display:block;height:100%;background:var(--red-line)}
.share .num{min-width:44px;text-align:right}
.status{display:inline-block;padding:1px 9px;border-radius:999px;font-size:12px;font-weight:600;white-space:nowrap}
.status.ok{background:var(--green-bg);color:var(--green)}
.status.warn{background:var(--amber-bg);color:var(--amber)}
.status.bad{background:var(--red-bg);color:var(--red)}
.status.muted{background:#eaecf0;color:var(--muted)}
.none{color:var(--muted)}
.warn-n{color:var(--amber);font-weight:700}
.doc-card{margin-top:28px}
.doc{padding:20px 24px 24px}
.doc-head{display:flex;align-items:center;gap:12px;flex-wrap:wrap}
.doc-head h2{margin:0;font-size:18px;font-weight:650;word-break:break-all}
.top-link{margin-left:auto;font-size:13px}
.stats{margin:6px 0 0;color:var(--muted);font-size:14px}
.stats strong{color:var(--ink)}
.error{margin:8px 0 0;color:var(--red)}
.status-note{margin:8px 0 0;color:var(--amber);font-size:14px}
.legend label{margin-left:auto;color:var(--ink);cursor:pointer}
body.only-changes .block.kept:not(.edited){display:none}
.chips{list-style:none;display:flex;flex-wrap:wrap;gap:6px;margin:12px 0 0;padding:0}
.chips li{background:var(--red-bg);color:var(--red);border-radius:6px;padding:2px 8px;font-size:12.5px}
.chips .count{font-weight:700}
code.rule{font-size:12px;font-weight:600}
.warnings{margin:12px 0 0;padding:10px 14px 10px 32px;background:var(--amber-bg);border-radius:8px;color:#7a2e0e;font-size:14px}
.sides{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:20px;margin-top:18px}
@media (max-width:1000px){.sides{grid-template-columns:1fr}}
.side{border:1px solid var(--line);border-radius:8px;padding:6px 0 10px;background:#fff;min-width:0}
.side h3{margin:0 0 6px;padding:6px 16px 10px;font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);border-bottom:1px solid var(--line)}
.side h3 .sub{text-transform:none;letter-spacing:0;font-weight:400;margin-left:6px}
.block{padding:4px 16px 4px 6px;border-left:3px solid transparent}
.line{display:grid;grid-template-columns:38px minmax(0,1fr)}
.ln{color:#98a2b3;font-size:11.5px;text-align:right;padding-right:10px;padding-top:3px;font-variant-numeric:tabular-nums;user-select:none}
.body,del.removed{white-space:pre-wrap;overflow-wrap:anywhere}
.block.removed{background:var(--red-bg);border-left-color:var(--red-line);margin:4px 0;padding-top:6px;padding-bottom:6px}
.block.removed .line+.line{margin-top:1px}
del.removed{color:#912018;text-decoration:line-through;text-decoration-color:rgba(180,35,24,.5);opacity:.8}
.reason{display:block;margin:0 0 4px 38px;font-size:12.5px;font-weight:500;color:var(--red)}
.reason code.rule{background:#fff;border:1px solid #fda29b;border-radius:4px;padding:0 5px;margin-right:4px;color:#912018}
.n-blocks{color:#b42318;opacity:.75;font-weight:400}
del.edit{background:#ffd8d3;color:#912018;text-decoration:line-through;border-radius:3px;padding:0 2px;box-shadow:inset 0 -2px 0 #f97066}
ins.edit{background:#c6f0d6;color:#05603a;text-decoration:none;border-radius:3px;padding:0 2px;box-shadow:inset 0 -2px 0 #32d583}
.md{white-space:pre-wrap;overflow-wrap:anywhere;font-size:13.5px;padding:5px 16px;line-height:1.6}
.md.h1{font-weight:700;font-size:15px}
.md.h2,.md.h3{font-weight:650}
.empty-note{color:var(--muted);padding:5px 16px;margin:0}
.legend{display:flex;gap:18px;flex-wrap:wrap;margin:14px 2px 0;color:var(--muted);font-size:13px}
.legend .sw{display:inline-block;width:12px;height:12px;border-radius:3px;vertical-align:-1px;margin-right:6px}
`;

/** The page script: click a header to sort by it (again to reverse); a toggle hides unchanged blocks. */
const SCRIPT = `(function(){
var only=document.getElementById('only-changes');
if(only)only.addEventListener('change',function(){document.body.classList.toggle('only-changes',only.checked);});
var table=document.getElementById('documents');if(!table)return;
var heads=table.querySelectorAll('th[data-sort]');
heads.forEach(function(th,col){var b=th.querySelector('button');b.addEventListener('click',function(){
var dir=th.getAttribute('aria-sort')==='ascending'?'descending':'ascending';
heads.forEach(function(h){h.removeAttribute('aria-sort');});th.setAttribute('aria-sort',dir);
var num=th.getAttribute('data-sort')==='num';var body=table.tBodies[0];
var rows=Array.prototype.slice.call(body.rows);
rows.sort(function(x,y){var a=x.cells[col].getAttribute('data-value'),c=y.cells[col].getAttribute('data-value');
var d=num?parseFloat(a)-parseFloat(c):a.localeCompare(c);return dir==='ascending'?d:-d;});
rows.forEach(function(r){body.appendChild(r);});});});
})();`;

const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');

const CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  `script-src 'sha256-${SCRIPT_HASH}'`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const COLUMNS: [label: string, sort: 'text' | 'num'][] = [
  ['Document', 'text'],
  ['Status', 'text'],
  ['Removed', 'num'],
  ['Removals', 'num'],
  ['Edits', 'num'],
  ['Warnings', 'num'],
];

/** Render the review page for `reports`. */
export function renderReviewPage(
  reports: readonly DocumentReport[],
  options: PageOptions = {},
): string {
  const title = options.title ?? 'copydesk review';
  const generated = (options.generated ?? new Date()).toISOString().replace('T', ' ').slice(0, 16);
  const n = reports.length;
  const removals = reports.reduce((k, r) => k + r.removals.length, 0);
  const edits = reports.reduce((k, r) => k + r.edits.length, 0);
  const warnings = reports.reduce((k, r) => k + r.warnings.length, 0);
  const failed = reports.filter((r) => r.status === 'failed').length;
  const wordsIn = reports.reduce((k, r) => k + r.inputWords, 0);
  const wordsRemoved = reports.reduce((k, r) => k + r.removedWords, 0);
  const overall = wordsIn > 0 ? percent(wordsRemoved / wordsIn) : '0%';
  const head = COLUMNS.map(
    ([label, sort]) =>
      `<th scope="col" data-sort="${sort}"${sort === 'num' ? ' class="n"' : ''}><button type="button">${label}</button></th>`,
  ).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} — ${n} document${n === 1 ? '' : 's'}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top" id="top">
<h1><span class="brand">copydesk</span> review</h1>
<p><span id="doc-count">${n} document${n === 1 ? '' : 's'}</span> · ${overall} of ${wordsIn.toLocaleString('en')} words removed · ${removals} removals · ${edits} edits · ${warnings} warnings${
    failed > 0 ? ` · ${failed} failed` : ''
  } · generated ${escapeHtml(generated)} UTC</p>
</header>
<main>
<div class="card">
<table class="docs" id="documents">
<thead><tr>${head}</tr></thead>
<tbody>
${reports.map(tableRow).join('\n')}
</tbody>
</table>
</div>
<div class="legend"><span><span class="sw" style="background:#fdecea;border:1px solid #f04438"></span>removed block, with its rule and reason</span><span><span class="sw" style="background:#ffd8d3"></span>old text</span><span><span class="sw" style="background:#c6f0d6"></span>normalised text</span><label><input type="checkbox" id="only-changes"> show only removals and edits</label></div>
${reports.map((r, i) => `<div class="card doc-card">${docSection(r, i)}</div>`).join('\n')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
