import type { BylineLabels } from './types.js';

/** Swedish byline words ("Av …", "Skriven av …", "Författare: …"). */
export const sv: BylineLabels = {
  lead: ['av', 'skriven av', 'publicerad av', 'författare:', 'text:'],
  and: ['och', '&'],
  notNames: ['okänd', 'anonym', 'publicerad', 'uppdaterad'],
  photo: ['foto', 'bild'],
};
