import type { BylineLabels } from './types.js';

/** Spanish byline words ("Por …", "Autora: …", "Escrito por …"). */
export const es: BylineLabels = {
  lead: ['por', 'autor:', 'autora:', 'escrito por', 'publicado por', 'redactado por', 'texto:'],
  and: ['y', 'e'],
  notNames: ['desconocido', 'anónimo', 'publicado el', 'actualizado el'],
  photo: ['foto', 'fotos', 'fotografía', 'imagen'],
};
