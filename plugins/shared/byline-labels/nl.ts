import type { BylineLabels } from './types.js';

/** Dutch byline words ("Door …", "Auteur: …", "Geschreven door …"). */
export const nl: BylineLabels = {
  lead: ['door', 'auteur:', 'geschreven door', 'gepubliceerd door', 'tekst:'],
  and: ['en', '&'],
  notNames: ['onbekend', 'anoniem', 'gepubliceerd op', 'bijgewerkt op'],
  photo: ['foto', "foto's", 'beeld'],
};
