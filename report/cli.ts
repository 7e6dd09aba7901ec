/**
 * `npm run report -- --endpoint URL --user KEY --password SECRET [--since DATE] [--out DIR] [--state FILE]`
 * Reads this course's statements from any xAPI LRS and writes completion.csv, items.csv and report.html.
 * Exit codes: 0 written, 2 bad input or an LRS problem, 3 nothing to report.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readBuiltCourse } from './course-files.js';
import { completionCsv, itemsCsv } from './csv.js';
import { reportHtml } from './html.js';
import type { ReportLang } from './labels.js';
import { ReportError } from './lrs-reader.js';
import { runReport, type RunState } from './run.js';

const root = fileURLToPath(new URL('..', import.meta.url));

const USAGE = `用法 / Usage:
  npm run report -- --endpoint URL --user KEY --password SECRET [options]

  --endpoint URL      LRS 的 xAPI 根地址 / the LRS's xAPI root, e.g. http://127.0.0.1:8000/xapi/
  --user KEY          LRS 的 key / the LRS key (or LRS_KEY)
  --password SECRET   LRS 的 secret / the LRS secret (or LRS_SECRET)
  --since DATE        只统计该时间之后的记录 / only statements stored after DATE (e.g. 2026-09-01)
  --out DIR           输出文件夹 / output folder (default dist/report)
  --state FILE        增量运行：只读上次之后的新记录 / incremental: read only what arrived since the last run
  --lang zh-CN|en     报告语言 / report language (default zh-CN)
  --time-zone TZ      时间显示的时区 / time zone for times (default Asia/Shanghai)
  --course DIR        构建好的课程 content 文件夹 / the built course's content folder (default dist/content)
  --page-size N       每页条数 / statements per page asked of the LRS (default 500)`;

function fail(error: unknown): never {
  if (error instanceof ReportError) {
    console.error(`\n错误：${error.zh}\nError: ${error.en}`);
    process.exit(error.exitCode);
  }
  console.error(error);
  process.exit(1);
}

function progressLine(read: number, storedUpTo: string | null, started: number, from: number | null): string {
  const seconds = (Date.now() - started) / 1000;
  const rate = seconds > 0 ? Math.round(read / seconds) : 0;
  const reached = storedUpTo ? Date.parse(storedUpTo) : NaN;
  const now = Date.now();
  // The LRS says nothing of how many statements there are; the stored time reached tells how far through we are.
  const share =
    from !== null && Number.isFinite(reached) && now > from ? Math.min(1, (reached - from) / (now - from)) : 0;
  const width = 24;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round(share * 100)}%  已读取 ${read.toLocaleString('en')} 条 / statements read (${rate.toLocaleString('en')}/s)`;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        endpoint: { type: 'string' },
        user: { type: 'string' },
        password: { type: 'string' },
        since: { type: 'string' },
        out: { type: 'string' },
        state: { type: 'string' },
        lang: { type: 'string' },
        'time-zone': { type: 'string' },
        course: { type: 'string' },
        'page-size': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new ReportError(
      `参数有误：${(error as Error).message}\n${USAGE}`,
      `Bad arguments: ${(error as Error).message}`,
    );
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const endpoint = values.endpoint ?? process.env.LRS_ENDPOINT;
  const user = values.user ?? process.env.LRS_KEY;
  const password = values.password ?? process.env.LRS_SECRET;
  if (!endpoint || !user || !password) {
    throw new ReportError(
      `缺少 --endpoint、--user 或 --password。\n${USAGE}`,
      'Missing --endpoint, --user or --password.',
    );
  }
  let since: string | null = null;
  if (values.since !== undefined) {
    const t = Date.parse(values.since);
    if (!/^\d{4}-\d{2}-\d{2}/.test(values.since) || !Number.isFinite(t)) {
      throw new ReportError(
        `--since「${values.since}」不是日期。请写成 2026-09-01 或 2026-09-01T08:00:00+08:00。`,
        `--since "${values.since}" is not a date. Write it as 2026-09-01 or 2026-09-01T08:00:00+08:00.`,
      );
    }
    since = new Date(t).toISOString();
  }
  const lang = (values.lang ?? 'zh-CN') as ReportLang;
  if (lang !== 'zh-CN' && lang !== 'en') {
    throw new ReportError(`--lang 只能是 zh-CN 或 en。`, '--lang must be zh-CN or en.');
  }
  const timeZone = values['time-zone'] ?? 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new ReportError(
      `--time-zone「${timeZone}」不是有效的时区，例如 Asia/Shanghai。`,
      `--time-zone "${timeZone}" is not a time zone, e.g. Asia/Shanghai.`,
    );
  }
  const pageSize = values['page-size'] === undefined ? 500 : Number(values['page-size']);
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new ReportError('--page-size 必须是正整数。', '--page-size must be a positive whole number.');
  }

  const contentDir = resolve(values.course ?? join(root, 'dist/content'));
  if (!values.course && !existsSync(join(contentDir, 'course.json'))) {
    console.error('正在构建课程 / building the course…');
    const built = spawnSync(process.execPath, [join(root, 'node_modules/.bin/tsx'), join(root, 'tools/build.ts')], {
      cwd: root,
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new ReportError('课程构建失败，见上方错误。', 'The course build failed; see above.');
  }
  const catalog = readBuiltCourse(contentDir);

  let state: RunState | null = null;
  if (values.state && existsSync(values.state)) {
    try {
      state = JSON.parse(readFileSync(values.state, 'utf8')) as RunState;
      if (state.version !== 1) throw new Error('version');
    } catch {
      throw new ReportError(
        `状态文件 ${values.state} 无法读取。删除它会重新做一次完整统计。`,
        `The state file ${values.state} cannot be read. Delete it to run a full report again.`,
      );
    }
  }

  const started = Date.now();
  const from = state?.cursor ? Date.parse(state.cursor) : since ? Date.parse(since) : null;
  let firstStored: number | null = from;
  const tty = process.stderr.isTTY;
  let lastPrint = 0;
  const result = await runReport({
    endpoint,
    user,
    password,
    pageSize,
    catalog,
    since,
    state,
    onProgress: (read, storedUpTo) => {
      if (firstStored === null && storedUpTo) firstStored = Date.parse(storedUpTo);
      const line = progressLine(read, storedUpTo, started, firstStored);
      if (tty) process.stderr.write(`\r${line}`);
      else if (Date.now() - lastPrint > 2000) {
        process.stderr.write(`${line}\n`);
        lastPrint = Date.now();
      }
    },
  });
  if (tty) process.stderr.write('\n');

  const out = resolve(values.out ?? join(root, 'dist/report'));
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'completion.csv'), completionCsv(result.data, lang, timeZone));
  writeFileSync(join(out, 'items.csv'), itemsCsv(result.data, lang));
  writeFileSync(
    join(out, 'report.html'),
    await reportHtml(result.data, { lang, timeZone, courseTitle: catalog.title }),
  );
  if (values.state) {
    mkdirSync(dirname(resolve(values.state)), { recursive: true });
    // Written beside and renamed, so an interrupted run never leaves half a state file.
    writeFileSync(`${values.state}.tmp`, JSON.stringify(result.state));
    renameSync(`${values.state}.tmp`, values.state);
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `已读取 ${result.read} 条记录，${result.data.completion.length} 位学员 / read ${result.read} statements, ${result.data.completion.length} learners (${seconds.toFixed(1)} s)`,
  );
  console.log(
    `已写入 / written: ${join(out, 'completion.csv')}, ${join(out, 'items.csv')}, ${join(out, 'report.html')}`,
  );
}

main().catch(fail);
