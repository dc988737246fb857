/**
 * Kicker/dek split for related cards: "Speed Read Ukrainian President …" →
 * kicker "Speed Read", dek "Ukrainian President …".
 *
 * A kicker is a section label, so cards of one list share them: the kicker of
 * a card is the longest title-case prefix it shares with another card. When
 * most cards have such a shared kicker, the others get the title-case run
 * before the dek's first word ("Talking Point Steering clear…" → "Talking
 * Point"). With no shared kickers, nothing is split.
 */

const SMALL = new Set([
  'the',
  'of',
  'in',
  'a',
  'an',
  'and',
  'for',
  'on',
  'at',
  'to',
  'de',
  'la',
  'le',
  'du',
  'der',
  'die',
]);

function isCap(w: string): boolean {
  return /^["'“‘]?[\p{Lu}\p{N}]/u.test(w);
}

/** Leading title-case words (small words allowed inside, not at the end). */
function titleRun(words: string[]): string[] {
  const run: string[] = [];
  for (const w of words) {
    if (isCap(w)) run.push(w);
    else if (run.length > 0 && SMALL.has(w.toLowerCase())) run.push(w);
    else break;
  }
  while (
    run.length > 0 &&
    SMALL.has(run[run.length - 1]!.toLowerCase()) &&
    !isCap(run[run.length - 1]!)
  )
    run.pop();
  return run;
}

function commonPrefix(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function meaningful(prefix: string[]): boolean {
  if (prefix.length >= 2) return true;
  const w = prefix[0];
  return w !== undefined && w.length >= 4 && !SMALL.has(w.toLowerCase());
}

export interface KickerSplit {
  kicker?: string | undefined;
  dek?: string | undefined;
}

export function splitKickers(lines: (string | undefined)[]): KickerSplit[] {
  const words = lines.map((l) => (l ? l.split(/\s+/).filter(Boolean) : []));
  const runs = words.map(titleRun);
  const shared = runs.map((r, i) => {
    let best = 0;
    runs.forEach((o, j) => {
      if (j === i) return;
      const c = commonPrefix(r, o);
      if (c > best && meaningful(r.slice(0, c))) best = c;
    });
    // The dek must keep at least one word.
    return best > 0 && best < words[i]!.length ? best : 0;
  });
  const present = lines.filter((l) => l !== undefined).length;
  const withShared = shared.filter((n) => n > 0).length;
  const pattern = present > 0 && withShared * 2 >= present;
  return words.map((w, i) => {
    if (w.length === 0) return {};
    let n = shared[i]!;
    if (n === 0 && pattern && runs[i]!.length >= 2) {
      n = runs[i]!.length - 1;
      while (n > 0 && SMALL.has(w[n - 1]!.toLowerCase())) n--;
    }
    if (n === 0) return { dek: w.join(' ') };
    return { kicker: w.slice(0, n).join(' '), dek: w.slice(n).join(' ') };
  });
}
