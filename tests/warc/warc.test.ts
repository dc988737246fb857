/**
 * WARC input: archives written with warcio itself, read record by record,
 * cleaned by `copydesk clean` (a real process) into outputs named from the
 * record URLs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { nameFromUrl, RecordNames } from '../../src/warc/names.js';
import { readWarc, type WarcItem } from '../../src/warc/read.js';
import { articleHtml, type TestRecord, warcBytes } from './write-warc.js';

vi.setConfig({ testTimeout: 180_000 });

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(ROOT, 'src/cli.ts');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'copydesk-warc-'));
  dirs.push(d);
  return d;
}

const RECORDS: TestRecord[] = [
  {
    url: 'https://news.example.com/2024/park-approved',
    body: articleHtml('Park approved', 'The council approved the riverside park on Tuesday.'),
    date: '2024-03-01T10:00:00Z',
  },
  { url: 'https://news.example.com/2024/park-approved', type: 'request', body: '' },
  {
    url: 'https://news.example.com/logo.png',
    contentType: 'image/png',
    body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
  },
  {
    url: 'https://news.example.com/missing',
    status: '404 Not Found',
    body: articleHtml('Not found', 'Nothing here at all.'),
  },
  { url: 'https://news.example.com/old', status: '301 Moved Permanently', body: '' },
  {
    url: 'https://news.example.com/opinion/bridge?page=2',
    type: 'resource',
    contentType: 'text/html',
    body: articleHtml('Bridge opens', 'The new footbridge opened to walkers on Sunday.'),
    date: '2024-03-02T08:30:00Z',
  },
  {
    url: 'https://news.example.com/fr/cafe',
    contentType: 'text/html; charset=iso-8859-1',
    body: new Uint8Array(
      iconv.encode(
        articleHtml('Le café rouvre', 'Le café du village rouvre après trois années de travaux.'),
        'latin1',
      ),
    ),
  },
];

async function collect(file: string): Promise<{ items: WarcItem[]; error?: string }> {
  const items: WarcItem[] = [];
  try {
    for await (const item of readWarc(file, { maxBytes: 1_000_000 })) items.push(item);
    return { items };
  } catch (error) {
    return { items, error: (error as Error).message };
  }
}

describe('WARC record names', () => {
  it('should name a record from its URL: host, then path, safe and extension-free', () => {
    expect(nameFromUrl('https://www.example.com/news/2024/park-approved')).toBe(
      'www.example.com/news/2024/park-approved',
    );
    expect(nameFromUrl('https://example.com/a/b.html')).toBe('example.com/a/b');
    expect(nameFromUrl('https://example.com/')).toBe('example.com/index');
    expect(nameFromUrl('https://example.com/section/')).toBe('example.com/section/index');
  });

  it('should add a hash when the URL lost something (query, unsafe characters, dot segments)', () => {
    const a = nameFromUrl('https://example.com/list?page=2');
    const b = nameFromUrl('https://example.com/list?page=3');
    expect(a).toMatch(/^example\.com\/list~[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    const weird = nameFromUrl('https://example.com/a%20b/..%2F..%2Fetc/passwd');
    expect(weird).not.toContain('..');
    expect(weird).not.toContain(' ');
    expect(weird).toMatch(/~[0-9a-f]{8}$/);
    expect(nameFromUrl('not a url')).toMatch(/^record~[0-9a-f]{8}$/);
  });

  it('should keep names unique within an archive, deterministically', () => {
    const names = new RecordNames();
    const got = [
      names.next('https://example.com/a'),
      names.next('https://example.com/a'),
      names.next('https://example.com/A'),
    ];
    expect(got[0]).toBe('example.com/a');
    expect(got[1]).toBe('example.com/a~2');
    expect(new Set(got.map((g) => g.toLowerCase())).size).toBe(3);
    const again = new RecordNames();
    expect([
      again.next('https://example.com/a'),
      again.next('https://example.com/a'),
      again.next('https://example.com/A'),
    ]).toEqual(got);
  });
});

describe('readWarc', () => {
  for (const gzip of [false, true]) {
    it(`should yield HTML response and resource records as documents (${gzip ? '.warc.gz' : '.warc'})`, async () => {
      const dir = tmp();
      const file = path.join(dir, gzip ? 'crawl.warc.gz' : 'crawl.warc');
      writeFileSync(file, await warcBytes(RECORDS, gzip));
      const { items, error } = await collect(file);
      expect(error).toBeUndefined();
      const docs = items.filter((i) => i.kind === 'document');
      expect(docs.map((d) => d.url)).toEqual([
        'https://news.example.com/2024/park-approved',
        'https://news.example.com/opinion/bridge?page=2',
        'https://news.example.com/fr/cafe',
      ]);
      expect(docs[0]?.kind === 'document' && docs[0].date).toBe('2024-03-01T10:00:00Z');
      // The HTTP charset is applied: the payload reaches the cleaner as UTF-8.
      const cafe = docs[2];
      expect(cafe?.kind === 'document' && Buffer.from(cafe.bytes).toString('utf8')).toContain(
        'Le café du village rouvre',
      );
      const skipped = items.filter((i) => i.kind === 'skipped');
      expect(skipped.map((s) => s.kind === 'skipped' && `${s.reason}:${s.detail}`)).toEqual([
        'not-html:image/png',
        'http-error:HTTP 404',
        'http-error:HTTP 301',
      ]);
    });
  }

  it('should fail a truncated archive after the records before the damage', async () => {
    const dir = tmp();
    for (const gzip of [false, true]) {
      const bytes = await warcBytes(RECORDS, gzip);
      const file = path.join(dir, gzip ? 'cut.warc.gz' : 'cut.warc');
      writeFileSync(file, bytes.subarray(0, bytes.length - 60));
      const { items, error } = await collect(file);
      expect(error, file).toMatch(
        /^record 7 \(https:\/\/news\.example\.com\/fr\/cafe\): truncated/,
      );
      expect(items.filter((i) => i.kind === 'document').map((d) => d.url)).toEqual([
        'https://news.example.com/2024/park-approved',
        'https://news.example.com/opinion/bridge?page=2',
      ]);
    }
  });

  it('should fail a file that is not a WARC archive, with a reason', async () => {
    const dir = tmp();
    const file = path.join(dir, 'notes.warc');
    writeFileSync(file, 'These are my notes, not an archive.\n');
    expect((await collect(file)).error).toMatch(/not a WARC record/);
    const gz = path.join(dir, 'broken.warc.gz');
    writeFileSync(gz, Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff, 0xff]));
    expect((await collect(gz)).error).toMatch(/gzip/);
  });
});

describe('copydesk clean <archive.warc.gz>', () => {
  it('should clean every HTML record into outputs named from its URL, with URL and fetch date', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'crawls'));
    writeFileSync(path.join(dir, 'crawls/march.warc.gz'), await warcBytes(RECORDS, true));
    const r = spawnSync(
      process.execPath,
      ['--import', TSX, CLI, 'clean', 'crawls/march.warc.gz', '--out', 'out', '-j', '1'],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(r.stderr).toContain(
      'crawls/march.warc.gz: 3 records not cleaned (1 not HTML, 2 HTTP error or redirect)',
    );
    expect(r.status, r.stderr).toBe(0);
    const files = walk(path.join(dir, 'out')).sort();
    const bridge = nameFromUrl('https://news.example.com/opinion/bridge?page=2');
    expect(files).toEqual(
      [
        'crawls/march/news.example.com/2024/park-approved.json',
        'crawls/march/news.example.com/2024/park-approved.md',
        `crawls/march/${bridge}.json`,
        `crawls/march/${bridge}.md`,
        'crawls/march/news.example.com/fr/cafe.json',
        'crawls/march/news.example.com/fr/cafe.md',
      ].sort(),
    );
    const md = readFileSync(
      path.join(dir, 'out/crawls/march/news.example.com/2024/park-approved.md'),
      'utf8',
    );
    expect(md).toMatch(/^# Park approved/);
    expect(md).not.toContain('Home');
    const meta = JSON.parse(
      readFileSync(
        path.join(dir, 'out/crawls/march/news.example.com/2024/park-approved.json'),
        'utf8',
      ),
    );
    expect(meta.source.url).toBe('https://news.example.com/2024/park-approved');
    expect(meta.source.fetched).toBe('2024-03-01T10:00:00Z');
    expect(meta.source.path).toBe(
      'crawls/march.warc.gz#https://news.example.com/2024/park-approved',
    );
    expect(
      readFileSync(path.join(dir, 'out/crawls/march/news.example.com/fr/cafe.md'), 'utf8'),
    ).toContain('Le café du village rouvre');
  });

  it('should write the records before the damage and fail the truncated archive (exit 1)', async () => {
    const dir = tmp();
    const bytes = await warcBytes(RECORDS, false);
    writeFileSync(path.join(dir, 'cut.warc'), bytes.subarray(0, bytes.length - 60));
    const r = spawnSync(
      process.execPath,
      ['--import', TSX, CLI, 'clean', 'cut.warc', '--out', 'out', '-j', '1', '-q'],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /failed cut\.warc: record 7 \(https:\/\/news\.example\.com\/fr\/cafe\): truncated/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const files = walk(path.join(dir, 'out')).sort();
    expect(files).toContain('cut/news.example.com/2024/park-approved.md');
    expect(files.some((f) => f.includes('cafe'))).toBe(false);
  });
});

function walk(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(root, p));
    else out.push(p);
  }
  return out;
}
