import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Three projects, so that everyday work does not wait for a JVM or a browser:
// - unit: every tests/**/*.test.ts that is neither of the two below; needs neither Java nor Chromium;
// - db:   tests/**/*.db.test.ts, against a real Neo4j started by tests/setup/global.ts;
// - e2e:  tests/e2e/**/*.test.ts, real Chromium, real server, the same real Neo4j.
// The db and e2e files share one Neo4j, and files that rewrite it must not overlap with files that read it,
// so those two projects run one file at a time and one after the other (groupOrder).
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 240_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.db.test.ts', 'tests/e2e/**'],
          // Unit tests are CPU-bound and share nothing, so they take every core; vitest's default leaves one
          // idle, which on a 2-core machine runs them one file at a time (measured: 44-53 s → 31-35 s).
          maxWorkers: availableParallelism(),
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['tests/**/*.db.test.ts'],
          exclude: ['tests/e2e/**'],
          globalSetup: ['tests/setup/global.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/global.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
