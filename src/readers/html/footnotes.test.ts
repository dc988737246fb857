import { describe, expect, it } from 'vitest';
import { Cleaner } from '../../clean.js';

const P1 =
  'Kelp forests grow along cold coasts in many parts of the world and shelter many kinds of fish, seals and birds through the year.';
const P2 =
  'Urchins graze on kelp, and otters keep the number of urchins down in most of the bays that the survey teams studied last year.';
const P3 =
  'Warmer water slows the growth of kelp, and storms tear whole plants from the rocks, so the forests change from one year to the next.';

function page(body: string): string {
  return `<html><head><title>Kelp forests</title></head><body><article><h1>Kelp forests and the animals that live in them</h1>${body}</article></body></html>`;
}

describe('HTML footnotes become GFM footnotes', () => {
  const cleaner = new Cleaner({});

  it('should pair MediaWiki references with their notes, without back-links', () => {
    const html =
      page(`<p>${P1}<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup></p>
<p>${P2}<sup class="reference"><a href="#cite_note-2">[2]</a></sup></p><p>${P3}</p>
<h2>References</h2><div class="reflist"><ol class="references">
<li id="cite_note-1"><span class="mw-cite-backlink"><a href="#cite_ref-1">^</a></span> <span class="reference-text">Smith, J. A survey of kelp along the northern coast. 2001.</span></li>
<li id="cite_note-2"><span class="mw-cite-backlink">^ <a href="#cite_ref-2a"><sup><i><b>a</b></i></sup></a> <a href="#cite_ref-2b"><sup><i><b>b</b></i></sup></a></span> <span class="reference-text">Jones, K. Otters and urchins in the bays. 1999.</span></li></ol></div>`);
    const r = cleaner.clean(html, { from: 'html' });
    expect(r.markdown).toContain(`${P1}[^1]`);
    expect(r.markdown).toContain(`${P2}[^2]`);
    expect(r.markdown).toContain(
      '[^1]: Smith, J. A survey of kelp along the northern coast. 2001.',
    );
    expect(r.markdown).toMatch(/\[\^2\]: Jones, K\. Otters/);
    expect(r.markdown).not.toMatch(/cite_|\^\]|\[\^\]/);
    expect(cleaner.clean(r.markdown, { from: 'markdown' }).markdown).toBe(r.markdown);
  });

  it('should pair footnote-plugin markup (Pandoc, kramdown)', () => {
    const html = page(`<p>${P1}<a href="#fn1" class="footnote-ref" id="fnref1"><sup>1</sup></a></p>
<p>${P2}<sup id="fnref:2"><a href="#fn:2" class="footnote">2</a></sup></p><p>${P3}</p>
<section class="footnotes" role="doc-endnotes"><hr><ol>
<li id="fn1"><p>The survey counted plants along ten kilometres of coast.<a href="#fnref1" class="footnote-back">↩︎</a></p></li>
<li id="fn:2"><p>Otters were counted from boats.&nbsp;<a href="#fnref:2" class="reversefootnote">↩</a></p></li></ol></section>`);
    const r = cleaner.clean(html, { from: 'html' });
    expect(r.markdown).toContain(`${P1}[^1]`);
    expect(r.markdown).toContain(`${P2}[^2]`);
    expect(r.markdown).toContain(
      '[^1]: The survey counted plants along ten kilometres of coast.\n',
    );
    expect(r.markdown).toContain('[^2]: Otters were counted from boats.');
    expect(r.markdown).not.toContain('↩');
  });

  it('should leave a list of sources no link points to as a list (near miss)', () => {
    const html = page(`<p>${P1}</p><p>${P2}</p><p>${P3}</p><h2>Sources</h2><ol class="references">
<li id="src-1">Smith, J. A survey of kelp along the northern coast. 2001.</li>
<li id="src-2">Jones, K. Otters and urchins in the bays. 1999.</li></ol>`);
    const r = cleaner.clean(html, { from: 'html' });
    expect(r.markdown).not.toContain('[^');
    expect(r.markdown).toMatch(/1\. Smith, J\./);
  });
});
