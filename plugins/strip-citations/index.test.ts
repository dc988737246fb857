import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { Cleaner } from '../../src/clean.js';
import { editsOf } from '../shared/messages.js';
import { remarkStripCitations } from './index.js';

function run(md: string): { out: string; file: VFile } {
  const file = new VFile({ value: md });
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkStripCitations)
    .use(remarkStringify);
  const tree = processor.runSync(processor.parse(file), file) as Root;
  return { out: processor.stringify(tree, file), file };
}

describe('remark-strip-citations', () => {
  it('should remove linked citation markers to note anchors and record each', () => {
    const { out, file } = run(
      'Kelp grows fast.[[1]](#cite_note-1) It sinks in winter,[[2]](#cite_note-2)[[b]](#cite_note-b) they say.\n',
    );
    expect(out).toBe('Kelp grows fast. It sinks in winter, they say.\n');
    expect(editsOf(file).map((e) => [e.ruleId, e.old, e.new])).toEqual([
      ['strip-citations', '[1]', ''],
      ['strip-citations', '[2]', ''],
      ['strip-citations', '[b]', ''],
    ]);
  });

  it('should remove footnote-plugin markers (bare numbers to #fn anchors), also on absolute URLs', () => {
    expect(
      run('Otters float.[3](#fn3) Seals dive.[4](https://wiki.example.org/Seal#cite_note-4)\n').out,
    ).toBe('Otters float. Seals dive.\n');
  });

  it('should keep ordinary links whose text is a number (near miss)', () => {
    const md = 'See page [3](https://example.com/page/3) and step [2](#install).\n';
    expect(run(md).out).toBe(md);
  });

  it('should remove maintenance tags, linked or not, with their brackets', () => {
    expect(
      run(
        'It is old.\\[*[citation needed](https://wiki.example.org/Help:Citation_needed)*] It is big.[who?] Done.\n',
      ).out,
    ).toBe('It is old. It is big. Done.\n');
  });

  it('should remove section edit links from headings in all their shapes', () => {
    expect(
      run(
        '## History\\[[edit](https://wiki.example.org/w/index.php?title=X&action=edit&section=1)]\n',
      ).out,
    ).toBe('## History\n');
    expect(run('## Uses [edit](/doku.php?id=uses&do=edit)\n').out).toBe('## Uses\n');
    expect(run('## Later life\\[edit]\n').out).toBe('## Later life\n');
  });

  it('should keep an edit link that is prose (near miss)', () => {
    const md = 'You can [edit](https://example.com/help) your profile any time you like.\n';
    expect(run(md).out).toBe(md);
  });

  it('should remove plain-text markers after punctuation, and after words once the style shows', () => {
    expect(run('Kelp grows fast.\\[1] The bay\\[2] is cold.\n').out).toBe(
      'Kelp grows fast. The bay is cold.\n',
    );
    expect(run('Quoted at length.\\[5]:12 Then more.\n').out).toBe(
      'Quoted at length. Then more.\n',
    );
  });

  it('should keep bracketed numbers that are content (near misses)', () => {
    for (const md of [
      '\\[1] Smith, J. Tides and kelp. 2001.\n',
      'Use `items[1]` for the second item.\n',
      'The value arr\\[0] is first, x\\[1] is next, and obj_list\\[2] last.\n',
      'Choose option \\[2] from the menu.\n',
      'The bay\\[2] is cold.\n',
      '```\nrow[1] = 2\n```\n',
    ])
      expect(run(md).out, md).toBe(md);
  });
});

describe('citations through the whole pipeline', () => {
  const cleaner = new Cleaner({});

  it('should strip Wikipedia-style HTML markers and edit links', () => {
    const html = `<html><body><article><h1>Kelp forests</h1>
<p>Kelp forests grow along cold coasts in many parts of the world and shelter fish.<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup> Their growth is fast.<sup class="noprint Template-Fact">[<i><a href="/wiki/Help:Citation_needed">citation needed</a></i>]</sup></p>
<h2><span class="mw-headline">Ecology</span><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/w/index.php?title=Kelp&amp;action=edit&amp;section=1">edit</a><span class="mw-editsection-bracket">]</span></span></h2>
<p>Urchins graze on kelp, and otters keep the number of urchins down in most of the bays studied.</p>
</article></body></html>`;
    const r = cleaner.clean(html, { from: 'html' });
    expect(r.markdown).toContain('shelter fish. Their growth is fast.\n');
    expect(r.markdown).toContain('## Ecology\n');
    expect(r.markdown).not.toMatch(/\[1\]|citation needed|edit/);
    expect(r.metadata.edits.filter((e) => e.ruleId === 'strip-citations')).toHaveLength(3);
  });

  it('should strip text-dump markers', () => {
    const text =
      'Kelp forests\nKelp forests grow along cold coasts in many parts of the world.[1] They shelter fish and seals.[2][3]\nEcology[edit]\nUrchins graze on kelp and otters keep the urchins down in most of the bays.[4]\n';
    const r = cleaner.clean(text, { from: 'text' });
    expect(r.markdown).not.toMatch(/\[\d\]|\[edit\]/);
    expect(r.markdown).toContain('They shelter fish and seals.');
  });
});
