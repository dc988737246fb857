/**
 * The wide corpus' figures: text F1/precision/recall per dataset, page kind
 * and language; catastrophic pages; metadata match rates per dataset and
 * language; comparison with an earlier run; and the check-half gate.
 */
import { type Aggregate, aggregate, type DocScore } from './metric.js';
import type { WebDocResult } from './web-run.js';

export interface WebEvalResult {
  corpus: string;
  date: string;
  half: string;
  docs: WebDocResult[];
  seconds: number;
}

/** A page lost: F1 below 0.5 where the gold has at least 50 words. */
export function isCatastrophic(d: WebDocResult): boolean {
  return d.goldWords >= 50 && d.f1 < 0.5;
}

const METADATA = ['title', 'authors', 'published', 'language'] as const;
export type WebMetadataField = (typeof METADATA)[number];

export interface Rate {
  matched: number;
  total: number;
  rate: number;
}

export interface GroupFigures {
  text: Aggregate;
  catastrophic: number;
  metadata: Partial<Record<WebMetadataField, Rate>>;
}

function asScore(d: WebDocResult): DocScore {
  return {
    tp: 0,
    fp: 0,
    fn: 0,
    precision: d.precision ?? undefined,
    recall: d.recall ?? undefined,
    f1: d.f1,
  };
}

export function figuresOf(docs: readonly WebDocResult[]): GroupFigures {
  const metadata: GroupFigures['metadata'] = {};
  for (const field of METADATA) {
    const judged = docs.map((d) => d[field]).filter((v) => v !== undefined);
    if (judged.length === 0) continue;
    const matched = judged.filter((v) => v.ok).length;
    metadata[field] = { matched, total: judged.length, rate: matched / judged.length };
  }
  return {
    text: aggregate(docs.map(asScore)),
    catastrophic: docs.filter(isCatastrophic).length,
    metadata,
  };
}

export type Grouping = 'dataset' | 'kind' | 'lang';

