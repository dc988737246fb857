/** `copydesk clean` flags become library options (the in-process half of tests/cli.test.ts). */
import { describe, expect, it } from 'vitest';

describe('clean options from the CLI', () => {
  it('should pass --dashes through to the library options', async () => {
    const { cleanOptionsFromArgs } = await import('../src/commands/clean.js');
    const args = {
      out: 'output',
      from: 'auto',
      quotes: 'curly',
      dashes: 'en-spaced',
      byline: 'normalize',
      json: false,
      siteRules: true,
      concurrency: 1,
      quiet: true,
      resume: false,
      maxBytes: 1,
      timeout: 1,
      ndjson: false,
      siteRepeats: false,
    } as const;
    expect(cleanOptionsFromArgs(args).dashes).toBe('en-spaced');
  });
});
