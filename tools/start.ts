/**
 * `npm start`: builds the course, serves it on localhost and rebuilds and reloads the browser when a content or
 * source file changes. A content error is printed with its file and line; the last good build stays served.
 */
import { startDevServer } from '@web/dev-server';
import { watch } from 'rollup';
import { createConfig } from '../rollup.config.mjs';
import { buildLocales } from './locales.js';
import { distDir } from './paths.js';

const port = Number(process.env.PORT ?? 8000);

buildLocales();
const config = createConfig({ minify: false });
const watcher = watch({ ...config, output: config.output });

let firstBuild = true;
watcher.on('event', async (event) => {
  if (event.code === 'ERROR') {
    console.error(`\n${event.error.message}\n`);
    console.error('修改后保存即可自动重新生成。 / Save a fix and the course rebuilds.');
  } else if (event.code === 'BUNDLE_END') {
    await event.result.close();
    console.log(`${new Date().toLocaleTimeString()} 已重新生成 / rebuilt (${event.duration} ms)`);
  }
  if ((event.code === 'BUNDLE_END' || event.code === 'ERROR') && firstBuild) {
    firstBuild = false;
    await startDevServer({
      config: { rootDir: distDir, port, hostname: 'localhost', watch: true },
      readCliArgs: false,
      readFileConfig: false,
      logStartMessage: false,
    });
    console.log(`\n课程已启动，请在浏览器中打开 / The course is running at: http://localhost:${port}/\n`);
  }
});

process.on('SIGINT', () => {
  void watcher.close().then(() => process.exit(0));
});
