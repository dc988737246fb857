/**
 * The review page in a real browser: Debian's headless Chromium driven by
 * playwright-core. Asserts what a reviewer sees and saves a screenshot to
 * `tests/.artifacts/review.png`.
 *
 * Needs Debian's Chromium: the set-up finds it, or installs it with
 * `scripts/ensure-chromium.sh` (`tests/setup/chromium.ts`). When it can be
 * neither found nor installed this test FAILS, it never skips.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runReview } from '../../src/commands/review.js';
import { ensureChromium } from '../setup/chromium.js';

let CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.resolve(import.meta.dirname, '../.artifacts');
const SEED = path.resolve(import.meta.dirname, '../../seeds/theweek--putin-meets-kim-jong-un.txt');

const HOSTILE = [
  'A hostile page <script>window.__pwned = 1</script> about river levels',
  '<img src="x" onerror="window.__pwned = 2"> The river rose by two metres overnight, officials said, and the water is expected to fall again by Friday.',
  'Residents were told to stay away from the banks <iframe src="javascript:window.__pwned=3"></iframe> until the warning is lifted.',
  'Subscribe to our newsletter <script>window.__pwned = 4</script> for daily updates',
].join('\n');

const BLOG = [
  '# Notes from a small garden',
  '',
  'Tomatoes need warmth, water and patience; this year they had two of the three.',
  '',
  'The basil, on the other hand, grew as if it had read the seed packet.',
  '',
  'Sign up for our weekly newsletter and never miss a post!',
  '',
].join('\n');

let dir: string;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const errors: string[] = [];

function sink() {
  return { write: (_: string) => true };
}

/** Set when Chromium is missing: every test then fails with this message (never skips). */
let missing: string | undefined;

beforeAll(async () => {
  const browser = ensureChromium();
  if ('missing' in browser) {
    missing = browser.missing;
    return;
  }
  CHROMIUM = browser.path;
  dir = await mkdtemp(path.join(tmpdir(), 'copydesk-review-browser-'));
  const inputs = path.join(dir, 'inputs');
  await mkdir(inputs);
  await writeFile(path.join(inputs, 'seed.txt'), await readFile(SEED));
  await writeFile(path.join(inputs, 'hostile.txt'), HOSTILE);
  await writeFile(path.join(inputs, 'garden.md'), BLOG);
  const result = await runReview(
    { inputs: [inputs], out: path.join(dir, 'review') },
    { stdout: sink(), stderr: sink() },
  );
  expect(result.code).toBe(0);

  context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1440, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(pathToFileURL(result.page!).href);
}, 20 * 60_000); // the first run on a fresh machine installs Chromium

afterAll(async () => {
  await context?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  if (missing) throw new Error(missing);
});

const docUrl = (n: number) => pathToFileURL(path.join(dir, 'review', 'docs', `${n}.html`)).href;

describe('review list in Chromium', () => {
  it('should show the number of documents and one row each, named by headline', async () => {
    await expect(page.locator('#doc-count').textContent()).resolves.toBe('3 documents');
    await expect(page.locator('#documents tbody tr').count()).resolves.toBe(3);
    const names = await page.locator('#documents tbody a.docname').allTextContents();
    expect(names).toContain('Notes from a small garden');
    // the file name is still there, under the headline
    await expect(
      page.locator('#documents tbody tr[data-n="3"] .file').textContent(),
    ).resolves.toContain('seed.txt');
  });

  it('should show the status as a coloured badge', async () => {
    const badge = page.locator('#documents tbody tr[data-n="3"] .status');
    await expect(badge.textContent()).resolves.toBe('ok');
    const bg = await badge.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).not.toBe('rgba(0, 0, 0, 0)');
  });

  it('should filter by rule id and by status, and search', async () => {
    const visible = () =>
      page
        .locator('#documents tbody tr:not([hidden])')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-n')));
    await page.locator('#filter-rule').selectOption('strip-related');
    expect(await visible()).toEqual(['3']);
    await expect(page.locator('#shown').textContent()).resolves.toBe(' · showing 1');
    await page.locator('#filter-rule').selectOption('');
    await page.locator('#filter-status').selectOption('ok');
    expect((await visible()).length).toBeGreaterThan(0);
    await page.locator('#filter-status').selectOption('');
    await page.locator('#search').fill('garden');
    expect(await visible()).toEqual(['1']);
    await page.locator('#search').fill('');
    expect((await visible()).length).toBe(3);
  });

  it('should sort the documents when a header is clicked', async () => {
    const removed = page.locator('#documents th', { hasText: 'Removed' }).locator('button');
    await removed.click();
    const shares = async () =>
      (await page
        .locator('#documents tbody tr td:nth-child(3)')
        .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))))) as number[];
    const asc = await shares();
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    await expect(
      page.locator('#documents th', { hasText: 'Removed' }).getAttribute('aria-sort'),
    ).resolves.toBe('ascending');
    await removed.click();
    const desc = await shares();
    expect(desc).toEqual([...asc].reverse());
  });

  it('should open a document from the keyboard (j, Enter)', async () => {
    await page.locator('#documents th', { hasText: 'Document' }).locator('button').click();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    await expect(page.locator('#documents tbody tr.current').count()).resolves.toBe(1);
    await Promise.all([page.waitForURL(/docs\/\d+\.html$/), page.keyboard.press('Enter')]);
    await expect(page.locator('section.doc').count()).resolves.toBe(1);
    await page.goto(pathToFileURL(path.join(dir, 'review', 'index.html')).href);
  });
});

