import { defineConfig } from 'vitest/config';

// Four projects, run apart or together (`vitest run --project unit`): fast Node unit tests of the plain modules and
// the layer check; the content checks (the real course and the fixtures through the real pipeline); the embedded
// LRS, preview LMS and report over real HTTP; end-to-end runs of the built course in Chromium.
export default defineConfig({
  test: {
    testTimeout: 20000,
    hookTimeout: 60000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'core/**/*.test.ts',
            'tracking/**/*.test.ts',
            'report/**/*.test.ts',
            'tools/**/*.test.ts',
            'test/layers.test.ts',
          ],
          // Tracking tests that need a DOM run in the browser (web-test-runner).
          exclude: ['**/node_modules/**', '**/*.browser.test.ts'],
        },
      },
      {
        extends: true,
        // Generates the UI translation modules once, before any test bundles the app.
        test: {
          name: 'content',
          include: ['test/*.test.ts', 'test/tracking/**/*.test.ts'],
          exclude: ['test/layers.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
      {
        extends: true,
        // The embedded LRS and preview LMS over real HTTP, the report against it, and the authoring studio's server.
        test: { name: 'server', include: ['test/server/**/*.test.ts', 'test/studio/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          // Whole walks of the course in Chromium: generous, so a busy machine does not fail them.
          testTimeout: 180_000,
        },
      },
    ],
  },
});
