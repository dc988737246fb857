/**
 * `npm run bench [-- CORPUS_DIR] [--quick] [--dist] [--batch-files=5000]`: copydesk's throughput and memory
 * (`npm run bench -- --serve`: the service and the queue workers, see `scripts/bench-serve.ts`)
 * on the corpus (default `../shared/corpus/articles`), against two references
 * measured in the same run on the same inputs:
 *
 * - floor: bare remark parse + stringify of the same text (text and Markdown);
 * - Readability: @mozilla/readability + jsdom on the HTML pages.
 *
 * Each scenario runs in a fresh child process (its own JIT warm-up and its own
 * peak RSS): one warm-up pass, then timed passes for at least `MIN_MS`.
 * Scenarios: copydesk single-threaded (in-process `Cleaner`) per form, the
 * worker pool (`src/batch/pool.ts`) on all forms, the two references, a
 * 5,000-file batch (the `copydesk clean` CLI in its own process, peak RSS as
 * it reports it at exit) and a 50 MB input (the size limit).
 * Prints a table with the ratios against the targets of issue 6 and writes
 * `bench/results.json`. Timings are ratios within one run, never assertions.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FORMS = { html: 'page.html', text: 'page.txt', markdown: 'page.md' } as const;
type Form = keyof typeof FORMS;

interface Timing {
  docs: number;
  bytes: number;
  ms: number;
  passes: number;
  /** Peak resident set of the child process (MB). */
  peakRssMb: number;
  /** RSS after loading modules and inputs, before the first document (MB). */
  baseRssMb: number;
  /** CPU time of the whole process (all threads: GC, JIT, workers) over the timed passes (ms). */
  cpuMs?: number;
  /** Per-stage times (ms per document), for the `stages` scenario. */
  stages?: Record<string, number>;
  note?: string;
}

// ---------------------------------------------------------------- child side

function loadInputs(
  corpus: string,
  form: Form | 'all',
): { path: string; bytes: Buffer; form: Form }[] {
  const out: { path: string; bytes: Buffer; form: Form }[] = [];
  const forms = form === 'all' ? (Object.keys(FORMS) as Form[]) : [form];
  for (const id of readdirSync(corpus).sort())
    for (const f of forms) {
      const p = join(corpus, id, FORMS[f]);
      if (existsSync(p)) out.push({ path: `${id}/${FORMS[f]}`, bytes: readFileSync(p), form: f });
    }
  return out;
}

/**
 * copydesk's modules: from `src/` under tsx, or with `--dist` from the build in
 * `dist/src/` (as users run it: no TypeScript loader in the process or workers).
 */
const FROM_DIST = process.env.COPYDESK_BENCH_DIST === '1';
async function load<T>(rel: string): Promise<T> {
  const url = new URL(
    FROM_DIST ? `../dist/src/${rel}` : `../src/${rel.replace(/\.js$/, '.ts')}`,
    import.meta.url,
  );
  return (await import(url.href)) as T;
}

/** Documents of the warm-up pass (JIT, lazy module state). */
const WARM_UP_DOCS = 12;

const rssMb = () => process.memoryUsage().rss / 1024 / 1024;
const peakMb = () => process.resourceUsage().maxRSS / 1024;

