import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { Cleaner } from '../clean.js';
import { FRONT_MATTER_MAX_BYTES, parseToml, readFrontMatter, tagsOf } from './front-matter.js';
import { readMarkdown } from './markdown.js';

const BODY =
  'The harbour authority said on Monday that the new ferry timetable would start in May, after months of talks with the unions and the towns along the coast.';

describe('front matter', () => {
  it('should read YAML fields into frontMatter, tags and description', () => {
    const file = new VFile();
    readFrontMatter(
      'yaml',
      'title: Ferry times\ndescription: >\n  New  timetable\n  from May\ntags: [ferries, Harbour]\ncategories:\n  - harbour\n  - Transport\nkeywords: coast, unions\n',
      file,
    );
    expect(file.data.frontMatter?.title).toBe('Ferry times');
    expect(file.data.description).toBe('New timetable from May');
    expect(file.data.tags).toEqual(['ferries', 'Harbour', 'Transport', 'coast', 'unions']);
  });

  it('should read TOML front matter (top-level keys; tables skipped)', () => {
    expect(
      parseToml(
        'title = "Ferry \\"times\\""\ndate = 2026-03-02T10:00:00Z\ndraft = false\ntags = ["ferries", \'harbour\'] # two\nweight = 1_000\n\n[params]\nsubtitle = "x"\n',
      ),
    ).toEqual({
      title: 'Ferry "times"',
      date: '2026-03-02T10:00:00Z',
      draft: false,
      tags: ['ferries', 'harbour'],
      weight: 1000,
    });
    expect(() => parseToml('title = "open\n')).toThrow();
    expect(() => parseToml('just words\n')).toThrow();
  });

  it('should warn about front matter that does not parse, or is too big, and keep it out of the body', () => {
    for (const md of [
      '---\ntitle: [unclosed\n---\n\nBody text.\n',
      '+++\ntitle = \n+++\n\nBody text.\n',
      `---\nnote: ${'x'.repeat(FRONT_MATTER_MAX_BYTES + 1)}\n---\n\nBody text.\n`,
    ]) {
      const file = new VFile({ value: md });
      const tree = readMarkdown(md, file);
      expect(tree.children.map((c) => c.type)).toEqual(['paragraph']);
      expect(file.data.frontMatter).toBeUndefined();
      expect(file.messages.map((m) => m.ruleId)).toEqual(['front-matter']);
    }
  });

  it('should not take a thematic break pair that is not at the start for front matter (near miss)', () => {
    const md = 'Body text.\n\n---\n\ntitle: not front matter\n\n---\n';
    const file = new VFile({ value: md });
    readMarkdown(md, file);
    expect(file.data.frontMatter).toBeUndefined();
  });

  it('should fold repeated tags and cap odd ones', () => {
    expect(tagsOf({ tags: ['Tide', 'tide', '', 3, { a: 1 }], keywords: 'x'.repeat(101) })).toEqual([
      'Tide',
      '3',
    ]);
  });

  it('should carry front matter into the metadata, never into the body (YAML and TOML)', () => {
    const cleaner = new Cleaner({});
    const yaml = `---\ntitle: Ferry timetable changes\ndescription: The new timetable starts in May.\ntags: [ferries, harbour]\nauthor: Jane Doe\ndate: 2026-03-02\nlang: en\n---\n\n${BODY}\n\n${BODY.replace('Monday', 'Tuesday')}\n`;
    const toml = yaml
      .replace(/^---\n/, '+++\n')
      .replace('\n---\n', '\n+++\n')
      .replace(/^(title|description|author|lang): (.*)$/gm, '$1 = "$2"')
      .replace('tags: [ferries, harbour]', 'tags = ["ferries", "harbour"]')
      .replace('date: 2026-03-02', 'date = 2026-03-02');
    for (const md of [yaml, toml]) {
      const r = cleaner.clean(md, { from: 'markdown' });
      expect(r.markdown).not.toMatch(/description|tags|\+\+\+|^---/m);
      expect(r.metadata).toMatchObject({
        title: 'Ferry timetable changes',
        titleEvidence: 'front-matter',
        description: 'The new timetable starts in May.',
        tags: ['ferries', 'harbour'],
        authors: ['Jane Doe'],
        language: 'en',
      });
      expect(r.metadata.published).toMatch(/^2026-03-02/);
    }
  });

  it('should read the HTML description and keywords meta tags into the same fields', () => {
    const cleaner = new Cleaner({});
    const html = `<html><head><meta name="description" content="The new timetable starts in May."><meta name="keywords" content="ferries, harbour"></head><body><article><h1>Ferry timetable changes</h1><p>${BODY}</p></article></body></html>`;
    const r = cleaner.clean(html, { from: 'html' });
    expect(r.metadata.description).toBe('The new timetable starts in May.');
    expect(r.metadata.tags).toEqual(['ferries', 'harbour']);
  });
});
