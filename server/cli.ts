/**
 * Runs the preview LMS and its xAPI store: `tsx server/cli.ts [--port N] [--host H] [--db FILE] [--course DIR]
 * [--fresh] [--json] [--package JSON]`. Defaults: port $LMS_PORT or 8001, database .data/lrs.sqlite, course dist/.
 * `--json` prints one machine-readable line (for tests) instead of the banner. `--package` takes an unzipped package
 * as JSON (`PackageToServe`; `npm start -- --package <zip>` unzips it and passes it here).
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { packagePrefix, startServer, type PackageToServe } from './index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    db: { type: 'string' },
    fresh: { type: 'boolean' },
    course: { type: 'string' },
    json: { type: 'boolean' },
    package: { type: 'string' },
  },
});
const served = values.package ? (JSON.parse(values.package) as PackageToServe) : undefined;
const server = await startServer({
  port: Number(values.port ?? process.env.LMS_PORT ?? 8001),
  dbPath: values.db ?? `${root}.data/lrs.sqlite`,
  courseDir: values.course ?? `${root}dist`,
  ...(values.host ? { host: values.host } : {}),
  ...(values.fresh ? { fresh: true } : {}),
  ...(served ? { package: served } : {}),
  ...(process.env.STUDIO_URL ? { studioUrl: process.env.STUDIO_URL } : {}),
});
if (values.json) {
  console.log(
    JSON.stringify({
      url: server.url,
      endpoint: server.endpoint,
      key: server.credentials.key,
      secret: server.credentials.secret,
      db: server.dbPath,
    }),
  );
} else {
  const generated = server.generatedCredentials ? '（首次启动时生成 / generated on first start）' : '';
  console.log(`
预览 LMS 已启动 / Preview LMS is running
  启动页 / Launcher:        ${server.url}
  xAPI 端点 / Endpoint:     ${server.endpoint}
  LRS 账号 / Key:           ${server.credentials.key}
  LRS 密码 / Secret:        ${server.credentials.secret} ${generated}
  数据库 / Database:        ${server.dbPath}
${served ? `  课程包 / Package:         ${served.kind} · ${served.title} · ${server.url.slice(0, -1)}${packagePrefix(served.kind)}${served.launch}\n` : ''}  ${values.fresh ? '已清空旧数据 / Started empty (--fresh)' : '数据在重启后保留；npm start -- --fresh 清空 / Data persists; npm start -- --fresh starts empty'}
`);
}
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
