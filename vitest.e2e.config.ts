import { defineConfig } from 'vitest/config';

// Real-browser tests: they drive the built extension (.output/), so run `npm run build` first.
// One file at a time: each starts a browser, and the machines that run them have two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
