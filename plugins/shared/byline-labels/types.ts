/** One language's byline words, as data (see `index.ts`). */
export interface BylineLabels {
  /** Words that open a byline before the names ("By", "Written by", "Von"); a word ending in `:` ("Autor:") opens one only with its colon. */
  lead: readonly string[];
  /** Words joining two names ("and", "und", "et"). */
  and: readonly string[];
  /** Labels and placeholders that are never a name ("Posted on", "admin", "Unknown"). */
  notNames: readonly string[];
  /** Words that open a photo or image credit ("Photo:", "Foto:", "Bild:"): the names after them are no authors. */
  photo: readonly string[];
}
