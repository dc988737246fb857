import { describe, expect, it } from 'vitest';
import { formatByline, isBylineText, parseByline, readBylineLine } from './byline.js';
import { fixNameCase, looksLikePersonName } from './names.js';

const ref = { referenceDate: new Date('2024-06-01T12:00:00Z') };

describe('readBylineLine', () => {
  it('should read "By A, B and C"', () => {
    const r = readBylineLine('By A. Smith, Bob Jones and Carla Díaz');
    expect(r.kind).toBe('byline');
    expect(r.authors).toEqual(['A. Smith', 'Bob Jones', 'Carla Díaz']);
  });

  it('should fix the casing of an all-caps byline, Mc/Mac/O’/van included', () => {
    expect(readBylineLine("BY MARY MCDONALD AND SEAN O'BRIEN").authors).toEqual([
      'Mary McDonald',
      "Sean O'Brien",
    ]);
    expect(readBylineLine('BY LUDWIG VAN BEETHOVEN').authors).toEqual(['Ludwig van Beethoven']);
  });

  it('should take the agency after a bar and strip roles', () => {
    expect(readBylineLine('Jane Doe | Reuters')).toMatchObject({
      kind: 'byline',
      authors: ['Jane Doe'],
      publication: 'Reuters',
    });
    expect(readBylineLine('Jane Doe, Staff Writer')).toMatchObject({
      kind: 'byline',
      authors: ['Jane Doe'],
      roles: ['Staff Writer'],
    });
    expect(readBylineLine('By Sarah Smith, Senior Correspondent, BBC News')).toMatchObject({
      authors: ['Sarah Smith'],
      publication: 'BBC News',
    });
  });

  it('should read other lead words and languages', () => {
    expect(readBylineLine('Story by Jane Doe').authors).toEqual(['Jane Doe']);
    expect(readBylineLine('Words: Jane Doe').authors).toEqual(['Jane Doe']);
    expect(readBylineLine('Par Jean Dupont').authors).toEqual(['Jean Dupont']);
    expect(readBylineLine('Von Hans Müller und Eva Schmidt').authors).toEqual([
      'Hans Müller',
      'Eva Schmidt',
    ]);
    expect(readBylineLine('Por Juan Pérez y María López').authors).toEqual([
      'Juan Pérez',
      'María López',
    ]);
  });

  it('should read date lines as published or modified', () => {
    expect(readBylineLine('Published 12 March 2024')).toMatchObject({
      kind: 'date',
      published: '2024-03-12',
    });
    expect(readBylineLine('Updated 3:45 p.m. ET, Thu March 5, 2020')).toMatchObject({
      kind: 'date',
      modified: '2020-03-05T15:45:00-05:00',
    });
    expect(readBylineLine('Publié le 12 mars 2024 à 10h00').published).toBe('2024-03-12T10:00:00');
    const both = readBylineLine('By Jane Doe | Published 12 March 2024, updated 13 March 2024');
    expect(both).toMatchObject({
      authors: ['Jane Doe'],
      published: '2024-03-12',
      modified: '2024-03-13',
    });
  });

  it('should resolve relative dates only against a reference date', () => {
    expect(readBylineLine('2 hours ago')).toMatchObject({ kind: 'date' });
    expect(readBylineLine('2 hours ago').published).toBeUndefined();
    expect(readBylineLine('2 hours ago', ref).published).toBe('2024-06-01T10:00:00Z');
  });

  it('should read a byline whose lead word comes after the outlet and dates', () => {
    const r = readBylineLine(
      'Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 | Par Martin Untersinger (avec Damien Leloup et Morgane Tual)',
    );
    expect(r).toMatchObject({
      kind: 'byline',
      lead: true,
      publication: 'Le Monde',
      published: '2015-05-04T13:36:00',
    });
    expect(r.authors).toEqual(['Martin Untersinger', 'Damien Leloup', 'Morgane Tual']);
  });

  it('should keep a long role description out of the authors', () => {
    const r = readBylineLine(
      'By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project April 5, 2018 | 6:00 PM',
    );
    expect(r.authors).toEqual(['Daniel Kahn Gillmor']);
    expect(r.published).toBe('2018-04-05');
  });

  it('should not read prose as a byline (near-misses)', () => {
    for (const s of [
      'By the time we arrived, it was over.',
      'By car, it takes two hours',
      'By Monday, the company said it would',
      'By Jane Doe, and then some people left the room',
      'Published in Nature, the study found that mice sleep.',
      'WASHINGTON (Reuters) — The Senate voted',
      'Vladimir Putin meets Kim Jong Un: what they agreed',
      'Kim Jong Un',
    ])
      expect(readBylineLine(s).kind, s).toBe('none');
  });
});

