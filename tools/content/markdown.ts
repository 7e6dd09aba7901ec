import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { cjkFriendlyEmphasis } from './cjk-emphasis.js';
import type { DiagnosticList, Position } from './diagnostics.js';

/** Raw HTML a trainer may write inside markdown; anything else is reported, never silently dropped. */
const INLINE_HTML_TAGS = new Set(['br', 'sup', 'sub', 'mark', 'abbr', 'kbd', 'small', 'u', 's']);

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'blockquote',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'del',
    'code',
    'pre',
    'hr',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'div',
    'figure',
    'figcaption',
    'input',
    ...INLINE_HTML_TAGS,
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
    th: ['align', 'scope'],
    td: ['align'],
    div: ['class', 'role', 'tabindex', 'aria-label'],
    ol: ['start'],
    abbr: ['title'],
    code: ['class'],
    input: ['type', 'checked', 'disabled'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
};

export interface FrontMatterSplit {
  /** YAML text between the `---` lines; null when the file has none. */
  frontMatter: string | null;
  body: string;
  /** Line number (1-based) of the body's first line in the file. */
  bodyLine: number;
}

export function splitFrontMatter(text: string): FrontMatterSplit {
  const normalised = text.replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(normalised);
  if (!match) return { frontMatter: null, body: normalised, bodyLine: 1 };
  return {
    frontMatter: match[1]!,
    body: normalised.slice(match[0].length),
    bodyLine: match[0].split('\n').length,
  };
}

export interface LinkTarget {
  /** Absolute path of a markdown page file. */
  file: string;
  href: string;
}

export interface RenderContext {
  /** Course-relative path of the page, for messages. */
  file: string;
  /** Absolute path of the page file. */
  absoluteFile: string;
  bodyLine: number;
  /** Maps an absolute page file path to its in-course link (`#/module/page`). */
  pageHref: (absoluteFile: string) => string | undefined;
  /** Called for each local image; returns the URL it will have in the built course. */
  addImage: (absoluteFile: string) => string;
  /** Whether a file exists (default: on disk); the loader passes its in-memory view of the course. */
  exists?: (absoluteFile: string) => boolean;
  diagnostics: DiagnosticList;
}

