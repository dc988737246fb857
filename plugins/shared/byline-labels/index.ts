/**
 * Byline words per language, kept as data: one table per language
 * (`en.ts`, `de.ts`, `fr.ts` …, each a `BylineLabels`). The byline reader
 * uses them to find a byline ("Von Anna Berg", "Autorin: Anna Berg",
 * "Par Anne Roy et Luc Blanc") and to cut the label from the name; the
 * conjunctions split several authors; the placeholders ("Posted on",
 * "admin", "Unknown") are never names; the photo words mark a credit, whose
 * names are no authors.
 *
 * A page's language is often known only after the byline is read, so the
 * reader matches the union of every table (`allLabels`); `labelsFor`
 * gives one language's table and `mergeLabels` adds a caller's words (for
 * a language or a house style the tables miss).
 */
import { da } from './da.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { nl } from './nl.js';
import { pl } from './pl.js';
import { pt } from './pt.js';
import { sv } from './sv.js';
import type { BylineLabels } from './types.js';
import { zh } from './zh.js';

export type { BylineLabels } from './types.js';

/** The tables, by BCP-47 primary language subtag. */
export const BYLINE_LABELS: Readonly<Record<string, BylineLabels>> = {
  da,
  de,
  en,
  es,
  fr,
  it,
  nl,
  pl,
  pt,
  sv,
  zh,
};

/** One language's table (`de-AT` → `de`), or undefined. */
export function labelsFor(language: string | undefined): BylineLabels | undefined {
  const primary = language?.toLowerCase().split(/[-_]/)[0];
  return primary ? BYLINE_LABELS[primary] : undefined;
}

/** Tables merged into one (duplicates dropped, longest words first so "written by" wins over "by"). */
export function mergeLabels(...tables: readonly Partial<BylineLabels>[]): BylineLabels {
  const merge = (key: keyof BylineLabels): string[] =>
    [...new Set(tables.flatMap((t) => (t[key] ?? []).map((w) => w.toLowerCase())))].sort(
      (a, b) => b.length - a.length,
    );
  return {
    lead: merge('lead'),
    and: merge('and'),
    notNames: merge('notNames'),
    photo: merge('photo'),
  };
}

/** Every language's words together. */
export const allLabels: BylineLabels = mergeLabels(...Object.values(BYLINE_LABELS));

/** A word list as a regex alternation (escaped; spaces match any white space). */
export function alternation(words: readonly string[]): string {
  return words
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
    .join('|');
}
