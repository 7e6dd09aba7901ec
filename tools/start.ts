/**
 * `npm start`: builds the course, serves it on localhost and rebuilds and reloads the browser when a content or
 * source file changes. A content error is printed with its file and line, and shown in the browser in place of the
 * course until it is fixed; the last good build is never deleted.
 */
import { join } from 'node:path';
import { startDevServer } from '@web/dev-server';
import { startPreviewLms } from './preview-lms.js';
import { rollup, watch } from 'rollup';
import { createConfig } from '../rollup.config.mjs';
import { createStudioConfig } from '../rollup.studio.config.mjs';
import { buildLocales } from './locales.js';
import { courseRoot, distDir, seedsDir } from './paths.js';
import { PREVIEW_PATH, PreviewReload } from './preview-reload.js';
import { previewPackage } from './packaging/preview.js';
import { startStudio } from './studio/server.js';

const port = Number(process.env.PORT ?? 8000);
// `npm start -- --package <zip>`: run a built LMS package in the preview LMS instead of the live preview.
if (process.argv.includes('--package'))
  await previewPackage(process.argv[process.argv.indexOf('--package') + 1], port, process.argv.slice(2));
// COURSE_ROOT previews another copy of the course (its build goes to its own dist/).
const root = process.env.COURSE_ROOT;
const outDir = root ? join(root, 'dist') : distDir;
const preview = new PreviewReload(outDir, root ?? courseRoot, seedsDir);

buildLocales();
const config = createConfig({ minify: false, ...(root ? { root, outDir } : {}) });
const watcher = watch({ ...config, output: config.output });

let serving = false;
watcher.on('event', async (event) => {
  if (event.code === 'ERROR') {
    preview.failed(event.error.message);
    console.error(`\n${event.error.message}\n`);
    console.error('修改后保存即可自动重新生成。 / Save a fix and the course rebuilds.');
  } else if (event.code === 'BUNDLE_END') {
    await event.result.close();
    preview.succeeded();
    console.log(`${new Date().toLocaleTimeString()} 已重新生成 / rebuilt (${event.duration} ms)`);
  }
  if ((event.code === 'BUNDLE_END' || event.code === 'ERROR') && !serving) {
    serving = true;
    await startDevServer({
      config: {
        rootDir: outDir,
        port,
        hostname: 'localhost',
        clearTerminalOnReload: false,
        middleware: [preview.middleware],
      },
      readCliArgs: false,
      readFileConfig: false,
      logStartMessage: false,
    });
    console.log(`\n课程已启动，请在浏览器中打开 / The course is running at: http://localhost:${port}/`);
    console.log(`题目预览（全部题目和反馈）/ Question preview: http://localhost:${port}${PREVIEW_PATH}\n`);
  }
});

// The authoring studio (tools/studio/) on the port after the LMS; the launcher links to it through STUDIO_URL. Its UI
// (studio/) is built into dist-studio/ meanwhile; the server shows a placeholder until it is there.
void (async () => {
  const studioConfig = createStudioConfig({ minify: false });
  const bundle = await rollup(studioConfig);
  await bundle.write(studioConfig.output);
  await bundle.close();
})().catch((error: Error) => console.error(`创作工作室界面未能生成 / The studio UI did not build: ${error.message}`));
const studio = await startStudio({
  root: root ?? courseRoot,
  port: Number(process.env.STUDIO_PORT ?? port + 2),
  seedsDir,
  courseDistDir: outDir,
  ...(process.env.STUDIO_TOKEN ? { token: process.env.STUDIO_TOKEN } : {}),
}).catch((error: Error) => {
  console.error(`创作工作室未能启动 / The authoring studio did not start: ${error.message}`);
  return null;
});
if (studio) {
  process.env.STUDIO_URL = studio.launchUrl;
  console.log(`创作工作室 / Authoring studio: ${studio.launchUrl}`);
}

// The preview LMS with its embedded xAPI store (server/), on the next port; `npm start -- --fresh` starts it empty.
const lms = startPreviewLms(port + 1, process.argv.slice(2));

process.on('SIGINT', () => {
  preview.close();
  lms.kill('SIGINT');
  void studio?.close();
  void watcher.close().then(() => process.exit(0));
});
