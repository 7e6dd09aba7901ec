/**
 * Starts the preview LMS (server/cli.ts) as its own process beside the live-reload preview, so tools/ does not import
 * server/. Port: LMS_PORT, else the given one; extra arguments (--fresh, --host H) are passed through, and `extra`
 * as given (e.g. --package).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { courseRoot } from './paths.js';

export function startPreviewLms(port: number, argv: string[], extra: string[] = []): ChildProcess {
  // Only the options the LMS knows; anything else on the npm start command line stays with the preview.
  const args: string[] = [];
  argv.forEach((arg, i) => {
    if (arg === '--fresh') args.push(arg);
    if (arg === '--host' && argv[i + 1]) args.push(arg, argv[i + 1]!);
  });
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/cli.ts', '--port', String(process.env.LMS_PORT ?? port), ...args, ...extra],
    { cwd: courseRoot, stdio: 'inherit' },
  );
  child.on('exit', (code) => {
    if (code) console.error(`预览 LMS 已退出 / The preview LMS stopped (exit code ${code}).`);
  });
  // Never leave the LMS running when the preview stops.
  process.on('exit', () => child.kill());
  process.once('SIGTERM', () => process.exit(0));
  return child;
}
