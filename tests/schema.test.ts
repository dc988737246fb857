/** Every metadata record copydesk writes validates against the published JSON Schema. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/clean.js';
import { SCHEMA_VERSION } from '../src/writers/metadata.js';

const root = join(import.meta.dirname, '..');
const schema = JSON.parse(readFileSync(join(root, 'schema', 'metadata.schema.json'), 'utf8'));
const ajv = new Ajv2020.default({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

describe('metadata JSON Schema', () => {
  it('should carry the version the writer stamps', () => {
    expect(schema.properties.schemaVersion.const).toBe(SCHEMA_VERSION);
  });

  for (const name of readdirSync(join(root, 'seeds'))) {
    it(`should validate the metadata of seed ${name}`, () => {
      const { metadata } = clean(readFileSync(join(root, 'seeds', name)), {
        path: `seeds/${name}`,
      });
      const ok = validate(JSON.parse(JSON.stringify(metadata)));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    });
  }

  it('should document title, its evidence and the visible headline (1.1.0)', () => {
    for (const key of ['title', 'titleEvidence', 'headline']) {
      expect(schema.required).toContain(key);
      expect(schema.properties[key].description.length).toBeGreaterThan(20);
    }
    const html = readdirSync(join(root, 'seeds')).find((n) => n.endsWith('.html'))!;
    const { metadata } = clean(readFileSync(join(root, 'seeds', html)), { path: `seeds/${html}` });
    expect(['json-ld', 'meta', 'text']).toContain(metadata.titleEvidence);
    expect(typeof metadata.headline).toBe('string');
    const empty = clean('   \n', { path: 'empty.txt' }).metadata;
    expect(empty).toMatchObject({ title: null, titleEvidence: null, headline: null });
  });

  it('should give the authors their evidence and each field a confidence (1.2.0)', () => {
    for (const key of ['authorEvidence', 'confidence']) expect(schema.required).toContain(key);
    const page =
      '<html><head><meta name="author" content="Jane Doe"><meta property="article:published_time" content="2024-03-12"></head>' +
      '<body><article><h1>Harbour reopens</h1><p>The harbour reopened on Thursday after a week of repairs to the sea wall.</p></article></body></html>';
    const { metadata } = clean(page, { from: 'html' });
    expect(metadata.authorEvidence).toBe('meta');
    for (const field of ['title', 'authors', 'published'] as const) {
      expect(metadata.confidence[field]).toBeGreaterThan(0);
      expect(metadata.confidence[field]).toBeLessThanOrEqual(1);
    }
    const empty = clean('   \n', { path: 'empty.txt' }).metadata;
    expect(empty.authorEvidence).toBeNull();
    expect(empty.confidence).toEqual({ title: null, authors: null, published: null });
  });

  it('should say which evidence the byline came from (1.4.0)', () => {
    expect(schema.required).toContain('bylineEvidence');
    const page = (head: string, byline: string) =>
      clean(
        `<html><head>${head}</head><body><article><h1>Harbour reopens</h1><p>${byline}</p><p>The harbour reopened on Thursday after a week of repairs to the sea wall.</p></article></body></html>`,
        { from: 'html' },
      ).metadata;
    const own = page('', 'By Jane Doe');
    expect(own).toMatchObject({ byline: 'By Jane Doe', bylineEvidence: 'text' });
    expect(validate(JSON.parse(JSON.stringify(own)))).toBe(true);
    const made = page('<meta name="author" content="Jane Doe">', 'Harbour News · Tide Weekly');
    expect(made).toMatchObject({ byline: 'By Jane Doe', bylineEvidence: 'meta' });
    expect(clean('   \n', { path: 'empty.txt' }).metadata.bylineEvidence).toBeNull();
  });

  it('should validate the record of an empty input', () => {
    const { metadata } = clean('   \n', { path: 'empty.txt' });
    expect(metadata.status).toBe('empty');
    expect(validate(JSON.parse(JSON.stringify(metadata)))).toBe(true);
  });

  it('should reject a record with a field it does not define', () => {
    const { metadata } = clean(
      'A line of text that is long enough to be a paragraph of prose here.',
      {},
    );
    expect(validate({ ...JSON.parse(JSON.stringify(metadata)), extra: 1 })).toBe(false);
  });
});
