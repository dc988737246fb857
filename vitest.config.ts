import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['plugins/**/*.test.ts', 'src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    setupFiles: ['tests/setup/fast-check.ts'],
    // A JSON report for .ci/run's `N passed, M failed` line.
    reporters: ['default', ['json', { outputFile: 'tests/.artifacts/vitest.json' }]],
  },
});
