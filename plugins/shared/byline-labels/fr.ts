import type { BylineLabels } from './types.js';

/** French byline words ("Par …", "Auteur : …", "Propos recueillis par …"). */
export const fr: BylineLabels = {
  lead: [
    'par',
    'auteur:',
    'auteure:',
    'autrice:',
    'écrit par',
    'publié par',
    'rédigé par',
    'propos recueillis par',
    'texte:',
  ],
  and: ['et'],
  notNames: ['inconnu', 'anonyme', 'publié le', 'mis à jour le', 'publié par'],
  photo: ['photo', 'photos', 'crédit photo', 'crédit', 'illustration'],
};
