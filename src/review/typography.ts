/**
 * Typography-only edits: an edit whose old and new text read the same once
 * quote marks, dashes, ellipses, spaces and invisible characters are folded
 * (`"two metres"` → `“two metres”`, `--` → `—`). The review page collapses
 * them into one count instead of a red/green chip per apostrophe.
 */

const FOLDS: [RegExp, string][] = [
  [/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4\u02BC]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2039\u203A]/g, '"'],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, '-'],
  [/-{2,}/g, '-'],
  [/\u2026/g, '...'],
  [/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, ''],
  [/[\s\u00A0\u202F\u2007\u2000-\u200A\u205F]+/g, ' '],
];

/** Text with its typography folded to plain ASCII marks and single spaces. */
export function foldTypography(text: string): string {
  let out = text.normalize('NFC');
  for (const [re, to] of FOLDS) out = out.replace(re, to);
  return out.replace(/ ?' ?/g, "'").replace(/ ?- ?/g, '-').trim();
}

/** Whether an edit only changes typography (quotes, dashes, ellipses, spaces). */
export function isTypographyOnly(old: string, neu: string): boolean {
  return old !== neu && foldTypography(old) === foldTypography(neu);
}
