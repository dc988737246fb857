/**
 * The review's first page (`index.html`): one row per document, so an
 * editor can triage fifty pages. Each row shows the headline, the site and
 * URL (the file name below), a status badge, the share of words removed and
 * the counts; the toolbar filters by status and by rule id and searches the
 * text of the rows; headers sort. Keys: `/` search, `j`/`k` or ↓/↑ move, Enter
 * opens. Documents are separate pages (`docs/<n>.html`), loaded when opened,
 * so the list opens at once however many documents there are.
 */
import { escapeHtml, pageShell, statusBadge } from './page.js';
import { percent, sumTallies } from './words.js';

/** What the list shows about one document (small: the list of 1,000 stays small). */
export interface ReviewRow {
  /** 1-based position; the document's page is `docs/<n>.html`. */
  n: number;
  /** File name as given. */
  name: string;
  headline: string | null;
  site: string | null;
  url: string | null;
  status: string;
  statusReasons: string[];
  error?: string | undefined;
  /** Rule ids of the removals, each once. */
  rules: string[];
  wordsIn: number;
  wordsOut: number;
  removedShare: number;
  removals: number;
  /** Edits other than typography. */
  edits: number;
  /** Typography-only edits (quotes, dashes, spaces). */
  typography: number;
  warnings: number;
  /** Whether the document has a page of its own. */
  page: boolean;
}

export interface IndexOptions {
  /** Page title (default: `'copydesk review'`). */
  title?: string | undefined;
  /** Time shown as "generated" (default: now). */
  generated?: Date | undefined;
}

const COLUMNS: [label: string, sort: 'text' | 'num'][] = [
  ['Document', 'text'],
  ['Status', 'text'],
  ['Removed', 'num'],
  ['Removals', 'num'],
  ['Edits', 'num'],
  ['Warnings', 'num'],
];

function shareBar(share: number): string {
  const pct = Math.round(share * 1000) / 10;
  return (
    `<span class="share"><span class="bar"><span style="width:${pct}%"></span></span>` +
    `<span class="num">${escapeHtml(percent(share))}</span></span>`
  );
}

export function docHref(n: number): string {
  return `docs/${n}.html`;
}

