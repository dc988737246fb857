/**
 * Finds Debian's Chromium for the browser tests, installing it when missing,
 * so that `npm test` on a fresh machine needs nothing done by hand.
 *
 * Looks at `$CHROMIUM` (an explicit path), then `/usr/bin/chromium` and
 * `/usr/bin/chromium-browser`; when none exists, runs
 * `scripts/ensure-chromium.sh` (apt-get, as root or through sudo; it waits
 * for another apt-get holding the lock) and looks again. Returns the path, or
 * a one-line reason why there is none (the browser test then fails with it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../scripts/ensure-chromium.sh', import.meta.url));

function find(): string | undefined {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((c): c is string => typeof c === 'string' && c !== '' && existsSync(c));
}

export function ensureChromium(): { path: string } | { missing: string } {
  const found = find();
  if (found) return { path: found };
  const r = spawnSync('sh', [SCRIPT], { encoding: 'utf8', timeout: 15 * 60_000 });
  const again = find();
  if (again) return { path: again };
  const why = `${r.stderr ?? ''}${r.error?.message ?? ''}`.trim().split('\n').pop() ?? '';
  return {
    missing: `Chromium is missing and ${path.basename(SCRIPT)} could not install it${why ? ` (${why})` : ''}: run it as root and retry.`,
  };
}
