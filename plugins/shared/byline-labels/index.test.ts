import { describe, expect, it } from 'vitest';
import { isPlaceholderName, readBylineLine } from '../byline.js';
import { allLabels, BYLINE_LABELS, labelsFor, mergeLabels } from './index.js';

describe('byline label tables', () => {
  it('should have a table for each language the reader promises', () => {
    for (const lang of ['da', 'de', 'en', 'es', 'fr', 'it', 'nl', 'pl', 'pt', 'sv', 'zh']) {
      const table = BYLINE_LABELS[lang];
      expect(table?.lead.length, lang).toBeGreaterThan(0);
      expect(table?.and.length, lang).toBeGreaterThan(0);
    }
    expect(labelsFor('de-AT')).toBe(BYLINE_LABELS.de);
    expect(labelsFor('xx')).toBeUndefined();
  });

  it('should merge tables, longest words first, and take a caller’s words', () => {
    const merged = mergeLabels(allLabels, { lead: ['ghostwritten by'] });
    expect(merged.lead).toContain('ghostwritten by');
    expect(merged.lead.indexOf('written by')).toBeLessThan(merged.lead.indexOf('by'));
  });

  it('should read a byline opened by each language’s label and split its names', () => {
    const cases: [string, string[]][] = [
      ['Von Anna Berg und Jonas Roth', ['Anna Berg', 'Jonas Roth']],
      ['Autorin: Lena Vogt', ['Lena Vogt']],
      ['Par Anne Roy et Luc Blanc', ['Anne Roy', 'Luc Blanc']],
      ['Por Ana Ruiz y Pablo Gil', ['Ana Ruiz', 'Pablo Gil']],
      ['A cura di Marco Neri', ['Marco Neri']],
      ['Escrito por Rita Sousa', ['Rita Sousa']],
      ['Door Sanne Kok en Tom Bakker', ['Sanne Kok', 'Tom Bakker']],
      ['Autor: Jan Nowak', ['Jan Nowak']],
      ['Av Anna Lind och Erik Berg', ['Anna Lind', 'Erik Berg']],
      ['Af Mette Holm og Lars Krog', ['Mette Holm', 'Lars Krog']],
      ['By Ann Lee, Bo Park & Cy Young', ['Ann Lee', 'Bo Park', 'Cy Young']],
      ['作者：王小明', ['王小明']],
      ['记者 李华、张伟', ['李华', '张伟']],
    ];
    for (const [line, authors] of cases)
      expect(readBylineLine(line), line).toMatchObject({ kind: 'byline', authors });
  });

  it('should cut a label glued to the name', () => {
    expect(readBylineLine('Written ByJane Doe').authors).toEqual(['Jane Doe']);
  });

  it('should never take a label or a placeholder for a name', () => {
    for (const line of [
      'Written By',
      'Posted by admin',
      'Von Wordpressadmin',
      'Publié par Unknown',
    ])
      expect(readBylineLine(line).authors, line).toEqual([]);
    expect(isPlaceholderName('Publiziert am')).toBe(true);
    expect(isPlaceholderName('Ada Admiral')).toBe(false);
  });

  it('should not read prose that starts with a label word (near-misses)', () => {
    for (const line of [
      'Von der Leyen besucht heute Kiew',
      'Par ailleurs, le port rouvre demain',
      'Text messages were sent to every resident',
      'Autor des Buches ist ein alter Freund',
      '作者认为这个问题很重要，需要进一步研究和讨论',
    ])
      expect(readBylineLine(line).kind, line).toBe('none');
  });
});
