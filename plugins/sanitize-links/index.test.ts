import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { isDangerousHtml, isDangerousUrl, remarkSanitizeLinks } from './index.js';

function run(md: string): { out: string; file: VFile } {
  const file = new VFile({ value: md });
  const processor = unified().use(remarkParse).use(remarkSanitizeLinks).use(remarkStringify);
  const tree = processor.runSync(processor.parse(file), file);
  return { out: processor.stringify(tree, file), file };
}

describe('remark-sanitize-links', () => {
  it('should recognise dangerous schemes however they are disguised', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' java\tscript:alert(1)',
      'java\u0000script:x',
      'vbscript:msgbox',
      'data:text/html;base64,PHNjcmlwdD4=',
      'data:image/svg+xml,<svg onload=alert(1)>',
    ])
      expect(isDangerousUrl(url, true), url).toBe(true);
  });

  it('should keep ordinary links and raster data images (near misses)', () => {
    for (const url of [
      'https://example.com/javascript:guide',
      '/articles/data:2024',
      'mailto:desk@example.com',
      '#javascript',
    ])
      expect(isDangerousUrl(url), url).toBe(false);
    expect(isDangerousUrl('data:image/png;base64,iVBORw0KGgo=', true)).toBe(false);
    expect(isDangerousUrl('data:image/png;base64,iVBORw0KGgo=', false)).toBe(true);
  });

  it('should unlink a javascript: link and keep its text', () => {
    const { out, file } = run(
      'Click [*here*](javascript:alert(1)) to read [more](https://example.com).\n',
    );
    expect(out).toBe('Click *here* to read [more](https://example.com).\n');
    expect(file.messages.map((m) => m.ruleId)).toEqual(['sanitize-links']);
    expect(file.messages[0]?.actual).toBe('javascript:alert(1)');
  });

  it('should replace a dangerous image with its alt text', () => {
    const { out } = run('See ![a chart](data:text/html,x) here.\n');
    expect(out).toBe('See a chart here.\n');
  });

  it('should drop a dangerous definition and unlink its references', () => {
    const { out } = run('Read [the story][s].\n\n[s]: javascript:alert(1)\n');
    expect(out).toBe('Read the story.\n');
  });

  it('should remove raw HTML that could run code and keep harmless HTML', () => {
    const { out, file } = run(
      'Text <sup>1</sup> and <img src=x onerror=alert(1)>.\n\n<script>alert(1)</script>\n\n<iframe src="https://x"></iframe>\n',
    );
    expect(out).toBe('Text <sup>1</sup> and .\n');
    expect(file.messages.filter((m) => m.ruleId === 'sanitize-html')).toHaveLength(3);
    expect(isDangerousHtml('<p onclick = "x">')).toBe(true);
    expect(isDangerousHtml('<span class="one">')).toBe(false);
  });

  it('should not overflow the stack on deeply nested blockquotes', () => {
    const { out } = run(`${'> '.repeat(200)}[x](javascript:y)\n`);
    expect(out).not.toContain('javascript:');
  });
});

describe('remark-sanitize-links: e-mail literals', () => {
  it('should keep an e-mail literal that cannot be an autolink as text, so re-reading is stable', async () => {
    const { clean } = await import('../../src/clean.js');
    const input =
      'Welcome to the deals, follow us at Twitter@igndeals._We bring you the best deals every day of the week.\n\nA second paragraph that is long enough to count as prose for the detectors here.';
    const once = clean(input, { path: 'a.txt' }).markdown;
    expect(once).not.toContain('<Twitter');
    expect(clean(once, { from: 'markdown' }).markdown).toBe(once);
    const ok = clean(
      'Write to jane@example.org for a copy of the full report, the agency said on Monday.\n\nA second paragraph that is long enough to count as prose for the detectors here.',
      { path: 'b.txt' },
    ).markdown;
    expect(ok).toContain('<jane@example.org>');
  });
});
