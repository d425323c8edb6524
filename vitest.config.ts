import { defineConfig } from 'vitest/config';

/** Unit and property tests: plain Node, no DOM. Browser journeys live in e2e/ (Playwright). */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
  },
});
