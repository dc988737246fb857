import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCases, runFixture } from '../../tests/helpers/fixtures.js';
import { detectLanguage, normalizeTag, remarkExtractLanguage, toBcp47 } from './index.js';

const dir = join(import.meta.dirname, 'fixtures');
const byName = (name: string) => fixtureCases(dir).find((f) => f.name === name)!;

const english =
  'Vladimir Putin and Kim Jong Un have met for the first time, pledging to boost ties and find a diplomatic solution to the nuclear stand-off on the Korean Peninsula. The North Korean leader travelled by armoured train.';
const german =
  'Der Gemeinderat hat am Dienstagabend den Haushalt der Stadt für das kommende Jahr beschlossen, nach mehr als vier Stunden Debatte zwischen der Mehrheit und der Opposition im Rathaus.';

describe('remark-extract-language', () => {
  it('should trust a long text over a declaration it clearly contradicts', () => {
    const r = runFixture(byName('declared-en-but-french'), [remarkExtractLanguage]);
    expect(r.file.data.meta!.language).toBe('fr');
  });

  it('should keep the declared tag (with its region) when the text agrees', () => {
    expect(detectLanguage(english, ['en-gb'])).toBe('en-gb');
    expect(detectLanguage(english, [normalizeTag('en_gb')!])).toBe('en-GB');
  });

  it('should detect without a declaration and map to BCP-47', () => {
    expect(detectLanguage(english, [])).toBe('en');
    expect(detectLanguage(german, [])).toBe('de');
  });

  it('should trust the declaration when the text is too short', () => {
    expect(detectLanguage('Hallo Welt, guten Tag', ['de'])).toBe('de');
    expect(detectLanguage('Hello there', [])).toBeUndefined();
  });

  it('should map codes and tidy tags', () => {
    expect(toBcp47('cmn')).toBe('zh');
    expect(toBcp47('und')).toBeUndefined();
    expect(normalizeTag('EN')).toBe('en');
    expect(normalizeTag('zh_hant_tw')).toBe('zh-Hant-TW');
    expect(normalizeTag('und')).toBeUndefined();
    expect(normalizeTag('???')).toBeUndefined();
  });

  it('should throw on a bad option', () => {
    expect(() =>
      runFixture(byName('declared-en-but-french'), [[remarkExtractLanguage, { minLength: -1 }]]),
    ).toThrow('remark-extract-language: `minLength` must be a non-negative number');
  });
});
