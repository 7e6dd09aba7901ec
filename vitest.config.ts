import { defineConfig } from 'vitest/config';

// Three projects, run apart or together (`vitest run --project unit`): fast Node unit tests of the plain modules and
// the layer check; the content checks (the real course and the fixtures through the real pipeline); end-to-end runs
// of the built course in Chromium.
export default defineConfig({
  test: {
    testTimeout: 20000,
    hookTimeout: 60000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['core/**/*.test.ts', 'tools/**/*.test.ts', 'test/layers.test.ts'] },
      },
      {
        extends: true,
        // Generates the UI translation modules once, before any test bundles the app.
        test: {
          name: 'content',
          include: ['test/*.test.ts'],
          exclude: ['test/layers.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
      {
        extends: true,
        // Walking the whole course in a browser takes a while on a busy machine; speed is measured by `npm run bench`.
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 120000,
        },
      },
    ],
  },
});
