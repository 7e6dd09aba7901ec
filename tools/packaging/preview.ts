/**
 * `npm start -- --package dist/packages/<file>.zip`: serves a built package, unzipped, from a sub-path of
 * localhost inside a framing page, so an administrator sees exactly the files the LMS will run. Once the preview
 * LMS lands, it mounts `packageHandler` (serve.ts) and launches the package under the matching launcher instead.
 */
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { servePackage } from './serve.js';

const KIND_LABEL = { scorm12: 'SCORM 1.2', scorm2004: 'SCORM 2004 4th Edition', cmi5: 'cmi5', xapi: 'xAPI' };

/** Serves the package until Ctrl+C; never returns. */
export async function previewPackage(zip: string | undefined, port: number): Promise<never> {
  const file = zip ? resolve(zip) : '';
  if (!zip || !existsSync(file) || !file.endsWith('.zip')) {
    console.error(
      `找不到课程包“${zip ?? ''}”。请先运行 npm run package，再写 npm start -- --package dist/packages/<文件名>.zip\n` +
        `No package at "${zip ?? ''}". Run npm run package first, then npm start -- --package dist/packages/<name>.zip`,
    );
    process.exit(1);
  }
  const served = await servePackage(file, { port, host: 'localhost' });
  console.log(
    `\n课程包预览 / Package preview: ${KIND_LABEL[served.unpacked.kind]} · ${served.unpacked.title}\n` +
      `  在框架中（与学习平台相同）/ In a frame, as in an LMS: ${served.framedUrl}\n` +
      `  直接打开 / Launch page: ${served.launchUrl}\n` +
      `  文件 / Files: ${served.unpacked.dir}\n按 Ctrl+C 结束。 / Press Ctrl+C to stop.\n`,
  );
  process.on('SIGINT', () => {
    rmSync(served.unpacked.dir, { recursive: true, force: true });
    void served.close().then(() => process.exit(0));
  });
  return new Promise<never>(() => {});
}
