/**
 * What every review page shares: escaping, the status badge, the look, and
 * the page shell with its Content-Security-Policy.
 *
 * Inputs are hostile: every piece of text goes through `escapeHtml` (or the
 * HTML serializer), and the policy allows only the page's own script (by
 * hash) and no network at all, so even a mistake in escaping could not run
 * anything from an input. The pages are static files that open from disk.
 */
import { createHash } from 'node:crypto';

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

/** Badge colour class: red for `failed` and `empty`, amber for doubts, grey for skips. */
export function statusClass(status: string): string {
  if (status === 'ok') return 'ok';
  if (status === 'failed' || status === 'empty') return 'bad';
  if (status === 'skipped') return 'muted';
  return 'warn';
}

export function statusBadge(status: string, reasons: readonly string[] = []): string {
  const title = reasons.length > 0 ? ` title="${escapeHtml(reasons.join('; '))}"` : '';
  return `<span class="status ${statusClass(status)}" data-status="${escapeHtml(status)}"${title}>${escapeHtml(status.replace(/_/g, ' '))}</span>`;
}

export const STYLE = `
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
.toolbar{display:flex;gap:12px;flex-wrap:wrap;align-items:center;margin:0 0 14px}
.toolbar input[type=search]{flex:1 1 280px;padding:7px 10px;border:1px solid var(--line);border-radius:8px;font:inherit}
.toolbar select{padding:6px 8px;border:1px solid var(--line);border-radius:8px;font:inherit;background:#fff}
.toolbar .hint{color:var(--muted);font-size:12.5px}
.docname{font-weight:600;color:var(--ink)}
.sub-line{display:block;color:var(--muted);font-size:12.5px;overflow-wrap:anywhere}
.sub-line .site{font-weight:600;color:#344054}
table.docs tbody tr.current{outline:2px solid var(--accent);outline-offset:-2px}
table.docs tbody tr[hidden]{display:none}
.status.empty,.status.bad{background:var(--red-bg);color:var(--red)}
.nav{display:flex;gap:10px;align-items:center;margin-left:auto;font-size:13px}
.nav a,.nav span.off{padding:3px 10px;border:1px solid var(--line);border-radius:6px;background:#fff}
.nav span.off{color:#98a2b3}
.nav kbd{font:11px ui-monospace,monospace;background:#eaecf0;border-radius:3px;padding:0 4px;margin-left:4px;color:var(--muted)}
.rows{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:0 20px;margin-top:18px}
.rows .colhead{font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);border-bottom:1px solid var(--line);padding:6px 16px 10px}
.rows .colhead .sub{text-transform:none;letter-spacing:0;font-weight:400;margin-left:6px}
.cell{min-width:0;border-bottom:1px dashed #eef0f3;padding:2px 0}
.cell.after .rendered{padding:4px 16px;overflow-wrap:anywhere}
.cell.after .rendered>*{margin:0}
.cell.after h1{font-size:20px}.cell.after h2{font-size:17px}.cell.after h3,.cell.after h4{font-size:15px}
.cell.after .img{display:inline-block;color:var(--muted);border:1px dashed var(--line);border-radius:4px;padding:0 6px;font-size:12.5px}
.cell.empty-side{background:repeating-linear-gradient(135deg,#fafbfc,#fafbfc 6px,#f3f4f6 6px,#f3f4f6 12px)}
body.only-changes .row-kept{display:none}
details.fold>summary{cursor:pointer;margin:2px 0 4px 38px;color:#912018;font-size:12.5px}
.keep{margin-left:8px;font:inherit;font-size:11.5px;padding:0 7px;border:1px solid #fda29b;border-radius:5px;background:#fff;color:#912018;cursor:pointer}
.keep-rule{display:block;margin:4px 0 0 38px;font-size:12px;background:#fff;border:1px solid var(--line);border-radius:5px;padding:3px 6px;white-space:pre-wrap;overflow-wrap:anywhere}
.keep-rule[hidden]{display:none}
.typo-note{color:var(--muted)}
`;

/** The policy for a page whose only script is `script`. */
function policy(script: string): string {
  const hash = createHash('sha256').update(script).digest('base64');
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src 'sha256-${hash}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** A whole page: head (policy, style), the body, then the page's one script. */
export function pageShell(title: string, body: string, script: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy(script))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
<script>${script}</script>
</body>
</html>
`;
}
