import { describe, expect, it } from 'vitest';
import { detectLanguage, wordsOf } from './signals.js';
import { LANGUAGES, STOPWORDS } from './stopwords.js';

const SAMPLES: Record<string, string> = {
  en: 'The city council voted on Tuesday to reopen the central library after a renovation that took two years, and residents who had waited for it gathered on the steps.',
  cs: 'Městská rada v úterý rozhodla o znovuotevření ústřední knihovny po rekonstrukci, která trvala dva roky, a obyvatelé se shromáždili na schodech.',
  ro: 'Consiliul local a decis marți să redeschidă biblioteca centrală după o renovare care a durat doi ani, iar locuitorii s-au adunat pe scări.',
  sv: 'Stadsfullmäktige beslutade på tisdagen att öppna det centrala biblioteket igen efter en renovering som tog två år, och invånarna samlades på trappan.',
  pl: 'Rada miasta zdecydowała we wtorek o ponownym otwarciu biblioteki centralnej po remoncie, który trwał dwa lata, a mieszkańcy zebrali się na schodach.',
  id: 'Dewan kota memutuskan pada hari Selasa untuk membuka kembali perpustakaan pusat setelah renovasi yang memakan waktu dua tahun, dan warga berkumpul di tangga.',
};

describe('stopword lists', () => {
  it('should tell languages apart that share function words', () => {
    for (const [lang, text] of Object.entries(SAMPLES))
      expect(detectLanguage(wordsOf(text.toLowerCase())), lang).toBe(lang);
  });

  it('should hold lower-case single words without spaces', () => {
    for (const lang of LANGUAGES)
      for (const w of STOPWORDS.get(lang)!) expect(w, `${lang}: “${w}”`).toMatch(/^[^\sA-Z]+$/u);
  });
});
