import type { BylineLabels } from './types.js';

/** Polish byline words ("Autor: …", "Napisała …", "Przez …"). */
export const pl: BylineLabels = {
  lead: [
    'autor:',
    'autorka:',
    'autorzy:',
    'napisał',
    'napisała',
    'opublikował',
    'opublikowała',
    'przez',
    'tekst:',
  ],
  and: ['i', 'oraz'],
  notNames: ['nieznany', 'anonim', 'opublikowano', 'zaktualizowano'],
  photo: ['fot', 'foto', 'zdjęcie', 'zdjęcia'],
};
