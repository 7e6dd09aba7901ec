// Browser tests: every components/**/*.test.ts and studio/**/*.test.ts, in Debian's Chromium driven by Playwright.
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { countReporter } from './test/wtr-count-reporter.mjs';
import { defaultReporter } from '@web/test-runner';
import { fixtureCourseMiddleware } from './test/fixture-course-middleware.mjs';

export default {
  files: ['components/**/*.test.ts', 'studio/**/*.test.ts'],
  nodeResolve: true,
  middleware: [fixtureCourseMiddleware],
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.base.json', target: 'es2022' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      },
    }),
  ],
  reporters: [defaultReporter(), countReporter()],
};
