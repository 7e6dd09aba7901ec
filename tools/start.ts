/**
 * `npm start`: builds the course, serves it on localhost and rebuilds and reloads the browser when a content or
 * source file changes. A content error is printed with its file and line, and shown in the browser in place of the
 * course until it is fixed; the last good build is never deleted.
 */
import { startDevServer } from '@web/dev-server';
import { watch } from 'rollup';
import { createConfig } from '../rollup.config.mjs';
import { buildLocales } from './locales.js';
import { distDir } from './paths.js';
import { previewPackage } from './packaging/preview.js';

const port = Number(process.env.PORT ?? 8000);
// `npm start -- --package <zip>`: serve a built LMS package instead of the live preview.
if (process.argv.includes('--package')) await previewPackage(process.argv[process.argv.indexOf('--package') + 1], port);
let buildError: string | null = null;
let buildNumber = 0;

buildLocales();
const config = createConfig({ minify: false });
const watcher = watch({ ...config, output: config.output });

let serving = false;
watcher.on('event', async (event) => {
  if (event.code === 'ERROR') {
    buildError = event.error.message;
    buildNumber++;
    console.error(`\n${event.error.message}\n`);
    console.error('修改后保存即可自动重新生成。 / Save a fix and the course rebuilds.');
  } else if (event.code === 'BUNDLE_END') {
    await event.result.close();
    buildError = null;
    buildNumber++;
    console.log(`${new Date().toLocaleTimeString()} 已重新生成 / rebuilt (${event.duration} ms)`);
  }
  if ((event.code === 'BUNDLE_END' || event.code === 'ERROR') && !serving) {
    serving = true;
    await startDevServer({
      config: {
        rootDir: distDir,
        port,
        hostname: 'localhost',
        watch: true,
        clearTerminalOnReload: false,
        middleware: [
          async (ctx, next) => {
            if (ctx.path === '/__build-status') {
              ctx.body = { build: buildNumber, failed: buildError !== null };
              return;
            }
            if (buildError && (ctx.path === '/' || ctx.path.endsWith('.html'))) {
              ctx.type = 'html';
              ctx.body = errorPage(buildError, buildNumber);
              return;
            }
            await next();
          },
        ],
      },
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

/** A page listing the content errors; it reloads itself when the next build finishes. */
function errorPage(report: string, build: number): string {
  const text = report.replace(/\u001b\[[0-9;]*m/g, '').replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>课程内容有错误 / Content errors</title>
<style>body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:0;padding:1.5rem;background:#fff8f6;color:#1d232a}
h1{font-size:1.3rem;color:#b3261e}pre{white-space:pre-wrap;background:#fff;border:1px solid #e5b9b5;border-radius:8px;padding:1rem;line-height:1.6}</style></head>
<body><main><h1>课程内容有错误，预览已暂停 / The course has content errors</h1>
<p>请按下面的说明修改文件并保存，修好后本页会自动回到课程。 / Fix the files as described below and save; this page returns to the course by itself.</p>
<pre>${text}</pre></main>
<script>setInterval(async()=>{try{const s=await (await fetch('/__build-status')).json();if(s.build!==${build})location.reload()}catch{}},1000)</script>
</body></html>`;
}
