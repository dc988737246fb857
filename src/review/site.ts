/**
 * Writes a review as it goes: each document's page (`docs/<n>.html`) as soon
 * as the next document is known (its "next" link depends on it), and the list
 * (`index.html`) at the end from small rows. Only one full document report is
 * held at a time, so a thousand documents build in time and memory
 * proportional to each document, and the list opens at once.
 */
import { mkdir, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderDocumentPage, rowOf } from './doc-page.js';
import { type IndexOptions, type ReviewRow, renderIndexPage } from './index-page.js';
import type { DocumentReport } from './removals.js';

export class ReviewSite {
  readonly rows: ReviewRow[] = [];
  readonly index: string;
  private readonly docs: string;
  private pending: DocumentReport | undefined;

  constructor(
    outDir: string,
    private readonly options: IndexOptions = {},
  ) {
    this.index = path.join(outDir, 'index.html');
    this.docs = path.join(outDir, 'docs');
  }

  /** Create the folders and remove document pages of an earlier review in the same place. */
  async start(): Promise<void> {
    await mkdir(this.docs, { recursive: true });
    for (const name of await readdir(this.docs))
      if (/^\d+\.html$/.test(name)) await unlink(path.join(this.docs, name));
  }

  /** Add a document: its row now, its page once the next one (or the end) is known. */
  async add(report: DocumentReport): Promise<void> {
    this.rows.push(rowOf(report, this.rows.length + 1));
    if (this.pending) await this.write(this.pending, this.rows.length - 1, true);
    this.pending = report;
  }

  /** Write the last document's page and the list; returns the list's path. */
  async finish(): Promise<string> {
    if (this.pending) await this.write(this.pending, this.rows.length, false);
    this.pending = undefined;
    const tmp = `${this.index}.${process.pid}.tmp`;
    await writeFile(tmp, renderIndexPage(this.rows, this.options));
    await rename(tmp, this.index);
    return this.index;
  }

  private async write(report: DocumentReport, n: number, hasNext: boolean): Promise<void> {
    const html = renderDocumentPage(report, { n, hasNext }, { title: this.options.title });
    await writeFile(path.join(this.docs, `${n}.html`), html);
  }
}