/** Renders a page's markdown to sanitized HTML, reporting unsafe HTML, broken links and images with their lines. */
export function renderMarkdown(body: string, ctx: RenderContext): string {
  const at = (needle: string): Position => positionOf(body, needle, ctx.bodyLine);
  const marked = new Marked({ gfm: true, async: false }, cjkFriendlyEmphasis());
  let lastHeading = 1;
  /** Where the first `**` that did not become bold is, found while walking the tokens. */
  let strayAsterisks: Position | null = null;

  marked.use({
    walkTokens(token) {
      switch (token.type) {
        case 'heading': {
          const { depth } = token as Tokens.Heading;
          if (depth === 1 || depth > lastHeading + 1) {
            ctx.diagnostics.add(
              ctx.file,
              at(token.raw.trim()),
              'heading-level',
              depth === 1
                ? {
                    zh: '正文中不能使用一级标题“# ”：页面标题已由头信息 title 显示。',
                    en: 'Do not use a level-1 heading ("# ") in the body: the page title comes from the front matter.',
                  }
                : {
                    zh: `标题层级跳级：从 ${lastHeading} 级直接到 ${depth} 级。`,
                    en: `Heading level jumps from ${lastHeading} to ${depth}.`,
                  },
              {
                zh: '正文的小节标题从“## ”开始，逐级使用“###”。',
                en: 'Start sections at "## " and go one level deeper at a time.',
              },
            );
          }
          lastHeading = depth;
          break;
        }
        case 'text': {
          const text = token as Tokens.Text;
          const star = text.raw.indexOf('**');
          if (!text.tokens?.length && star >= 0 && strayAsterisks === null) {
            // Some text before the stars on the same line, so the right `**` of the file is found.
            const from = Math.max(0, star - 12, text.raw.lastIndexOf('\n', star) + 1);
            const where = at(text.raw.slice(from, star + 2));
            strayAsterisks = { line: where.line, column: where.column + star - from };
          }
          break;
        }
        case 'html':
          checkHtml(token.raw, at(token.raw.trim().split('\n')[0]!), ctx);
          break;
        case 'image': {
          const image = token as Tokens.Image;
          const where = at(`](${image.href}`);
          if (!image.text.trim()) {
            ctx.diagnostics.add(
              ctx.file,
              where,
              'image-alt-missing',
              { zh: `图片“${image.href}”缺少替代文字。`, en: `The image "${image.href}" has no alternative text.` },
              {
                zh: '在 ![ ] 的方括号里写一句话描述图片内容，供读屏软件朗读。',
                en: 'Describe the image inside the brackets of ![ ], for screen-reader users.',
              },
            );
          }
          if (/^[a-z][a-z0-9+.-]*:/i.test(image.href) || image.href.startsWith('//')) {
            ctx.diagnostics.add(
              ctx.file,
              where,
              'external-image',
              {
                zh: `图片“${image.href}”引用了外部网址，学员离线或在 LMS 中可能看不到。`,
                en: `The image "${image.href}" points outside the course; learners offline or inside an LMS may not see it.`,
              },
              {
                zh: '把图片文件放进本章节的 media/ 文件夹，用相对路径引用，例如 media/counter.png。',
                en: "Put the file in the module's media/ folder and use a relative path such as media/counter.png.",
              },
            );
            break;
          }
          const file = resolve(dirname(ctx.absoluteFile), decodeURI(image.href));
          if (!(ctx.exists ?? existsSync)(file)) {
            ctx.diagnostics.add(
              ctx.file,
              where,
              'broken-image',
              { zh: `找不到图片文件“${image.href}”。`, en: `Image file "${image.href}" not found.` },
              {
                zh: '检查文件名（区分大小写）和路径，路径相对于本页面文件。',
                en: 'Check the file name (case matters) and the path, which is relative to this page file.',
              },
            );
          } else {
            image.href = ctx.addImage(file);
          }
          break;
        }
        case 'link': {
          const link = token as Tokens.Link;
          const where = at(`](${link.href}`);
          const href = link.href.trim();
          if (/^(https?:|mailto:|tel:)/i.test(href) || href.startsWith('#/')) break;
          if (/^[a-z][a-z0-9+.-]*:/i.test(href)) {
            ctx.diagnostics.add(
              ctx.file,
              where,
              'unsafe-link',
              { zh: `不允许的链接“${href}”。`, en: `Link "${href}" is not allowed.` },
              {
                zh: '只能链接 https:// 网址、mailto:、tel: 或课程中的其他页面文件（如 02-steps.md）。',
                en: 'Link only to https:// addresses, mailto:, tel:, or another page file of the course (e.g. 02-steps.md).',
              },
            );
            link.href = '#';
            break;
          }
          const target = resolve(dirname(ctx.absoluteFile), decodeURI(href.split('#')[0]!));
          const inCourse = ctx.pageHref(target);
          if (!inCourse) {
            ctx.diagnostics.add(
              ctx.file,
              where,
              'broken-link',
              {
                zh: `链接“${href}”指向的页面不存在：${relative(dirname(ctx.absoluteFile), target) || href}。`,
                en: `Link "${href}" points to a page that does not exist.`,
              },
              {
                zh: '检查文件名和路径；链接其他页面时写它的 .md 文件路径，相对于本页面文件。',
                en: "Check the name and path; to link another page, use its .md file's path relative to this page.",
              },
            );
          } else {
            link.href = inCourse;
          }
          break;
        }
        default:
      }
    },
  });

  const raw = marked.parse(body) as string;
  // Wide tables scroll inside a focusable region on a phone instead of widening the page.
  const wrapped = raw
    .replace(/<table>/g, '<div class="table-scroll" role="region" tabindex="0" aria-label="表格 table"><table>')
    .replace(/<\/table>/g, '</table></div>');
  const html = sanitizeHtml(wrapped, {
    ...SANITIZE,
    transformTags: {
      a: (tagName, attribs) =>
        /^https?:/i.test(attribs.href ?? '')
          ? { tagName, attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer' } }
          : { tagName, attribs },
      img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy' } }),
    },
  });
  if (hasLiteralAsterisks(html)) reportLiteralAsterisks(ctx, strayAsterisks ?? at('**'));
  return html;
}

/** Whether rendered HTML shows `**` to the learner (code, where a trainer may show markdown on purpose, aside). */
export function hasLiteralAsterisks(html: string): boolean {
  return html.replace(/<pre[\s\S]*?<\/pre>|<code[\s\S]*?<\/code>/g, '').includes('**');
}

function reportLiteralAsterisks(ctx: RenderContext, where: Position): void {
  ctx.diagnostics.add(
    ctx.file,
    where,
    'literal-asterisks',
    {
      zh: '这里的“**”没有变成加粗，学员会直接看到两个星号。',
      en: 'This "**" did not become bold: learners would see the asterisks.',
    },
    {
      zh: '检查加粗的开头和结尾是否都有“**”且成对，加粗的文字两端不要留空格；如果确实要显示星号，请改用全角“＊”。',
      en: 'Check that the bold text has a matching "**" at both ends with no space just inside them; to show an asterisk, use the full-width "＊".',
    },
  );
}

function checkHtml(raw: string, where: Position, ctx: RenderContext): void {
  const text = raw.replace(/<!--[\s\S]*?-->/g, '');
  // Opening tags only: a closing tag repeats its opening tag's problem.
  for (const match of text.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const tag = match[1]!.toLowerCase();
    const attrs = match[2] ?? '';
    if (!INLINE_HTML_TAGS.has(tag)) {
      ctx.diagnostics.add(
        ctx.file,
        where,
        'unsafe-html',
        {
          zh: `页面中不允许使用 HTML 标签 <${tag}>${tag === 'script' ? '（脚本会在学员的浏览器中运行）' : ''}。`,
          en: `The HTML tag <${tag}> is not allowed in a page${tag === 'script' ? " (a script would run in the learner's browser)" : ''}.`,
        },
        {
          zh: '删除它，改用 markdown 写法（列表、表格、加粗等）。',
          en: 'Remove it and use markdown instead (lists, tables, bold…).',
        },
      );
      continue;
    }
    if (/\son\w+\s*=/i.test(attrs) || /javascript:/i.test(attrs) || /\sstyle\s*=/i.test(attrs)) {
      ctx.diagnostics.add(
        ctx.file,
        where,
        'unsafe-html',
        {
          zh: `<${tag}> 标签带有不允许的属性（事件处理、javascript: 或 style）。`,
          en: `<${tag}> has an attribute that is not allowed (event handler, javascript: or style).`,
        },
        { zh: '删除这些属性。', en: 'Remove those attributes.' },
      );
    }
  }
}

/** Line/column of the first occurrence of `needle` in `body`, shifted to file lines. */
function positionOf(body: string, needle: string, bodyLine: number): Position {
  const index = needle ? body.indexOf(needle) : -1;
  if (index < 0) return { line: bodyLine, column: 1 };
  const before = body.slice(0, index);
  const line = before.split('\n').length - 1;
  const column = index - before.lastIndexOf('\n');
  return { line: bodyLine + line, column };
}
