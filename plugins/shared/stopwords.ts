/**
 * Small stopword lists (the most frequent function words) per language, used
 * to tell prose from chrome and to guess a page's language cheaply.
 */

const RAW: Record<string, string> = {
  en: 'the a an and or but of to in on at for with by from as is are was were be been being it its this that these those he she they we you i his her their our your not no have has had do does did will would can could should may might than then there here which who whom whose what when where why how all any some such into over after before about also just only more most very so if out up one',
  fr: 'le la les un une des du de et ou mais à au aux en dans sur pour par avec sans sous est sont était été être a ont avait il elle ils elles nous vous je on ce cet cette ces qui que quoi dont où ne pas plus se sa son ses leur leurs y lui été aussi comme mais très tout tous entre après avant',
  de: 'der die das den dem des ein eine einen einem einer und oder aber zu im in an am auf für mit von vom bei aus nach ist sind war waren sein wird werden wurde hat haben hatte er sie es wir ihr ich man nicht kein keine auch noch nur wie als dass so sich ihre sein seine dieser diese dieses zum zur über unter durch',
  es: 'el la los las un una unos unas y o pero de del al a en con por para sin sobre es son era fue ser está están ha han había él ella ellos ellas nosotros usted yo se que qué quien cual como cuando donde no más muy su sus lo le les este esta estos estas ese esa también entre tras hasta desde',
  it: 'il lo la i gli le un uno una e o ma di del della dei degli delle a al alla ai agli alle da dal dalla in nel nella con per su sul sulla è sono era erano essere ha hanno aveva lui lei loro noi voi io si che chi cui come quando dove non più molto suo sua suoi sue questo questa anche tra fra',
  pt: 'o a os as um uma uns umas e ou mas de do da dos das ao aos à às em no na nos nas com por para sem sobre é são era foi ser está estão tem têm havia ele ela eles elas nós você eu se que quem qual como quando onde não mais muito seu sua seus suas este esta isso também entre até desde pelo pela',
  nl: 'de het een en of maar van te in op aan voor met door bij uit naar is zijn was waren wordt worden werd heeft hebben had hij zij ze het wij we jij je ik men niet geen ook nog alleen als dat die dit deze zo zich haar hun om tot over onder er',
  ru: 'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о из ему теперь когда даже ну ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтобы без будто чего раз тоже себе под будет',
};

export const STOPWORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(RAW).map(([lang, list]) => [lang, new Set(list.split(' '))]),
);

export const LANGUAGES: readonly string[] = Object.keys(RAW);
