import { defineConfig } from 'vitest/config';

// Unit tests run in Node without a DOM: plain modules in core/ and tools/, content checks and end-to-end runs in test/.
export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'tools/**/*.test.ts', 'report/**/*.test.ts', 'test/**/*.test.ts'],
    // Generates the UI translation modules once, before any test bundles the app.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 20000,
    hookTimeout: 60000,
  },
});
