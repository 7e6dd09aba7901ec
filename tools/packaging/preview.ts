/**
 * `npm start -- --package dist/packages/<file>.zip`: unzips a built package into an empty folder and runs it in the
 * preview LMS (server/, started as its own process so tools/ does not import it). The LMS serves the package from a
 * sub-path and its launcher launches it in the package's own standard, with the AU id and pass mark of its manifest,
 * so an administrator sees exactly what the LMS will run.
 */
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { courseRoot } from '../paths.js';
import { startPreviewLms } from '../preview-lms.js';
import { unpackPackage } from './serve.js';

/** Runs the preview LMS with the package until Ctrl+C; never returns. */
export async function previewPackage(zip: string | undefined, port: number, argv: string[]): Promise<never> {
  const file = zip ? resolve(zip) : '';
  if (!zip || !existsSync(file) || !file.endsWith('.zip')) {
    console.error(
      `找不到课程包“${zip ?? ''}”。请先运行 npm run package，再写 npm start -- --package dist/packages/<文件名>.zip\n` +
        `No package at "${zip ?? ''}". Run npm run package first, then npm start -- --package dist/packages/<name>.zip`,
    );
    process.exit(1);
  }
  let unpacked: ReturnType<typeof unpackPackage>;
  try {
    unpacked = unpackPackage(file);
  } catch (error) {
    console.error(`无法打开课程包 / Cannot open the package ${zip}: ${(error as Error).message}`);
    process.exit(1);
  }
  // Its own database: trial launches of a package stay apart from the live preview's learners.
  const lms = startPreviewLms(port, argv, [
    '--db',
    join(courseRoot, '.data/package-preview.sqlite'),
    '--package',
    JSON.stringify(unpacked),
  ]);
  const removeFiles = () => rmSync(unpacked.dir, { recursive: true, force: true });
  lms.on('exit', (code) => {
    removeFiles();
    process.exit(code ?? 0);
  });
  process.on('SIGINT', () => lms.kill('SIGINT'));
  return new Promise<never>(() => {});
}