export function groupBy(docs: readonly WebDocResult[], key: Grouping): [string, WebDocResult[]][] {
  const groups = new Map<string, WebDocResult[]>();
  for (const d of docs) {
    const k = d[key];
    const list = groups.get(k);
    if (list) list.push(d);
    else groups.set(k, [d]);
  }
  return [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

const f3 = (n: number): string => n.toFixed(3);
const pad = (s: string, n: number): string => s.padEnd(n);
const lpad = (s: string, n: number): string => s.padStart(n);
const signed = (n: number): string => `${n >= 0 ? '+' : ''}${n.toFixed(3)}`;

function rateCell(r: Rate | undefined): string {
  return r ? lpad(`${f3(r.rate)} (${r.total})`, 13) : lpad('-', 13);
}

function row(name: string, docs: readonly WebDocResult[], base: boolean): string {
  const f = figuresOf(docs);
  // The do-nothing baseline (the page's visible text): mean per-page F1.
  const baseF1 = docs.reduce((s, d) => s + d.baselineF1, 0) / Math.max(1, docs.length);
  return `${pad(name, 16)}${lpad(String(docs.length), 6)}${lpad(f3(f.text.f1), 7)}${lpad(f3(f.text.precision), 7)}${lpad(f3(f.text.recall), 7)}${lpad(String(f.catastrophic), 6)}${base ? lpad(f3(baseF1), 8) : ''}`;
}

/** The report: overall, per dataset, per page kind, per language; metadata; catastrophic pages. */
export function formatWebReport(result: WebEvalResult, worst = 15): string {
  const docs = result.docs;
  const lines: string[] = [
    `corpus-web, ${result.half} half: ${docs.length} pages in ${result.seconds.toFixed(0)} s`,
    '',
  ];
  const header = `${pad('', 16)}${lpad('pages', 6)}${lpad('F1', 7)}${lpad('prec', 7)}${lpad('recall', 7)}${lpad('cat.', 6)}`;
  lines.push(`${header}${lpad('base F1', 8)}`, '─'.repeat(57));
  lines.push(row('all', docs, true));
  for (const key of ['dataset', 'kind', 'lang'] as const) {
    lines.push('', `by ${key}:`);
    const groups = groupBy(docs, key);
    const shown = key === 'lang' ? groups.filter(([, g]) => g.length >= 3) : groups;
    for (const [name, group] of shown) lines.push(row(`  ${name}`, group, true));
    if (shown.length < groups.length)
      lines.push(`  (${groups.length - shown.length} languages with < 3 pages not listed)`);
  }
  const cat = docs.filter(isCatastrophic);
  lines.push(
    '',
    `catastrophic pages (F1 < 0.5, gold ≥ 50 words): ${cat.length} of ${docs.length} (${f3(cat.length / Math.max(1, docs.length))})`,
  );
  for (const d of [...cat].sort((a, b) => a.f1 - b.f1).slice(0, worst))
    lines.push(
      `  ${pad(d.id, 30)} F1 ${f3(d.f1)} P ${d.precision === null ? '  -  ' : f3(d.precision)} R ${d.recall === null ? '  -  ' : f3(d.recall)} ${d.kind !== 'none' ? d.kind : ''} ${d.status ?? ''}${d.error ? ` threw: ${d.error.slice(0, 60)}` : ''}`,
    );
  if (cat.length > worst) lines.push(`  … ${cat.length - worst} more (see the JSON)`);

  const withMeta = docs.some((d) => METADATA.some((f) => d[f] !== undefined));
  if (withMeta) {
    lines.push(
      '',
      `metadata${pad('', 8)}${METADATA.map((f) => lpad(f, 13)).join('')}`,
      '─'.repeat(68),
    );
    const metaRow = (name: string, group: readonly WebDocResult[]): string => {
      const m = figuresOf(group).metadata;
      return `${pad(name, 16)}${METADATA.map((f) => rateCell(m[f])).join('')}`;
    };
    lines.push(metaRow('all', docs));
    for (const key of ['dataset', 'lang'] as const)
      for (const [name, group] of groupBy(docs, key))
        if (group.some((d) => d.title || d.authors || d.published))
          lines.push(metaRow(`  ${name}`, group));
  }
  const times = docs.map((d) => d.ms).sort((a, b) => a - b);
  if (times.length > 0)
    lines.push(
      '',
      `time per page: median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(0)} ms, max ${times[times.length - 1]!.toFixed(0)} ms`,
    );
  return lines.join('\n');
}

/** Misses of each metadata field (`--verbose`). */
export function formatWebMetadataMisses(result: WebEvalResult, field?: WebMetadataField): string {
  const lines: string[] = [];
  for (const f of field ? [field] : METADATA) {
    const misses = result.docs.filter((d) => d[f] && !d[f].ok);
    if (misses.length === 0) continue;
    lines.push(`${f} misses (${misses.length}):`);
    for (const d of misses)
      lines.push(
        `  ${pad(d.id, 30)} ${pad(d.lang, 3)} want ${JSON.stringify(d[f]!.want)}  got ${JSON.stringify(d[f]!.got)}`,
      );
  }
  return lines.join('\n');
}

/** Deltas against an earlier run of the same pages. */
export function formatWebComparison(
  previous: WebEvalResult,
  current: WebEvalResult,
  moved = 12,
): string {
  const before = new Map(previous.docs.map((d) => [d.id, d]));
  const common = current.docs.filter((d) => before.has(d.id));
  const prev = common.map((d) => before.get(d.id)!);
  const a = figuresOf(prev);
  const b = figuresOf(common);
  const lines = [
    '',
    `compared with ${previous.date} on ${common.length} common pages:`,
    `  F1 ${f3(a.text.f1)} → ${f3(b.text.f1)} (${signed(b.text.f1 - a.text.f1)})  prec ${signed(b.text.precision - a.text.precision)}  recall ${signed(b.text.recall - a.text.recall)}  catastrophic ${a.catastrophic} → ${b.catastrophic}`,
  ];
  for (const [name] of groupBy(common, 'dataset')) {
    const fa = figuresOf(prev.filter((d) => d.dataset === name)).text.f1;
    const fb = figuresOf(common.filter((d) => d.dataset === name)).text.f1;
    lines.push(`    ${pad(name, 14)} ${f3(fa)} → ${f3(fb)} (${signed(fb - fa)})`);
  }
  for (const field of METADATA) {
    const ra = a.metadata[field];
    const rb = b.metadata[field];
    if (ra && rb)
      lines.push(
        `  ${pad(field, 10)} ${f3(ra.rate)} → ${f3(rb.rate)} (${signed(rb.rate - ra.rate)})`,
      );
  }
  const changes = common
    .map((d) => ({ id: d.id, delta: d.f1 - before.get(d.id)!.f1 }))
    .filter((d) => Math.abs(d.delta) >= 0.01)
    .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta));
  lines.push(`  pages moved ≥ 0.01: ${changes.length}`);
  for (const c of changes.slice(0, moved)) lines.push(`    ${pad(c.id, 30)} ${signed(c.delta)}`);
  return lines.join('\n');
}

/** `eval/floors-web.json`: the check half's floors. */
export interface WebFloors {
  /** F1 floor per dataset. */
  datasets?: Record<string, { f1?: number; recall?: number }>;
  /** At most this share of pages catastrophic. */
  catastrophicShare?: number;
  metadata?: Partial<Record<WebMetadataField, number>>;
}

export function checkWebFloors(result: WebEvalResult, floors: WebFloors): string[] {
  const failures: string[] = [];
  for (const [name, floor] of Object.entries(floors.datasets ?? {})) {
    const group = result.docs.filter((d) => d.dataset === name);
    if (group.length === 0) continue;
    const t = figuresOf(group).text;
    if (floor.f1 !== undefined && t.f1 < floor.f1)
      failures.push(`${name}: F1 ${f3(t.f1)} < floor ${f3(floor.f1)}`);
    if (floor.recall !== undefined && t.recall < floor.recall)
      failures.push(`${name}: recall ${f3(t.recall)} < floor ${f3(floor.recall)}`);
  }
  const all = figuresOf(result.docs);
  if (floors.catastrophicShare !== undefined && result.docs.length > 0) {
    const share = all.catastrophic / result.docs.length;
    if (share > floors.catastrophicShare)
      failures.push(
        `catastrophic pages ${f3(share)} > ceiling ${f3(floors.catastrophicShare)} (${all.catastrophic})`,
      );
  }
  for (const [field, floor] of Object.entries(floors.metadata ?? {}) as [
    WebMetadataField,
    number,
  ][]) {
    const r = all.metadata[field];
    if (r && r.rate < floor) failures.push(`metadata ${field}: ${f3(r.rate)} < floor ${f3(floor)}`);
  }
  return failures;
}