describe('parseByline / isBylineText / formatByline', () => {
  it('should parse the seed’s related-item bylines', () => {
    expect(parseByline('By Catherine Garcia, The Week US Published')).toMatchObject({
      authors: ['Catherine Garcia'],
      publication: 'The Week US',
    });
    expect(parseByline('By The Week UK Published')).toMatchObject({
      authors: [],
      publication: 'The Week UK',
    });
  });

  it('should tell byline and date lines from prose with isBylineText', () => {
    expect(isBylineText('By Jane Doe')).toBe(true);
    expect(isBylineText('Jane Doe | Reuters')).toBe(true);
    expect(isBylineText('Publié le 12 mars 2024 à 10h00')).toBe(true);
    expect(isBylineText('Jane Doe')).toBe(false);
    expect(isBylineText('By the time we arrived, it was over.')).toBe(false);
  });

  it('should not read a phrase ending in a small word as an outlet ("Weekly Edition for <date>")', () => {
    expect(readBylineLine('Harbour Weekly Edition for April 23, 2015').kind).toBe('none');
    expect(readBylineLine('The Week for April 23, 2015').kind).toBe('none');
    // Near-miss: a real outlet with a date, and a preposition that belongs to the date.
    expect(readBylineLine('Reuters April 23, 2015')).toMatchObject({
      kind: 'byline',
      publication: 'Reuters',
    });
    expect(readBylineLine('Written by Rachael Link, MS, RD on November 14, 2019')).toMatchObject({
      kind: 'byline',
      authors: ['Rachael Link'],
      published: '2019-11-14',
    });
  });

  it('should format the house-style line', () => {
    expect(formatByline({ authors: ['A B', 'C D', 'E F'], publication: 'The Week US' })).toBe(
      'By A B, C D and E F, The Week US',
    );
    expect(formatByline({ authors: [] })).toBeUndefined();
  });
});

describe('names', () => {
  it('should re-case single-case names only', () => {
    expect(fixNameCase('JANE DOE')).toBe('Jane Doe');
    expect(fixNameCase('ANGUS MACDONALD')).toBe('Angus MacDonald');
    expect(fixNameCase('MACY GRAY')).toBe('Macy Gray');
    expect(fixNameCase('jean-luc de la tour')).toBe('Jean-Luc de la Tour');
    expect(fixNameCase('danah boyd')).toBe('Danah Boyd');
    expect(fixNameCase('Mary McDonald')).toBe('Mary McDonald');
    expect(fixNameCase('KING CHARLES III')).toBe('King Charles III');
  });

  it('should tell a person-like name', () => {
    expect(looksLikePersonName('Jane Doe')).toBe(true);
    expect(looksLikePersonName('Ludwig van Beethoven')).toBe(true);
    expect(looksLikePersonName('the time we')).toBe(false);
    expect(looksLikePersonName('Jane')).toBe(false);
  });

  it('should read a line that opens with a Chinese date label as a date line', () => {
    const r = readBylineLine('发布时间：2022-02-13 04:22:18 来源：港城日报');
    expect(r.kind).toBe('date');
    expect(r.published).toBe('2022-02-13T04:22:18');
    expect(readBylineLine('发布: 2021-1-29 13:18 | 点击: 313').published).toBe(
      '2021-01-29T13:18:00',
    );
    // Near-misses: the label inside a sentence, and a label without a date after it.
    expect(readBylineLine('市政府今天发布了新的港口规划，时间表将在下月公布').kind).toBe('none');
    expect(readBylineLine('发布时间：待定 来源：港城日报').kind).toBe('none');
  });

  it('should not make a name of a lower-case phrase without a lead word', () => {
    expect(readBylineLine('AI & emerging tech').kind).toBe('none');
    // Near-miss: after a lead word a lower-case name is re-cased.
    expect(readBylineLine('by jane doe').authors).toEqual(['Jane Doe']);
  });

  it('should read a social handle after a name as a separator', () => {
    const r = readBylineLine('by Jane Doe @janedoe February 1, 2016: 12:41 PM ET');
    expect(r.kind).toBe('byline');
    expect(r.authors).toEqual(['Jane Doe']);
    expect(r.published?.slice(0, 10)).toBe('2016-02-01');
  });
});