function tableRow(row: ReviewRow): string {
  const noResult = row.status === 'failed' || row.status === 'skipped';
  const label = row.headline ?? row.name;
  const title = row.page
    ? `<a class="docname" href="${docHref(row.n)}">${escapeHtml(label)}</a>`
    : `<span class="docname">${escapeHtml(label)}</span>`;
  const where = [
    row.site ? `<span class="site">${escapeHtml(row.site)}</span>` : '',
    row.url ? `<span class="url">${escapeHtml(row.url)}</span>` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const search = [row.headline, row.site, row.url, row.name, row.error]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  const cells = [
    `<td data-value="${escapeHtml(label.toLowerCase())}">${title}${where ? `<span class="sub-line">${where}</span>` : ''}<span class="sub-line file">${escapeHtml(row.name)}</span>${
      row.error ? `<span class="sub-line error">${escapeHtml(row.error)}</span>` : ''
    }</td>`,
    `<td data-value="${escapeHtml(row.status)}">${statusBadge(row.status, row.statusReasons)}</td>`,
    noResult
      ? '<td class="n" data-value="-1"><span class="none">—</span></td>'
      : `<td class="n" data-value="${row.removedShare.toFixed(6)}" title="${row.wordsOut} of ${row.wordsIn} words kept">${shareBar(row.removedShare)}</td>`,
    `<td class="n" data-value="${row.removals}">${row.removals}</td>`,
    `<td class="n" data-value="${row.edits}"${row.typography > 0 ? ` title="and ${row.typography} typography edits"` : ''}>${row.edits}${
      row.typography > 0 ? ` <span class="typo-note">+${row.typography}</span>` : ''
    }</td>`,
    `<td class="n" data-value="${row.warnings}">${
      row.warnings > 0 ? `<span class="warn-n">${row.warnings}</span>` : '0'
    }</td>`,
  ];
  return `<tr data-n="${row.n}" data-status="${escapeHtml(row.status)}" data-rules="${escapeHtml(row.rules.join(' '))}" data-search="${escapeHtml(search)}">${cells.join('')}</tr>`;
}

/** The list script: sort by a header, filter by status and rule, search, move with keys. */
export const INDEX_SCRIPT = `(function(){
var table=document.getElementById('documents');if(!table)return;
var body=table.tBodies[0];
var heads=table.querySelectorAll('th[data-sort]');
heads.forEach(function(th,col){th.querySelector('button').addEventListener('click',function(){
var dir=th.getAttribute('aria-sort')==='ascending'?'descending':'ascending';
heads.forEach(function(h){h.removeAttribute('aria-sort');});th.setAttribute('aria-sort',dir);
var num=th.getAttribute('data-sort')==='num';
var rows=Array.prototype.slice.call(body.rows);
rows.sort(function(x,y){var a=x.cells[col].getAttribute('data-value'),c=y.cells[col].getAttribute('data-value');
var d=num?parseFloat(a)-parseFloat(c):a.localeCompare(c);return dir==='ascending'?d:-d;});
rows.forEach(function(r){body.appendChild(r);});});});
var q=document.getElementById('search'),st=document.getElementById('filter-status'),ru=document.getElementById('filter-rule'),shown=document.getElementById('shown');
function apply(){var text=q.value.trim().toLowerCase(),s=st.value,r=ru.value,n=0;
Array.prototype.forEach.call(body.rows,function(row){
var ok=(!s||row.getAttribute('data-status')===s)&&(!r||(' '+row.getAttribute('data-rules')+' ').indexOf(' '+r+' ')>=0)&&(!text||row.getAttribute('data-search').indexOf(text)>=0);
row.hidden=!ok;if(ok)n++;});
shown.textContent=n===body.rows.length?'':' · showing '+n;}
q.addEventListener('input',apply);st.addEventListener('change',apply);ru.addEventListener('change',apply);
var cur=-1;
function visible(){return Array.prototype.filter.call(body.rows,function(r){return !r.hidden;});}
function move(d){var v=visible();if(!v.length)return;var at=v.indexOf(body.rows[cur]);
at=Math.max(0,Math.min(v.length-1,at<0?0:at+d));if(cur>=0&&body.rows[cur])body.rows[cur].classList.remove('current');
cur=Array.prototype.indexOf.call(body.rows,v[at]);v[at].classList.add('current');v[at].scrollIntoView({block:'nearest'});}
document.addEventListener('keydown',function(e){if(e.ctrlKey||e.metaKey||e.altKey)return;
if(e.target===q){if(e.key==='Escape'){q.blur();}return;}
if(e.target&&(e.target.tagName==='SELECT'||e.target.tagName==='INPUT'))return;
if(e.key==='/'){e.preventDefault();q.focus();}
else if(e.key==='j'||e.key==='ArrowDown'){e.preventDefault();move(1);}
else if(e.key==='k'||e.key==='ArrowUp'){e.preventDefault();move(-1);}
else if(e.key==='Enter'&&cur>=0){var a=body.rows[cur].querySelector('a.docname');if(a)location.href=a.href;}});
})();`;

function options(values: Iterable<[string, string]>): string {
  return [...values]
    .map(([v, label]) => `<option value="${escapeHtml(v)}">${escapeHtml(label)}</option>`)
    .join('');
}

/** The list page of a review. */
export function renderIndexPage(rows: readonly ReviewRow[], opts: IndexOptions = {}): string {
  const title = opts.title ?? 'copydesk review';
  const generated = (opts.generated ?? new Date()).toISOString().replace('T', ' ').slice(0, 16);
  const n = rows.length;
  const total = sumTallies(
    rows.map((r) => ({ in: r.wordsIn, out: r.wordsOut, removed: 0, share: 0 })),
  );
  const count = (f: (r: ReviewRow) => number) => rows.reduce((k, r) => k + f(r), 0);
  const statuses = new Map<string, number>();
  for (const r of rows) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  const rules = new Map<string, number>();
  for (const r of rows) for (const id of r.rules) rules.set(id, (rules.get(id) ?? 0) + 1);
  const byStatus = [...statuses].map(([s, k]): [string, string] => [
    s,
    `${s.replace(/_/g, ' ')} (${k})`,
  ]);
  const byRule = [...rules]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([id, k]): [string, string] => [id, `${id} (${k})`]);
  const statusLine = [...statuses].map(([s, k]) => `${k} ${s.replace(/_/g, ' ')}`).join(', ');
  const head = COLUMNS.map(
    ([label, sort]) =>
      `<th scope="col" data-sort="${sort}"${sort === 'num' ? ' class="n"' : ''}><button type="button">${label}</button></th>`,
  ).join('');
  const body = `<header class="top" id="top">
<h1><span class="brand">copydesk</span> review</h1>
<p><span id="doc-count">${n} document${n === 1 ? '' : 's'}</span><span id="shown"></span> · ${escapeHtml(statusLine)} · ${escapeHtml(percent(total.share))} of ${total.in.toLocaleString('en-US')} words removed · ${count((r) => r.removals)} removals · ${count((r) => r.edits)} edits (+${count((r) => r.typography)} typography) · ${count((r) => r.warnings)} warnings · generated ${escapeHtml(generated)} UTC</p>
</header>
<main>
<div class="toolbar" role="search">
<input type="search" id="search" placeholder="Search headline, site, URL, file…  ( / )" aria-label="Search documents">
<select id="filter-status" aria-label="Filter by status"><option value="">every status</option>${options(byStatus)}</select>
<select id="filter-rule" aria-label="Filter by rule"><option value="">every rule</option>${options(byRule)}</select>
<span class="hint">j/k or ↑/↓ to move, Enter to open</span>
</div>
<div class="card">
<table class="docs" id="documents">
<thead><tr>${head}</tr></thead>
<tbody>
${rows.map(tableRow).join('\n')}
</tbody>
</table>
</div>
</main>`;
  return pageShell(`${title} — ${n} document${n === 1 ? '' : 's'}`, body, INDEX_SCRIPT);
}
