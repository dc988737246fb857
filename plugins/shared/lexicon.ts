/**
 * A multilingual lexicon of web-chrome phrases, grouped by concept.
 *
 * Phrases are generic (what any site's call-to-action, cookie banner, share
 * bar or footer says), never sentences copied from real pages. Matching is
 * case-insensitive, on whole words, after folding apostrophes and spaces.
 * Users extend it with `extraPhrases` (same shape, merged in).
 */

export type Concept =
  | 'newsletter'
  | 'cta'
  | 'related'
  | 'readMore'
  | 'cookie'
  | 'ad'
  | 'share'
  | 'comment'
  | 'paywall'
  | 'login'
  | 'navigation'
  | 'copyright'
  | 'bio';

export const CONCEPTS: readonly Concept[] = [
  'newsletter',
  'cta',
  'related',
  'readMore',
  'cookie',
  'ad',
  'share',
  'comment',
  'paywall',
  'login',
  'navigation',
  'copyright',
  'bio',
];

/** Phrases per concept (any language mixed; matching is language-agnostic). */
export type Phrases = Partial<Record<Concept, readonly string[]>>;

export const PHRASES: Readonly<Record<Concept, readonly string[]>> = {
  newsletter: [
    'seu e-mail',
    'seu email',
    'tu email',
    'tu e-mail',
    'votre email',
    'deine e-mail',
    'je e-mailadres',
    'la tua email',
    'подписаться',
    'подпишитесь',
    'рассылка',
    // en
    'newsletter',
    'newsletters',
    'sign up',
    'signup',
    'subscribe',
    'subscribe now',
    'in your inbox',
    'to your inbox',
    'delivered to your inbox',
    'enter your email',
    'your email address',
    'email address',
    // fr
    'inscrivez-vous',
    'abonnez-vous',
    "s'abonner",
    'lettre d’information',
    "lettre d'information",
    'votre adresse e-mail',
    'votre adresse email',
    // de
    'abonnieren',
    'jetzt abonnieren',
    'anmelden',
    'ihre e-mail-adresse',
    // es
    'suscríbete',
    'suscribirse',
    'boletín',
    'tu correo electrónico',
    // it
    'iscriviti',
    'iscriviti alla newsletter',
    'abbonati',
    // pt
    'assine',
    'inscreva-se',
    'cadastre-se',
    // nl
    'abonneer',
    'aanmelden',
    'schrijf je in',
    'nieuwsbrief',
  ],
  cta: [
    'click here',
    'learn more',
    'download now',
    'get started',
    'try it free',
    'free trial',
    'join now',
    'buy now',
    'shop now',
    'support independent journalism',
    'support our journalism',
    'donate',
    'become a member',
    'cliquez ici',
    'en savoir plus',
    'hier klicken',
    'mehr erfahren',
    'haz clic aquí',
    'más información',
    'clicca qui',
    'scopri di più',
    'clique aqui',
    'saiba mais',
    'klik hier',
    'meer informatie',
  ],
  related: [
    'artigos relacionados',
    'artículos relacionados',
    'articles liés',
    'ähnliche artikel',
    'verwandte artikel',
    'gerelateerd',
    'posts relacionados',
    'related reading',
    'читайте также',
    'похожие статьи',
    'похожие записи',
    'вам также может быть интересно',
    'популярное',
    'related articles',
    'related stories',
    'related posts',
    'related content',
    'related',
    'you may also like',
    'you might also like',
    'recommended for you',
    'recommended',
    'more from',
    'more stories',
    'most read',
    'most popular',
    'trending',
    'trending now',
    'popular posts',
    'latest news',
    'top stories',
    'editor’s picks',
    "editor's picks",
    'sur le même sujet',
    'à lire aussi',
    'lire aussi',
    'les plus lus',
    'articles similaires',
    'das könnte sie auch interessieren',
    'meistgelesen',
    'mehr zum thema',
    'noticias relacionadas',
    'te puede interesar',
    'lo más leído',
    'articoli correlati',
    'potrebbe interessarti',
    'i più letti',
    'vous aimerez aussi',
    'vous pourriez aimer',
    'auch interessant',
    'también te puede interesar',
    'ti potrebbe interessare',
    'você pode gostar',
    'você também pode gostar',
    'veja também',
    'leia também',
    'mais lidas',
    'notícias relacionadas',
    'lees ook',
    'meest gelezen',
    'gerelateerde artikelen',
  ],
  readMore: [
    'читать далее',
    'подробнее',
    'read more',
    'continue reading',
    'read the full story',
    'read the full article',
    'full story',
    'see more',
    'view more',
    'show more',
    'load more',
    'lire la suite',
    'voir plus',
    'weiterlesen',
    'mehr lesen',
    'leer más',
    'seguir leyendo',
    'leggi di più',
    'continua a leggere',
    'leia mais',
    'continuar lendo',
    'lees meer',
    'verder lezen',
  ],
  cookie: [
    'cookies',
    'cookie policy',
    'cookie settings',
    'accept cookies',
    'accept all',
    'we use cookies',
    'this website uses cookies',
    'this site uses cookies',
    'manage preferences',
    'privacy settings',
    'consent',
    'nous utilisons des cookies',
    'accepter',
    'tout accepter',
    'wir verwenden cookies',
    'alle akzeptieren',
    'akzeptieren',
    'utilizamos cookies',
    'aceptar',
    'utilizziamo i cookie',
    'accetta',
    'utilizamos cookies',
    'aceitar',
    'wij gebruiken cookies',
    'accepteren',
  ],
  ad: [
    'реклама',
    'advertisement',
    'advertising',
    'sponsored',
    'sponsored content',
    'promoted',
    'paid content',
    'partner content',
    'ad choices',
    'adchoices',
    'publicité',
    'anzeige',
    'werbung',
    'publicidad',
    'pubblicità',
    'publicidade',
    'advertentie',
  ],
  share: [
    'поделиться',
    'share',
    'share this',
    'share this article',
    'share this story',
    'share on facebook',
    'share on twitter',
    'tweet',
    'pin it',
    'whatsapp',
    'facebook',
    'twitter',
    'linkedin',
    'pinterest',
    'reddit',
    'instagram',
    'youtube',
    'email this',
    'print',
    'copy link',
    'follow us',
    'partager',
    'partagez',
    'teilen',
    'compartir',
    'condividi',
    'compartilhar',
    'delen',
  ],
  comment: [
    'deixe uma resposta',
    'cancelar resposta',
    'deixe seu comentário',
    'deja una respuesta',
    'cancelar respuesta',
    'laisser une réponse',
    'annuler la réponse',
    'schreibe einen kommentar',
    'hinterlasse einen kommentar',
    'antworten abbrechen',
    'lascia una risposta',
    'annulla risposta',
    'laat een reactie achter',
    'cancel reply',
    'join the discussion',
    'join the conversation',
    'комментарии',
    'добавить комментарий',
    'ответить',
    'оставить комментарий',
    'comments',
    'comment',
    'leave a comment',
    'leave a reply',
    'post a comment',
    'add a comment',
    'reply',
    'replies',
    'commentaires',
    'laisser un commentaire',
    'répondre',
    'kommentare',
    'kommentieren',
    'antworten',
    'comentarios',
    'deja un comentario',
    'responder',
    'commenti',
    'lascia un commento',
    'rispondi',
    'comentários',
    'deixe um comentário',
    'reacties',
    'reageer',
  ],
  paywall: [
    'subscribers only',
    'for subscribers',
    'subscriber exclusive',
    'premium content',
    'unlock this article',
    'already a subscriber',
    'free articles',
    'réservé aux abonnés',
    'abonnés',
    'nur für abonnenten',
    'exclusivo para suscriptores',
    'riservato agli abbonati',
    'exclusivo para assinantes',
  ],
  login: [
    'войти',
    'регистрация',
    'log in',
    'login',
    'sign in',
    'log out',
    'register',
    'create an account',
    'my account',
    'forgot your password',
    'se connecter',
    'connexion',
    'mon compte',
    'einloggen',
    'mein konto',
    'registrieren',
    'iniciar sesión',
    'mi cuenta',
    'accedi',
    'registrati',
    'entrar',
    'minha conta',
    'inloggen',
    'mijn account',
  ],
  navigation: [
    'главная',
    'поиск',
    'контакты',
    'home',
    'homepage',
    'menu',
    'search',
    'skip to content',
    'skip to main content',
    'back to top',
    'next article',
    'previous article',
    'next post',
    'previous post',
    'about us',
    'contact us',
    'contact',
    'sitemap',
    'site map',
    'careers',
    'jobs',
    'terms of use',
    'terms of service',
    'terms and conditions',
    'privacy policy',
    'privacy',
    'accessibility',
    'faq',
    'accueil',
    'rechercher',
    'mentions légales',
    'startseite',
    'suche',
    'impressum',
    'datenschutz',
    'inicio',
    'buscar',
    'aviso legal',
    'cerca',
    'início',
    'pesquisar',
    'zoeken',
  ],
  bio: [
    'about the author',
    'about the writer',
    'author bio',
    'more by this author',
    'more articles by',
    'à propos de l’auteur',
    "à propos de l'auteur",
    'über den autor',
    'über die autorin',
    'sobre el autor',
    'sobre la autora',
    "sull'autore",
    'sobre o autor',
    'sobre a autora',
    'over de auteur',
    'об авторе',
  ],
  copyright: [
    'все права защищены',
    '©',
    'copyright',
    'all rights reserved',
    'tous droits réservés',
    'alle rechte vorbehalten',
    'todos los derechos reservados',
    'tutti i diritti riservati',
    'todos os direitos reservados',
    'alle rechten voorbehouden',
  ],
};

