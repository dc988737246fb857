import type { Root } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { stripNeverContent } from './never-content.js';

const PROSE =
  'The council voted on Tuesday to approve the new budget, which sets aside money for schools, roads and the library. Residents who spoke at the meeting were divided on the plan and its cost over the next years.';

function strip(html: string) {
  const file = new VFile();
  const tree = unified().use(rehypeParse).parse(html) as Root;
  stripNeverContent(tree, file);
  return { text: hastToString(tree), file };
}

describe('stripNeverContent', () => {
  it('should keep a form that wraps the whole page (ASP.NET), dropping only its controls', () => {
    const { text, file } = strip(
      `<body><form id="aspnetForm" action="/page.aspx"><input type="hidden" name="__VIEWSTATE" value="x"><nav><a href="/">Home</a></nav><h1>Budget</h1><p>${PROSE}</p><p>${PROSE}</p><button>Search</button></form></body>`,
    );
    expect(text).toContain(PROSE);
    expect(text).not.toContain('Search');
    const note = file.messages.find((m) => m.ruleId === 'html-never-content');
    expect(note?.reason).toMatch(/^<form> holds \d+% of the page's prose: kept as content/);
    expect(file.data.htmlDroppedWords).toBe(1);
  });

  it('should drop a small form beside the article (near miss)', () => {
    const { text, file } = strip(
      `<body><p>${PROSE}</p><p>${PROSE}</p><form><label>Your e-mail address for the daily letter</label> <input name="email"> <button>Subscribe</button></form></body>`,
    );
    expect(text).not.toContain('daily letter');
    const removal = file.messages.find((m) => m.ruleId === 'html-never-content');
    expect(removal?.reason).toBe('<form> is never article content');
    expect(removal?.actual).toContain('daily letter');
    expect(file.data.htmlDroppedWords).toBe(8);
  });

  it.each([
    ['hidden', '<div hidden>'],
    ['aria-hidden', '<div aria-hidden="true">'],
    ['display:none', '<div style="display: none">'],
  ])('should keep an article hidden until a script reveals it (%s)', (_name, open) => {
    const { text, file } = strip(
      `<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>${open}<h1>Budget</h1><p>${PROSE}</p><p>${PROSE}</p></div></body>`,
    );
    expect(text).toContain(PROSE);
    expect(file.messages[0]?.reason).toMatch(/^a hidden element holds \d+% of the page's prose/);
  });

  it('should drop a hidden menu or dialog beside the article, even a long one (near miss)', () => {
    const menu = Array.from({ length: 40 }, (_, i) => `<a href="/s${i}">Section ${i}</a>`).join(
      ' ',
    );
    const { text, file } = strip(
      `<body><div hidden><p>Cookie settings: we use cookies to improve the site.</p>${menu}</div><p>${PROSE}</p><p>${PROSE}</p></body>`,
    );
    expect(text).not.toContain('Cookie settings');
    expect(text).not.toContain('Section 12');
    expect(file.messages[0]?.reason).toBe('hidden element');
  });

  it('should read a <noscript> copy of a page rendered by script (a forum thread) as content', () => {
    const { text, file } = strip(
      `<body><div id="app"><a href="/">Home</a> <a href="/latest">Latest</a></div><noscript><div class="topic"><h1>Budget thread</h1><div class="post"><p>${PROSE}</p></div><div class="post"><p>${PROSE}</p></div></div></noscript></body>`,
    );
    expect(text).toContain(PROSE);
    expect(file.messages[0]?.reason).toMatch(
      /^<noscript> holds \d+% of the page's prose \(the page without script\): read as content$/,
    );
  });

  it('should not read a <noscript> note or a copy of the visible article (near misses)', () => {
    const note = strip(
      `<body><p>${PROSE}</p><noscript><p>Please enable JavaScript in your browser to see the comments and the rest of this site.</p></noscript></body>`,
    );
    expect(note.text).not.toContain('enable JavaScript');
    const copy = strip(
      `<body><article><p>${PROSE}</p><p>${PROSE}</p></article><noscript><p>${PROSE}</p><p>${PROSE}</p></noscript></body>`,
    );
    expect(copy.text.split('The council voted').length - 1).toBe(2);
    expect(copy.file.messages).toEqual([]);
  });

  it('should keep collapsed panels that together hold most of the prose, each with a paragraph', () => {
    const card = (i: number) =>
      `<li><a href="/h${i}">House ${i}</a><div hidden><p>${PROSE}</p></div><span hidden>Map ${i}</span></li>`;
    const { text, file } = strip(
      `<body><h1>Houses for sale</h1><ul>${[1, 2, 3].map(card).join('')}</ul><p>Three houses.</p></body>`,
    );
    expect(text.split('The council voted').length - 1).toBe(3);
    expect(text).not.toContain('Map 2');
    expect(file.messages.filter((m) => /collapsed panels/.test(m.reason))).toHaveLength(3);
  });

  it('should drop hidden panels that hold a small share of the prose (near miss)', () => {
    const { text } = strip(
      `<body><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p><div hidden><p>Our newsletter: the week's best stories from the city, every Friday morning, free of charge for every reader.</p></div></body>`,
    );
    expect(text).not.toContain('newsletter');
  });
});
