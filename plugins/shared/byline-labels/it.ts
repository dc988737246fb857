import type { BylineLabels } from './types.js';

/** Italian byline words ("Di …", "A cura di …", "Autore: …"). */
export const it: BylineLabels = {
  lead: ['di', 'a cura di', 'autore:', 'autrice:', 'scritto da', 'pubblicato da', 'testo:'],
  and: ['e', 'ed'],
  notNames: ['sconosciuto', 'anonimo', 'pubblicato il', 'aggiornato il'],
  photo: ['foto', 'immagine'],
};