/** Merge user phrases into the built-in lexicon (returns a new object). */
export function mergePhrases(extra: Phrases | undefined): Record<Concept, readonly string[]> {
  const out = { ...PHRASES };
  if (!extra) return out;
  for (const [key, list] of Object.entries(extra) as [string, readonly string[] | undefined][]) {
    if (!(CONCEPTS as readonly string[]).includes(key))
      throw new Error(`lexicon: unknown concept '${key}' (choose from ${CONCEPTS.join(', ')})`);
    if (!Array.isArray(list) || list.some((p) => typeof p !== 'string' || p.trim() === ''))
      throw new Error(`lexicon: \`extraPhrases.${key}\` must be a list of non-empty strings`);
    out[key as Concept] = [...out[key as Concept], ...list];
  }
  return out;
}

/** Fold text for matching: lower case, straight apostrophes, single spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A compiled lexicon: one regex per concept, for whole words. The regex
 * checks the end of a phrase (`(?![\p{L}\p{N}])`); the start is checked by
 * `lexiconHitsFolded` (a leading look-behind made V8 try every alternative at
 * every position: three times slower).
 */
export type Lexicon = ReadonlyMap<Concept, RegExp>;

/** A letter or digit just before a match: the phrase starts inside a word. */
const WORD_BEFORE = /[\p{L}\p{N}]$/u;

