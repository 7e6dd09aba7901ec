/**
 * Live reload for the dev preview (`npm start`): every open course tab follows the build. When a save breaks the
 * content, the tab switches to a page listing the errors; when a save fixes it, the tab returns to the course. The
 * tab learns of each build through a server-sent event stream, so nothing polls and nothing waits for a manual reload.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Middleware } from '@web/dev-server-core';
import { formatReport } from './content/diagnostics.js';
import { loadCourse } from './content/load-course.js';
import { renderPreview } from './content/preview-page.js';

const EVENTS_PATH = '/__build-events';
/** The trainers' question preview: `/__preview`, `?quiz=<quiz id>` for one bank, `?question=<id>` for one question. */
export const PREVIEW_PATH = '/__preview';

export class PreviewReload {
  private build = 0;
  private error: string | null = null;
  private readonly clients = new Set<ServerResponse>();

  /**
   * @param outDir the folder the preview build writes (its index.html is served with the reload script)
   * @param root the course folder, read afresh for the question preview
   * @param seedsDir the seed documents pages cite
   */
  constructor(
    private readonly outDir: string,
    private readonly root: string,
    private readonly seedsDir?: string,
  ) {}

  /** A build finished: reload every tab into the course. */
  succeeded(): void {
    this.error = null;
    this.announce();
  }

  /** A build failed (usually content errors): reload every tab into the error page. */
  failed(report: string): void {
    this.error = report;
    this.announce();
  }

  get failing(): boolean {
    return this.error !== null;
  }

  /** Koa middleware for @web/dev-server: the event stream, and every HTML page with the reload script in it. */
  readonly middleware: Middleware = async (ctx, next) => {
    if (ctx.path === EVENTS_PATH) {
      ctx.respond = false;
      const res = ctx.res;
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(`retry: 500\ndata: ${this.build}\n\n`);
      this.clients.add(res);
      ctx.req.on('close', () => this.clients.delete(res));
      return;
    }
    if (ctx.path === PREVIEW_PATH) {
      ctx.set('cache-control', 'no-store');
      ctx.type = 'html';
      const { course, diagnostics, origins } = loadCourse(this.root, this.seedsDir ? { seedsDir: this.seedsDir } : {});
      const quiz = ctx.query.quiz;
      const question = ctx.query.question;
      const html = course
        ? renderPreview(course, origins, {
            ...(typeof quiz === 'string' && quiz ? { quiz } : {}),
            ...(typeof question === 'string' && question ? { question } : {}),
          })
        : errorPage(formatReport(diagnostics), this.build);
      ctx.body = withReloadScript(html, this.build);
      return;
    }
    const index = join(this.outDir, 'index.html');
    if (ctx.path === '/' || ctx.path === '/index.html') {
      ctx.set('cache-control', 'no-store');
      ctx.type = 'html';
      if (this.error !== null || !existsSync(index)) {
        ctx.body = errorPage(this.error ?? '正在生成课程…… / Building the course…', this.build);
      } else {
        ctx.body = withReloadScript(readFileSync(index, 'utf8'), this.build);
      }
      return;
    }
    await next();
  };

  /** Closes every event stream (on shutdown). */
  close(): void {
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private announce(): void {
    this.build++;
    for (const res of this.clients) res.write(`data: ${this.build}\n\n`);
  }
}

/** The script that reloads the tab as soon as the server reports a build other than the one the page shows. */
function reloadScript(build: number): string {
  return `<script>(()=>{const s=new EventSource('${EVENTS_PATH}');s.onmessage=(e)=>{if(Number(e.data)!==${build}){s.close();location.reload()}}})()</script>`;
}

function withReloadScript(html: string, build: number): string {
  return html.includes('</head>')
    ? html.replace('</head>', `${reloadScript(build)}</head>`)
    : `${html}${reloadScript(build)}`;
}

/** A page listing the content errors, in place of the course until they are fixed. */
export function errorPage(report: string, build: number): string {
  const text = stripVTControlCharacters(report).replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>课程内容有错误 / Content errors</title>
<style>body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:0;padding:1.5rem;background:#fff8f6;color:#1d232a}
h1{font-size:1.3rem;color:#b3261e}pre{white-space:pre-wrap;background:#fff;border:1px solid #e5b9b5;border-radius:8px;padding:1rem;line-height:1.6}</style>
${reloadScript(build)}</head>
<body><main><h1 id="content-errors">课程内容有错误，预览已暂停 / The course has content errors</h1>
<p>请按下面的说明修改文件并保存，修好后本页会自动回到课程。 / Fix the files as described below and save; this page returns to the course by itself.</p>
<pre>${text}</pre></main>
</body></html>`;
}
