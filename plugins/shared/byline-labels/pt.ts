import type { BylineLabels } from './types.js';

/** Portuguese byline words ("Por …", "Autora: …", "Escrito por …"). */
export const pt: BylineLabels = {
  lead: ['por', 'autor:', 'autora:', 'escrito por', 'publicado por', 'texto:'],
  and: ['e'],
  notNames: ['desconhecido', 'anônimo', 'anónimo', 'publicado em', 'atualizado em'],
  photo: ['foto', 'fotos', 'imagem'],
};
