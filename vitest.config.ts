import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Two test files at once even on a 2-core machine (vitest's default is cores - 1): many files
    // wait on child processes, PostgreSQL or the browser rather than on the CPU.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Type-level tests (*.test-d.ts, e.g. the API contract) run through tsc alongside the others.
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: 'tsconfig.json' },
  },
});
