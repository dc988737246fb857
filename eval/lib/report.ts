/** Printing evaluation results, comparing two runs, and the floors gate. */
import type { Form } from './corpus.js';
import type { EvalResult, FieldRate } from './run.js';

const f3 = (n: number): string => n.toFixed(3);
const pad = (s: string, n: number): string => s.padEnd(n);
const lpad = (s: string, n: number): string => s.padStart(n);
const signed = (n: number): string => `${n >= 0 ? '+' : ''}${n.toFixed(3)}`;

const METADATA_FIELDS = ['title', 'byline', 'published', 'language'] as const;
type MetadataField = (typeof METADATA_FIELDS)[number];

/** The main table, the worst documents of each form, and metadata match rates. */
export function formatReport(result: EvalResult, worst = 10): string {
  const lines: string[] = [];
  lines.push(
    `${pad('form', 16)}${lpad('F1', 7)}${lpad('prec', 7)}${lpad('recall', 7)}${lpad('docs', 6)}   │ ${lpad('base F1', 7)}${lpad('prec', 7)}${lpad('recall', 7)}`,
  );
  lines.push('─'.repeat(76));
  for (const [form, r] of entries(result)) {
    const o = r.ours;
    const b = r.baseline;
    lines.push(
      `${pad(form, 16)}${lpad(f3(o.f1), 7)}${lpad(f3(o.precision), 7)}${lpad(f3(o.recall), 7)}${lpad(String(o.docs), 6)}   │ ${lpad(f3(b.f1), 7)}${lpad(f3(b.precision), 7)}${lpad(f3(b.recall), 7)}`,
    );
  }
  for (const [form, r] of entries(result)) {
    if (r.failed.length > 0)
      lines.push(
        '',
        `${form}: ${r.failed.length} page(s) threw (scored empty): ${r.failed.join(', ')}`,
      );
    lines.push('', `worst ${worst} (${form}):  F1  prec  recall  (baseline F1)`);
    const sorted = [...r.docs].sort((a, b) => a.f1 - b.f1).slice(0, worst);
    for (const d of sorted)
      lines.push(
        `  ${pad(d.id, 18)} ${f3(d.f1)} ${d.precision === null ? '  -  ' : f3(d.precision)} ${d.recall === null ? '  -  ' : f3(d.recall)}  (${f3(d.baselineF1)})${d.error ? `  threw: ${d.error.slice(0, 60)}` : ''}`,
      );
  }
  if (result.metadata) {
    const m = result.metadata;
    lines.push(
      '',
      `metadata (${m.pages} pages${m.failed.length ? `, ${m.failed.length} threw` : ''}):`,
    );
    for (const field of METADATA_FIELDS) lines.push(`  ${pad(field, 10)} ${rateLine(m[field])}`);
    if (m.reference)
      lines.push(
        `  body vs the reader-mode extractor's text (not gold): F1 ${f3(m.reference.f1)}  prec ${f3(m.reference.precision)}  recall ${f3(m.reference.recall)}`,
      );
  }
  return lines.join('\n');
}

function rateLine(r: FieldRate): string {
  return `${f3(r.rate)}  (${r.matched}/${r.total})`;
}

/** Misses of each metadata field, for looking at failures (`--verbose`). */
export function formatMetadataMisses(result: EvalResult): string {
  if (!result.metadata) return '';
  const lines: string[] = [];
  for (const field of METADATA_FIELDS) {
    const r = result.metadata[field];
    if (r.misses.length === 0) continue;
    lines.push(`${field} misses:`);
    for (const miss of r.misses)
      lines.push(
        `  ${pad(miss.name, 28)} want ${JSON.stringify(miss.expected)}  got ${JSON.stringify(miss.got)}`,
      );
  }
  return lines.join('\n');
}

function entries(result: EvalResult): [Form, NonNullable<EvalResult['forms'][Form]>][] {
  return Object.entries(result.forms).filter((e) => e[1] !== undefined) as [
    Form,
    NonNullable<EvalResult['forms'][Form]>,
  ][];
}

/** Deltas against an earlier run: per form, per metadata field, and documents that moved most. */
export function formatComparison(previous: EvalResult, current: EvalResult, moved = 8): string {
  const lines: string[] = ['', `compared with ${previous.date}:`];
  for (const [form, r] of entries(current)) {
    const p = previous.forms[form];
    if (!p) continue;
    lines.push(
      `  ${pad(form, 16)} F1 ${signed(r.ours.f1 - p.ours.f1)}  prec ${signed(r.ours.precision - p.ours.precision)}  recall ${signed(r.ours.recall - p.ours.recall)}`,
    );
    const before = new Map(p.docs.map((d) => [d.id, d.f1]));
    const changes = r.docs
      .filter((d) => before.has(d.id))
      .map((d) => ({ id: d.id, delta: d.f1 - before.get(d.id)! }))
      .filter((d) => Math.abs(d.delta) >= 0.005)
      .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
      .slice(0, moved);
    for (const c of changes) lines.push(`      ${pad(c.id, 18)} ${signed(c.delta)}`);
  }
  if (previous.metadata && current.metadata)
    for (const field of METADATA_FIELDS)
      lines.push(
        `  ${pad(field, 16)} ${signed(current.metadata[field].rate - previous.metadata[field].rate)}`,
      );
  return lines.join('\n');
}

/** `eval/floors.json`: the least each form and metadata field may score. */
export interface Floors {
  forms?: Partial<Record<Form, { f1?: number; recall?: number }>>;
  metadata?: Partial<Record<MetadataField, number>>;
}

/** Every floor the result falls below, as readable lines (empty when the gate passes). */
export function checkFloors(result: EvalResult, floors: Floors): string[] {
  const failures: string[] = [];
  for (const [form, floor] of Object.entries(floors.forms ?? {}) as [
    Form,
    { f1?: number; recall?: number },
  ][]) {
    const r = result.forms[form];
    if (!r) continue;
    if (floor.f1 !== undefined && r.ours.f1 < floor.f1)
      failures.push(`${form}: F1 ${f3(r.ours.f1)} < floor ${f3(floor.f1)}`);
    if (floor.recall !== undefined && r.ours.recall < floor.recall)
      failures.push(`${form}: recall ${f3(r.ours.recall)} < floor ${f3(floor.recall)}`);
  }
  if (result.metadata)
    for (const [field, floor] of Object.entries(floors.metadata ?? {}) as [
      MetadataField,
      number,
    ][]) {
      const rate = result.metadata[field]?.rate;
      if (rate !== undefined && rate < floor)
        failures.push(`metadata ${field}: ${f3(rate)} < floor ${f3(floor)}`);
    }
  return failures;
}