/** Warm-up on the first documents, then timed full passes for at least `minMs`. */
async function timed(
  minMs: number,
  maxPasses: number,
  pass: (limit: number) => Promise<number> | number,
): Promise<{ ms: number; passes: number; docs: number; cpuMs: number }> {
  await pass(WARM_UP_DOCS);
  let ms = 0;
  let passes = 0;
  let docs = 0;
  const cpu0 = process.cpuUsage();
  while ((ms < minMs && passes < maxPasses) || passes === 0) {
    const t0 = performance.now();
    docs += await pass(Number.POSITIVE_INFINITY);
    ms += performance.now() - t0;
    passes++;
  }
  const cpu = process.cpuUsage(cpu0);
  return { ms, passes, docs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function child(
  scenario: string,
  form: Form | 'all',
  corpus: string,
  minMs: number,
  maxPasses: number,
): Promise<Timing> {
  const inputs = scenario === 'big50' ? [] : loadInputs(corpus, form);
  const bytes = inputs.reduce((n, i) => n + i.bytes.byteLength, 0);
  if (scenario === 'copydesk') {
    const { Cleaner } = await load<typeof import('../src/clean.js')>('clean.js');
    const cleaner = new Cleaner();
    const base = rssMb();
    const t = await timed(minMs, maxPasses, (limit) => {
      const some = inputs.slice(0, limit);
      for (const i of some) cleaner.clean(i.bytes, { path: i.path });
      return some.length;
    });
    return { ...t, bytes: bytes * t.passes, peakRssMb: peakMb(), baseRssMb: base };
  }
  if (scenario === 'stages') return stages(inputs, form, bytes, minMs, maxPasses);
  if (scenario.startsWith('pool')) {
    const { createPool, defaultThreads } =
      await load<typeof import('../src/batch/pool.js')>('batch/pool.js');
    // `pool`: the default `-j`; `pool-N`: N threads
    const threads = scenario === 'pool' ? defaultThreads() : Number(scenario.slice(5));
    const pool = createPool({ threads, options: {} });
    const base = rssMb();
    const t = await timed(minMs, maxPasses, async (limit) => {
      // the warm-up gives every thread documents of each form
      const some = limit < inputs.length ? inputs.slice(0, limit * threads) : inputs;
      await Promise.all(some.map((i) => pool.run({ bytes: i.bytes, path: i.path })));
      return some.length;
    });
    await pool.destroy();
    return {
      ...t,
      bytes: bytes * t.passes,
      peakRssMb: peakMb(),
      baseRssMb: base,
      note: `${threads} threads`,
    };
  }
  if (scenario === 'floor') {
    const { unified } = await import('unified');
    const { default: remarkParse } = await import('remark-parse');
    const { default: remarkStringify } = await import('remark-stringify');
    const processor = unified().use(remarkParse).use(remarkStringify).freeze();
    const texts = inputs.map((i) => i.bytes.toString('utf8'));
    const base = rssMb();
    const t = await timed(minMs, maxPasses, (limit) => {
      const some = texts.slice(0, limit);
      for (const text of some)
        processor.stringify(processor.runSync(processor.parse(text)) as never);
      return some.length;
    });
    return { ...t, bytes: bytes * t.passes, peakRssMb: peakMb(), baseRssMb: base };
  }
  if (scenario === 'readability') {
    const { JSDOM, VirtualConsole } = await import('jsdom');
    const { Readability } = await import('@mozilla/readability');
    const urls = inputs.map((i) => {
      try {
        const src = JSON.parse(
          readFileSync(join(corpus, i.path.split('/')[0] as string, 'source.json'), 'utf8'),
        ) as { url?: string };
        return src.url ?? 'https://example.com/';
      } catch {
        return 'https://example.com/';
      }
    });
    const htmls = inputs.map((i) => i.bytes.toString('utf8'));
    const virtualConsole = new VirtualConsole(); // swallow CSS parse noise
    const base = rssMb();
    // Some pages make jsdom's CSS parser throw (inside Readability's visibility
    // checks); those pages count as done with the time they took, as for a user.
    const failed = new Set<number>();
    const t = await timed(minMs, maxPasses, (limit) => {
      const some = htmls.slice(0, limit);
      some.forEach((html, k) => {
        try {
          const dom = new JSDOM(html, { url: urls[k] as string, virtualConsole });
          try {
            new Readability(dom.window.document).parse();
          } finally {
            dom.window.close();
          }
        } catch {
          failed.add(k);
        }
      });
      return some.length;
    });
    return {
      ...t,
      bytes: bytes * t.passes,
      peakRssMb: peakMb(),
      baseRssMb: base,
      ...(failed.size > 0 ? { note: `Readability threw on ${failed.size} page(s)` } : {}),
    };
  }
  if (scenario === 'big50') return big50(corpus);
  throw new Error(`unknown scenario ${scenario}`);
}

/**
 * Where a clean's time goes, per form: the bare parse (rehype-parse for HTML,
 * remark-parse for Markdown, a line split for text), copydesk's reader (parse
 * and conversion to mdast with the hast stage), the first pass (reader,
 * plugins, stringify) and the whole clean (first pass and settle passes).
 * Each stage is timed over whole passes of the corpus, stages interleaved.
 */
async function stages(
  inputs: { path: string; bytes: Buffer; form: Form }[],
  form: Form | 'all',
  bytes: number,
  minMs: number,
  maxPasses: number,
): Promise<Timing> {
  const { Cleaner } = await load<typeof import('../src/clean.js')>('clean.js');
  const { readInput } = await load<typeof import('../src/readers/index.js')>('readers/index.js');
  const { VFile } = await import('vfile');
  const { unified } = await import('unified');
  const { default: rehypeParse } = await import('rehype-parse');
  const { default: remarkParse } = await import('remark-parse');
  const cleaner = new Cleaner();
  const texts = inputs.map((i) => i.bytes.toString('utf8'));
  const format = form === 'all' ? 'text' : form;
  const html = unified().use(rehypeParse).freeze();
  const md = unified().use(remarkParse).freeze();
  const steps: Record<string, (k: number) => void> = {
    parse: (k) => {
      const text = texts[k] as string;
      if (format === 'html') html.parse(text);
      else if (format === 'markdown') md.parse(text);
      else text.split('\n').map((l) => l.trim());
    },
    read: (k) => {
      readInput(texts[k] as string, format, new VFile({ value: texts[k] as string }));
    },
    'first pass': (k) => {
      cleaner.cleanOnce(inputs[k]?.bytes as Buffer, { path: inputs[k]?.path as string });
    },
    clean: (k) => {
      cleaner.clean(inputs[k]?.bytes as Buffer, { path: inputs[k]?.path as string });
    },
  };
  const names = Object.keys(steps);
  for (const name of names)
    for (let k = 0; k < Math.min(WARM_UP_DOCS, inputs.length); k++) steps[name]?.(k);
  const spent = Object.fromEntries(names.map((n) => [n, [] as number[]]));
  const t0 = performance.now();
  let passes = 0;
  while ((performance.now() - t0 < minMs && passes < maxPasses) || passes === 0) {
    for (const name of passes % 2 ? [...names].reverse() : names) {
      const s0 = performance.now();
      for (let k = 0; k < inputs.length; k++) steps[name]?.(k);
      spent[name]?.push((performance.now() - s0) / Math.max(1, inputs.length));
    }
    passes++;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
  const out = Object.fromEntries(names.map((n) => [n, median(spent[n] ?? [])]));
  return {
    docs: inputs.length * passes,
    bytes: bytes * passes,
    ms: (out.clean ?? 0) * inputs.length * passes,
    passes,
    peakRssMb: peakMb(),
    baseRssMb: 0,
    stages: out,
    note: 'medians of interleaved passes',
  };
}

/** Copy corpus pages into `count` files under `dir/in` (500 per folder); their total size. */
function writeBatchInputs(corpus: string, count: number, dir: string): number {
  const inputs = loadInputs(corpus, 'all');
  const src = join(dir, 'in');
  let bytes = 0;
  for (let k = 0; k < count; k++) {
    const i = inputs[k % inputs.length] as (typeof inputs)[number];
    const sub = join(src, String(Math.floor(k / 500)));
    if (k % 500 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${k}-${FORMS[i.form]}`), i.bytes);
    bytes += i.bytes.byteLength;
  }
  return bytes;
}

/** Printed by the CLI process at exit (a `--import` hook): its own peak RSS, worker threads included. */
const MAXRSS_HOOK =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("\\ncopydesk-bench-maxrss "+process.resourceUsage().maxRSS+"\\n"))';

/**
 * The batch as users run it: `copydesk clean IN --out OUT` in its own process
 * (`bin/copydesk.js` with `--dist`, else `src/cli.ts` under tsx), default
 * options (worker pool, one thread per core). The process reports its peak
 * RSS itself; the bench process holds no copydesk module or tsx loader, so
 * nothing but copydesk is measured.
 */
function batchCli(corpus: string, count: number, fromDist: boolean): Timing {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-bench-'));
  try {
    const bytes = writeBatchInputs(corpus, count, dir);
    const cli = fromDist ? join(ROOT, 'bin', 'copydesk.js') : join(ROOT, 'src', 'cli.ts');
    const args = [
      ...(fromDist ? [] : ['--import', 'tsx']),
      '--import',
      MAXRSS_HOOK,
      cli,
      'clean',
      join(dir, 'in'),
      '--out',
      join(dir, 'out'),
      '--quiet',
      '--json',
    ];
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const ms = performance.now() - t0;
    const rss = /copydesk-bench-maxrss (\d+)/.exec(r.stderr);
    let summary: { cleaned?: number; skipped?: unknown[]; failed?: unknown[] } = {};
    try {
      summary = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}');
    } catch {
      // reported below
    }
    if (!rss || summary.cleaned === undefined)
      throw new Error(
        `batch CLI failed (exit ${r.status}): ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`,
      );
    return {
      docs: summary.cleaned,
      bytes,
      ms,
      passes: 1,
      peakRssMb: Number(rss[1]) / 1024,
      baseRssMb: 0,
      note: `copydesk clean (CLI): ${summary.cleaned} cleaned, ${summary.skipped?.length ?? 0} skipped, ${summary.failed?.length ?? 0} failed`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A 50 MB text input through the batch runner with the default size limit. */
async function big50(corpus: string): Promise<Timing> {
  const { expandInputs } = await load<typeof import('../src/batch/inputs.js')>('batch/inputs.js');
  const { runBatch } = await load<typeof import('../src/batch/runner.js')>('batch/runner.js');
  let DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
  try {
    ({ DEFAULT_MAX_BYTES } =
      await load<typeof import('../src/commands/clean.js')>('commands/clean.js'));
  } catch {
    // keep the documented default
  }
  const text = loadInputs(corpus, 'text')
    .map((i) => i.bytes.toString('utf8'))
    .join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-bench-'));
  try {
    const file = join(dir, 'big.txt');
    const target = 50 * 1024 * 1024;
    const parts: string[] = [];
    let size = 0;
    while (size < target) {
      parts.push(text);
      size += Buffer.byteLength(text);
    }
    writeFileSync(file, parts.join('\n'));
    parts.length = 0;
    const base = rssMb();
    const t0 = performance.now();
    const errors: string[] = [];
    const outDir = join(dir, 'out');
    const summary = await runBatch(
      await expandInputs([file], { cwd: dir, outDir }),
      {
        outDir,
        options: {},
        concurrency: 1,
        maxBytes: DEFAULT_MAX_BYTES,
        timeoutMs: 60_000,
        resume: false,
        version: 'bench',
      },
      { warn: (l) => errors.push(l), error: (l) => errors.push(l) },
    );
    return {
      docs: summary.cleaned,
      bytes: size,
      ms: performance.now() - t0,
      passes: 1,
      peakRssMb: peakMb(),
      baseRssMb: base,
      note: errors[0] ?? `cleaned (${summary.cleaned})`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// --------------------------------------------------------------- parent side

function run(
  scenario: string,
  form: string,
  corpus: string,
  minMs: number,
  maxPasses: number,
  fromDist: boolean,
): Timing {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--child',
      scenario,
      form,
      corpus,
      String(minMs),
      String(maxPasses),
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, COPYDESK_BENCH_DIST: fromDist ? '1' : '0' },
    },
  );
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as Timing;
  } catch {
    throw new Error(
      `scenario ${scenario}/${form} failed (exit ${r.status}): ${r.stderr.trim().split('\n').slice(-5).join(' | ')}`,
    );
  }
}

/**
 * The pool's speed-up on `cores` idle cores, projected from this run: a
 * thread cleans a document in the single-threaded wall time at best, and
 * all threads together cannot use more CPU than the machine has, so
 * docs/s ≤ min(threads / single wall ms, cores / pool CPU ms per document),
 * with one thread per core.
 */
function projectPool(single: Timing, pool: Timing, cores: number, threads: number): number {
  const singleWall = single.ms / single.docs;
  const poolCpu = (pool.cpuMs ?? pool.ms) / pool.docs;
  const projected = Math.min(threads / singleWall, cores / poolCpu);
  return projected * singleWall;
}

/** The default `-j` (`src/batch/pool.ts`'s `defaultThreads`), for the projection and the labels. */
const defaultJ = (cores: number): number => Math.max(1, cores - 1);

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
const docsPerS = (t: Timing) => (t.docs / t.ms) * 1000;
const mbPerS = (t: Timing) => t.bytes / 1024 / 1024 / (t.ms / 1000);

async function main(argv: string[]): Promise<void> {
  // `--serve`: the HTTP service and queue workers under load (scripts/bench-serve.ts).
  if (argv.includes('--serve')) return (await import('./bench-serve.js')).main(argv);
  if (argv[0] === '--child') {
    const [, scenario, form, corpus, minMs, maxPasses] = argv;
    const t = await child(
      scenario as string,
      form as Form | 'all',
      corpus as string,
      Number(minMs),
      Number(maxPasses),
    );
    process.stdout.write(`${JSON.stringify(t)}\n`);
    return;
  }
  const quick = argv.includes('--quick');
  const fromDist = argv.includes('--dist');
  if (fromDist && !existsSync(join(ROOT, 'dist', 'src', 'clean.js'))) {
    console.error('--dist: run `npm run build` first');
    process.exitCode = 2;
    return;
  }
  const batchArg = argv.find((a) => a.startsWith('--batch-files='));
  const batchFiles = batchArg ? Number(batchArg.split('=')[1]) : 5000;
  const corpus = resolve(
    argv.find((a) => !a.startsWith('--')) ?? join(ROOT, '..', 'shared', 'corpus', 'articles'),
  );
  if (!existsSync(corpus)) {
    console.error(`corpus not found: ${corpus} (give its articles/ folder as an argument)`);
    process.exitCode = 2;
    return;
  }
  const minMs = quick ? 1000 : 4000;
  const maxPasses = quick ? 3 : 20;
  const results: Record<string, Timing> = {};
  // The machine may be shared: the compared scenarios run in rounds, in
  // alternating order, and each keeps the round with its median ms/doc.
  const rounds = quick ? 1 : 3;
  const samples: Record<string, Timing[]> = {};
  const step = (key: string, scenario: string, form: string, passes = maxPasses) => {
    process.stderr.write(`bench: ${key}…\n`);
    const t = run(scenario, form, corpus, minMs, passes, fromDist);
    samples[key] = [...(samples[key] ?? []), t];
    process.stderr.write(
      `  ${t.docs} docs in ${Math.round(t.ms)} ms, peak ${Math.round(t.peakRssMb)} MB ${t.note ?? ''}\n`,
    );
  };
  const compared: [string, string, string, number?][] = [
    ...(Object.keys(FORMS) as Form[]).map((form): [string, string, string] => [
      `copydesk/${form}`,
      'copydesk',
      form,
    ]),
    ['floor/text', 'floor', 'text'],
    ['floor/markdown', 'floor', 'markdown'],
    ['readability/html', 'readability', 'html', quick ? 1 : 3],
    ['copydesk/all', 'copydesk', 'all'],
    ['pool/all', 'pool', 'all'],
    // the default -j against -j 1 and one thread per core (when they differ from it)
    ...[...new Set([1, availableParallelism()])]
      .filter((n) => n !== defaultJ(availableParallelism()))
      .map((n): [string, string, string] => [`pool-${n}/all`, `pool-${n}`, 'all']),
  ];
  for (let round = 0; round < rounds; round++)
    for (const [key, scenario, form, passes] of round % 2 ? [...compared].reverse() : compared)
      step(key, scenario, form, passes);
  for (const [key, list] of Object.entries(samples)) {
    const sorted = [...list].sort((a, b) => a.ms / a.docs - b.ms / b.docs);
    results[key] = {
      ...(sorted[sorted.length >> 1] as Timing),
      ...(list.length > 1 ? { note: `median of ${list.length} rounds` } : {}),
    };
  }
  for (const form of Object.keys(FORMS) as Form[]) {
    process.stderr.write(`bench: stages/${form}…\n`);
    results[`stages/${form}`] = run('stages', form, corpus, minMs, maxPasses, fromDist);
  }
  if (!quick) {
    process.stderr.write(`bench: batch/${batchFiles} (CLI)…\n`);
    results[`batch/${batchFiles}`] = batchCli(corpus, batchFiles, fromDist);
    {
      const t = results[`batch/${batchFiles}`] as Timing;
      process.stderr.write(
        `  ${t.docs} docs in ${Math.round(t.ms)} ms, peak ${Math.round(t.peakRssMb)} MB ${t.note ?? ''}\n`,
      );
    }
    step('input/50MB', 'big50', 'text');
  }

  const r = (k: string) => results[k] as Timing;
  const ratios = {
    htmlVsReadability:
      r('readability/html').ms /
      r('readability/html').docs /
      (r('copydesk/html').ms / r('copydesk/html').docs),
    textVsFloor:
      r('copydesk/text').ms / r('copydesk/text').docs / (r('floor/text').ms / r('floor/text').docs),
    markdownVsFloor:
      r('copydesk/markdown').ms /
      r('copydesk/markdown').docs /
      (r('floor/markdown').ms / r('floor/markdown').docs),
    poolVsSingle: docsPerS(r('pool/all')) / docsPerS(r('copydesk/all')),
    poolVsJ1: docsPerS(r('pool/all')) / docsPerS(results['pool-1/all'] ?? r('pool/all')),
    poolPerCoreVsJ1:
      docsPerS(results[`pool-${availableParallelism()}/all`] ?? r('pool/all')) /
      docsPerS(results['pool-1/all'] ?? r('pool/all')),
    poolProjected4: projectPool(r('copydesk/all'), r('pool/all'), 4, defaultJ(4)),
  };
  const targets = [
    {
      what: 'HTML: copydesk vs Readability+jsdom (× faster)',
      value: ratios.htmlVsReadability,
      target: '≥ 5',
      ok: ratios.htmlVsReadability >= 5,
    },
    {
      what: 'text: copydesk time / bare parse+stringify',
      value: ratios.textVsFloor,
      target: '≤ 2',
      ok: ratios.textVsFloor <= 2,
    },
    {
      what: 'Markdown: copydesk time / bare parse+stringify',
      value: ratios.markdownVsFloor,
      target: '≤ 2.5',
      ok: ratios.markdownVsFloor <= 2.5,
    },
    {
      what: `default -j (${defaultJ(availableParallelism())} threads) vs -j 1 (${availableParallelism()} cores)`,
      value: ratios.poolVsJ1,
      target: '≥ 1.0',
      ok: ratios.poolVsJ1 >= 1.0,
    },
    {
      what: `worker pool (default -j) vs in-process single thread`,
      value: ratios.poolVsSingle,
      target: '(info)',
      ok: true,
    },
    {
      what: `one thread per core (-j ${availableParallelism()}) vs -j 1`,
      value: ratios.poolPerCoreVsJ1,
      target: '(info)',
      ok: true,
    },
    {
      what: `default -j projected on 4 idle cores (${defaultJ(4)} threads, from CPU time per document)`,
      value: ratios.poolProjected4,
      target: '≥ 1.6',
      ok: ratios.poolProjected4 >= 1.6,
    },
  ];
  const batch = results[`batch/${batchFiles}`];
  if (batch)
    targets.push({
      what: `${batchFiles}-file batch peak RSS (MB)`,
      value: batch.peakRssMb,
      target: '< 300',
      ok: batch.peakRssMb < 300,
    });
  const big = results['input/50MB'];
  if (big)
    targets.push({
      what: '50 MB input refused by the size limit (peak RSS MB)',
      value: big.peakRssMb,
      target: 'refused or bounded',
      ok: big.docs === 0 ? /too large|size/i.test(big.note ?? '') : big.peakRssMb < 1024,
    });

  console.log(
    `copydesk bench · ${new Date().toISOString()} · Node ${process.version} · ${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()}`,
  );
  console.log(
    `corpus ${corpus} · ${quick ? 'quick' : 'full'} run · copydesk from ${fromDist ? 'dist/ (built)' : 'src/ (tsx)'}\n`,
  );
  console.log('| scenario | docs | docs/s | MB/s | ms/doc | CPU ms/doc | peak RSS MB | note |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const [k, t] of Object.entries(results))
    if (!t.stages)
      console.log(
        `| ${k} | ${t.docs} | ${f1(docsPerS(t))} | ${f2(mbPerS(t))} | ${f2(t.ms / Math.max(t.docs, 1))} | ${t.cpuMs === undefined ? '' : f2(t.cpuMs / Math.max(t.docs, 1))} | ${f1(t.peakRssMb)} | ${t.note ?? ''} |`,
      );
  console.log(
    '\n| stages (ms/doc, one thread) | bare parse | reader | first pass | whole clean | settle share |',
  );
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const form of Object.keys(FORMS) as Form[]) {
    const st = results[`stages/${form}`]?.stages;
    if (!st) continue;
    const whole = st.clean ?? 0;
    const first = st['first pass'] ?? 0;
    console.log(
      `| ${form} | ${f2(st.parse ?? 0)} | ${f2(st.read ?? 0)} | ${f2(first)} | ${f2(whole)} | ${whole > 0 ? `${Math.round((100 * (whole - first)) / whole)} %` : ''} |`,
    );
  }
  console.log('\n| target | measured | goal | met |');
  console.log('|---|---:|---|---|');
  for (const t of targets)
    console.log(`| ${t.what} | ${f2(t.value)} | ${t.target} | ${t.ok ? 'yes' : 'NO'} |`);
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  const out = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model,
    cores: availableParallelism(),
    corpus,
    quick,
    from: fromDist ? 'dist' : 'src (tsx)',
    results: Object.fromEntries(
      Object.entries(results).map(([k, t]) => [
        k,
        { ...t, docsPerS: docsPerS(t), mbPerS: mbPerS(t), msPerDoc: t.ms / Math.max(t.docs, 1) },
      ]),
    ),
    ratios,
    targets,
  };
  writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log('\nwritten: bench/results.json');
}

await main(process.argv.slice(2));
