import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readHtml } from './index.js';

function headingsOf(html: string) {
  const file = new VFile();
  readHtml(html, file);
  return file.data.htmlMeta?.headings;
}

describe('readHtmlMeta headings', () => {
  it('should list the <h1>s in document order, marking those inside <article> or <main>', () => {
    expect(
      headingsOf(
        '<html><body><header><h1>Gull Point Gazette</h1></header>' +
          '<main><article><h1>Ferry  timetable <em>changes</em> in May</h1><p>Text.</p></article></main></body></html>',
      ),
    ).toEqual([
      { text: 'Gull Point Gazette', inArticle: false },
      { text: 'Ferry timetable changes in May', inArticle: true },
    ]);
  });

  it('should not take other heading levels, empty <h1>s or a <title> for one', () => {
    expect(
      headingsOf(
        '<html><head><title>Ferry timetable</title></head><body><h1> </h1><h2>Ferry timetable</h2><p>Text.</p></body></html>',
      ),
    ).toEqual([]);
  });
});

describe('readHtmlMeta Chinese date lines', () => {
  const meta = (html: string) => {
    const file = new VFile();
    readHtml(html, file);
    return file.data.htmlMeta;
  };

  it('should keep short dated lines of a Chinese page in order, not those in comments or sidebars', () => {
    const m = meta(
      '<html lang="zh-CN"><body><div class="sidebar"><p>发布: 2015-1-1 最早</p></div>' +
        '<div class="info"><span>发布:</span> <span>2019-3-7 08:05</span> | 点击: 27</div>' +
        '<div class="comments"><p>发表于 2019-3-8 10:00</p></div><p>正文没有日期。</p></body></html>',
    );
    // The line element only: not its date part without Han, nor the body around it.
    expect(m?.cjkDateLines).toEqual(['发布: 2019-3-7 08:05 | 点击: 27']);
  });

  it('should not collect them on pages that are not Chinese', () => {
    expect(
      meta('<html lang="en"><body><p>发布: 2019-3-7 08:05</p></body></html>')?.cjkDateLines,
    ).toBeUndefined();
  });
});