describe('document page in Chromium', () => {
  it('should highlight a removal with its rule id and a visible reason', async () => {
    await page.goto(docUrl(3));
    const removed = page.locator('del.removed[data-rule="strip-newsletter"]').first();
    await expect(removed.isVisible()).resolves.toBe(true);
    await expect(removed.textContent()).resolves.toBe('Subscribe to The Week');
    const title = await removed.getAttribute('title');
    expect(title?.length).toBeGreaterThan(5);
    const style = await removed.evaluate((el) => ({
      line: getComputedStyle(el).textDecorationLine,
      bg: getComputedStyle(el.closest('.block')!).backgroundColor,
    }));
    expect(style.line).toContain('line-through');
    expect(style.bg).not.toBe('rgba(0, 0, 0, 0)');
    const label = removed
      .locator('xpath=ancestor::div[contains(@class, "removed")][1]')
      .locator('.reason');
    await expect(label.isVisible()).resolves.toBe(true);
    const text = (await label.textContent()) ?? '';
    expect(text).toContain('strip-newsletter');
    expect(text).toContain(title!);
    const related = (
      await page.locator('del.removed[data-rule="strip-related"]').allTextContents()
    ).join('\n');
    expect(related).toContain("A beginner's guide to exploring the Amazon");
  });

  it('should render the after side, not raw Markdown, beside the before side', async () => {
    await page.goto(docUrl(1));
    await expect(page.locator('.cell.after h1').textContent()).resolves.toBe(
      'Notes from a small garden',
    );
    const after = (await page.locator('.cell.after').allTextContents()).join('\n');
    expect(after).not.toMatch(/^# /m);
    // the kept paragraph sits in the same row as its input line
    const row = await page
      .locator('.cell.before', { hasText: 'Tomatoes need warmth' })
      .evaluate((el) => (el.nextElementSibling as HTMLElement).textContent);
    expect(row).toContain('Tomatoes need warmth');
  });

  it('should copy a ready keep rule for a removed block', async () => {
    await page.goto(docUrl(3));
    const button = page.locator('button.keep').first();
    await button.click();
    const rule = page.locator('code.keep-rule').first();
    await expect(rule.isVisible()).resolves.toBe(true);
    const parsed = JSON.parse((await rule.textContent()) ?? '') as { keep?: string[] };
    expect(parsed.keep?.[0]?.length).toBeGreaterThan(3);
    await expect(button.textContent()).resolves.toMatch(/copied|select and copy/);
  });

  it('should move to the previous and next document with the keyboard, and back to the list', async () => {
    await page.goto(docUrl(2));
    await Promise.all([page.waitForURL(/docs\/3\.html$/), page.keyboard.press('j')]);
    await Promise.all([page.waitForURL(/docs\/2\.html$/), page.keyboard.press('ArrowLeft')]);
    await Promise.all([page.waitForURL(/index\.html/), page.keyboard.press('u')]);
    await expect(page.locator('#documents').count()).resolves.toBe(1);
  });

  it('should hide unchanged blocks on request and show them again', async () => {
    await page.goto(docUrl(3));
    const kept = page.locator('.cell.before.row-kept').first();
    await expect(kept.isVisible()).resolves.toBe(true);
    await page.locator('#only-changes').check();
    await expect(kept.isVisible()).resolves.toBe(false);
    await expect(page.locator('del.removed').first().isVisible()).resolves.toBe(true);
    await page.locator('#only-changes').uncheck();
    await expect(kept.isVisible()).resolves.toBe(true);
  });

  it('should show scripts from the input as text and never run them', async () => {
    await page.goto(docUrl(2));
    await expect(
      page.evaluate(() => (window as { __pwned?: unknown }).__pwned),
    ).resolves.toBeUndefined();
    const body = (await page.locator('section.doc').textContent()) ?? '';
    expect(body).toContain('<script>window.__pwned = 1</script>');
    expect(body).toContain('<img src=');
    expect(body).toContain('onerror=');
    await expect(
      page.locator('section.doc script, section.doc img, section.doc iframe').count(),
    ).resolves.toBe(0);
    expect(errors).toEqual([]);
    // Nothing but the pages themselves was loaded: no network.
    expect(requests.every((u) => u.startsWith('file:'))).toBe(true);
  });

  it('should save screenshots', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    await page.goto(docUrl(3));
    const file = path.join(ARTIFACTS, 'review.png');
    await page.screenshot({ path: file, fullPage: true });
    await page.goto(pathToFileURL(path.join(dir, 'review', 'index.html')).href);
    await page.screenshot({ path: path.join(ARTIFACTS, 'review-list.png') });
    expect(existsSync(file)).toBe(true);
  });
});
