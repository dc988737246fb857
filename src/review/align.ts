/**
 * Side by side: each input block beside the output block it became.
 *
 * The input's blocks (kept and removed, in order) and the cleaned Markdown's
 * blocks are walked together. A kept input block pairs with the next output
 * block whose words it shares (most of the shorter one's words); output
 * blocks passed over on the way (the headline and byline moved to the top, a
 * block a reader split) stand alone on the "after" side, and removed input
 * blocks stand alone on the "before" side. Greedy and linear in the number of
 * blocks (a bounded look-ahead), so a thousand-block page aligns at once.
 */

export interface AlignedRow<B, A> {
  before?: B | undefined;
  after?: A | undefined;
}

/** How far ahead to look for the partner of a kept block. */
const LOOK_AHEAD = 12;

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .normalize('NFKC')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 0),
  );
}

/** Share of the smaller block's words found in the other (0..1). */
export function overlap(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 0;
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let n = 0;
  for (const w of small) if (large.has(w)) n++;
  return n / small.size;
}

/**
 * Rows pairing `before` blocks with `after` blocks. `keptText(b)` is an input
 * block's text after cleaning, or undefined for a removed block;
 * `afterText(a)` an output block's text.
 */
export function alignBlocks<B, A>(
  before: readonly B[],
  after: readonly A[],
  keptText: (b: B) => string | undefined,
  afterText: (a: A) => string,
): AlignedRow<B, A>[] {
  const rows: AlignedRow<B, A>[] = [];
  let j = 0;
  for (const b of before) {
    const text = keptText(b);
    if (text === undefined) {
      rows.push({ before: b });
      continue;
    }
    let match = -1;
    for (let k = j; k < Math.min(after.length, j + LOOK_AHEAD); k++) {
      if (overlap(text, afterText(after[k]!)) >= 0.6) {
        match = k;
        break;
      }
    }
    if (match === -1) {
      rows.push({ before: b });
      continue;
    }
    for (; j < match; j++) rows.push({ after: after[j] });
    rows.push({ before: b, after: after[match] });
    j = match + 1;
  }
  for (; j < after.length; j++) rows.push({ after: after[j] });
  return rows;
}
