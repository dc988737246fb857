import type { BylineLabels } from './types.js';

/** German byline words ("Von …", "Autorin: …", "Text: …"). */
export const de: BylineLabels = {
  lead: [
    'von',
    'vom',
    'autor:',
    'autorin:',
    'autoren:',
    'text:',
    'geschrieben von',
    'verfasst von',
    'ein beitrag von',
    'ein kommentar von',
    'eine analyse von',
    'veröffentlicht von',
  ],
  and: ['und', '&'],
  notNames: [
    'unbekannt',
    'gast',
    'publiziert am',
    'veröffentlicht am',
    'geschrieben am',
    'aktualisiert am',
  ],
  photo: ['foto', 'fotos', 'bild', 'bilder', 'bildquelle', 'quelle'],
};
