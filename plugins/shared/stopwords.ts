/**
 * Small stopword lists (the most frequent function words) per language, used
 * to tell prose from chrome and to guess a page's language cheaply. The more
 * languages have a list, the less often a page in one of them is taken for a
 * neighbour (Czech for Portuguese, Romanian for French) whose list would make
 * its prose look stopword-poor. Agglutinative languages (Finnish, Turkish,
 * Hungarian) have few free function words; their lists serve detection, and
 * prose there is judged at a lower density (see `proseStopwords`).
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
  sv: 'och i att det som en på är av för med till den har inte om ett han men var jag sig från vi så kan man när år säger hon under också efter eller nu sina där vid mot ska skulle kommer ut få finns vara hade alla andra mycket än här då sedan över bara in blir upp även vad dem du hans hennes deras detta dessa',
  da: 'og i at det som en på er af for med til den har ikke om et han men var jeg sig fra vi så kan man når år siger hun under også efter eller nu sine der ved mod skal skulle kommer ud få findes være havde alle andre meget end her da siden over kun ind bliver op hvad dem du hans hendes deres dette disse',
  no: 'og i at det som en på er av for med til den har ikke om et han men var jeg seg fra vi så kan man når år sier hun under også etter eller nå sine der ved mot skal skulle kommer ut få finnes være hadde alle andre mye enn her da siden over bare inn blir opp hva dem du hans hennes deres dette disse ikkje',
  pl: 'i w na z że się nie do to jest o jak a po od za przez dla ale jego jej ich co tak są był była było były przy już tylko może oraz lub czy też także który która które którzy ten ta te tego tej tym pod nad między bez aby żeby gdy jeśli bardzo jeszcze więc',
  cs: 'a v na se že je s z do o to i k ve jako by ale jeho její jejich co tak jsou byl byla bylo byly při už jen může nebo či také který která které kteří ten ta to toho této tím pod nad mezi bez aby když pokud velmi ještě tedy po od za pro',
  ro: 'și în de la a cu pe că nu se din care este sunt au fost o un una lui ei lor pentru prin după până dar mai cel cea cei cele acest această aceste acești fi fie sau ca când unde foarte doar chiar iar ne vă le îl îi al ale',
  tr: 've bir bu da de için ile çok gibi ama daha olarak olan en ne o şu her kadar sonra önce değil var yok ise mi mı diye bunu şey göre ancak hem veya ya biz siz onlar ben sen onun bunun tarafından',
  id: 'dan di yang untuk dengan dari ke ini itu pada dalam tidak akan juga ada adalah oleh sebagai atau karena sudah telah bisa saat mereka kami kita kamu dia ia lebih para bahwa seperti hanya jika namun tersebut secara setelah',
  hu: 'a az és hogy nem is egy de meg van volt csak már még el ki be fel le mint ez azt ezt így úgy kell lesz vagy mert ha sem pedig majd után között alatt szerint által minden nagyon',
  ca: 'el la els les un una i o però de del dels a al als en amb per sense sobre és són era va ser està estan ha han havia ell ella ells elles nosaltres jo es que qui com quan on no més molt seu seva seus seves aquest aquesta aquests també entre fins des',
  hr: 'i u na je da se za od do s sa o a ali kao što koji koja koje su bio bila bilo bili će bi to ta taj ti te ne ni ili iz po pri nakon prije između samo već još može jer kad ako vrlo',
};

export const STOPWORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(RAW).map(([lang, list]) => [lang, new Set(list.split(' '))]),
);

export const LANGUAGES: readonly string[] = Object.keys(RAW);
