import { defineConfig } from 'vitest/config';
export default defineConfig({
  test: {
    include: [process.env.T ?? 'tests/server/**/*.test.ts'],
    fileParallelism: false,
    globalSetup: ['.cache/srv-dev/global.ts'],
    testTimeout: 120000,
    hookTimeout: 240000,
  },
});