export function compileLexicon(phrases: Readonly<Record<Concept, readonly string[]>>): Lexicon {
  const map = new Map<Concept, RegExp>();
  for (const concept of CONCEPTS) {
    const alts = [...new Set(phrases[concept].map(fold))]
      .sort((a, b) => b.length - a.length)
      .map(escapeRe);
    if (alts.length === 0) continue;
    map.set(concept, new RegExp(`(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'gu'));
  }
  return map;
}

/** One concept found in a block, with the share of the block its phrases cover. */
export interface LexiconHit {
  concept: Concept;
  /** Matched phrases. */
  phrases: string[];
  /** Characters of matched phrases / characters of the block (0..1). */
  coverage: number;
}

/** Concepts found in `text` (folded internally). */
export function lexiconHits(lexicon: Lexicon, text: string): LexiconHit[] {
  return lexiconHitsFolded(lexicon, fold(text));
}

/** Concepts found in text already passed through `fold`. */
export function lexiconHitsFolded(lexicon: Lexicon, folded: string): LexiconHit[] {
  if (folded.length === 0) return [];
  const hits: LexiconHit[] = [];
  for (const [concept, re] of lexicon) {
    let found: string[] | undefined;
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      // Same as a look-behind: no phrase can start here, try the next position.
      if (m.index > 0 && WORD_BEFORE.test(folded.slice(Math.max(0, m.index - 2), m.index))) {
        re.lastIndex = m.index + ((folded.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
        continue;
      }
      found ??= [];
      found.push(m[0]);
      if (m[0].length === 0) re.lastIndex++;
    }
    if (!found) continue;
    const covered = found.reduce((n, p) => n + p.length, 0);
    hits.push({ concept, phrases: found, coverage: Math.min(1, covered / folded.length) });
  }
  return hits;
}
