/**
 * `/report`: the HR report (report/) for the embedded store, as `npm run report` would write report.html. It reads
 * the store through its own xAPI statements resource, exactly as it reads any production LRS, so the page and the
 * command always agree.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { readBuiltCourse } from '../report/course-files.js';
import { escapeHtml, reportHtml } from '../report/html.js';
import { ReportError } from '../report/lrs-reader.js';
import { runReport } from '../report/run.js';
import type { Credentials } from './lrs/credentials.js';

export interface ReportPageOptions {
  /** The built course (dist/), whose content/ names the questions and role-plays. */
  courseDir: string | null;
  /** The administrator's credentials, to read every learner's statements. */
  admin: Credentials;
}

function page(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy':
      "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:",
  });
  res.end(body);
}

export async function serveReport(req: IncomingMessage, res: ServerResponse, url: URL, options: ReportPageOptions) {
  const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'zh-CN';
  const notice = (zh: string, en: string, status: number) =>
    page(
      res,
      status,
      `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${lang === 'en' ? 'Learning report' : '学习情况报告'}</title></head><body><main><h1>${lang === 'en' ? 'Learning report' : '学习情况报告'}</h1><p>${escapeHtml(lang === 'en' ? en : zh)}</p><p><a href="/">${lang === 'en' ? 'Back to the launcher' : '返回启动页'}</a></p></main></body></html>`,
    );
  if (!options.courseDir) return notice('课程尚未构建。', 'The course is not built yet.', 503);
  try {
    const catalog = readBuiltCourse(join(options.courseDir, 'content'));
    const { data } = await runReport({
      endpoint: `http://${req.headers.host ?? '127.0.0.1'}/xapi/`,
      user: options.admin.key,
      password: options.admin.secret,
      catalog,
    });
    page(res, 200, await reportHtml(data, { lang, timeZone: 'Asia/Shanghai', courseTitle: catalog.title }));
  } catch (error) {
    if (error instanceof ReportError) {
      return notice(
        error.exitCode === 3
          ? '还没有学员的学习记录。从启动页以 cmi5 或 xAPI 方式启动课程并学习后，这里会显示报告。'
          : error.zh,
        error.exitCode === 3
          ? 'No learning records yet. Launch the course as cmi5 or xAPI from the launcher and learn; the report appears here.'
          : error.en,
        error.exitCode === 3 ? 200 : 502,
      );
    }
    throw error;
  }
}
