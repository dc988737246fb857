/** URL helpers shared by plugins and the cleaner. */

/** The lower-cased host of an absolute URL, or undefined (no URL, unparsable, or no host). */
export function hostOfUrl(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}
