import type { BylineLabels } from './types.js';

/** Danish byline words ("Af …", "Skrevet af …", "Forfatter: …"). */
export const da: BylineLabels = {
  lead: ['af', 'skrevet af', 'udgivet af', 'forfatter:', 'tekst:'],
  and: ['og', '&'],
  notNames: ['ukendt', 'anonym', 'udgivet', 'opdateret'],
  photo: ['foto', 'billede'],
};
