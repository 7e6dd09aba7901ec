/**
 * The course's first page as static HTML, rendered at build time into index.html so its text paints before any
 * JavaScript runs (see docs/architecture.md, "First page").
 *
 * It mirrors what `<course-player>` renders for a learner who has just opened the first item: the same markup and the
 * same shadow styles, one declarative shadow root per component (on a `<div>`, so no custom element upgrades it). The
 * player shows it through its slot until it can render that item itself, then replaces it in one frame; the e2e test
 * `test/e2e/first-page.e2e.test.ts` checks that nothing moves. Only built for a course whose interface starts in the
 * source language (the strings below are the `msg()` sources) and whose first item is a page.
 */
import type { CSSResultGroup } from 'lit';
import {
  courseStatus,
  doneItemIds,
  emptyProgress,
  finalAssessmentAccess,
  moduleStatus,
  type LearnerProgress,
  type ModuleState,
} from '../../core/completion.js';
import { readingSequence, toHash, type Location } from '../../core/route.js';
import type { CourseIndex, ModuleData, ModuleSummary } from '../../core/types.js';
import { coursePageStyles } from '../course-page/course-page.styles.js';
import { courseTocStyles } from '../course-toc/course-toc.styles.js';
import { visuallyHidden } from '../shared/visually-hidden.styles.js';
import { initialLocale } from '../../locales/localization.js';
import { coursePlayerStyles } from './course-player.styles.js';

/** The interface language the strings below are written in (lit-localize's source locale). */
export const FIRST_PAGE_LOCALE = 'zh-CN';

/**
 * While the placeholder shows (the learner resumes elsewhere, see tracking/first-page.ts), everything that belongs to
 * the welcome page or to a new learner's progress is hidden, keeping its place: the same layout, no wrong text. A line
 * only screen readers read says the course is opening; the heading comes with the page.
 */
const placeholderStyles =
  '.first-page-only,::slotted(.first-page-only){visibility:var(--first-page-visibility,visible)}' +
  '.first-page-loading{display:var(--first-page-loading,none)}';

/**
 * The prerender puts `<main>` before the table of contents in source order, so the parser reaches the page's text
 * before it has read the whole course outline. `order` puts the outline back where the player has it (the grid's first
 * cell; hidden on a phone), so nothing moves at take-over.
 */
const sourceOrderStyles = '.layout>nav.toc{order:-1}';

/**
 * The id of an empty element right after the page's text, in the document's own tree. `index.html`'s head holds
 * `<link rel="expect" href="#…" blocking="render">` for it: the browser renders nothing until the parser has reached
 * it, so the first frame already has the page's text (not header-only frames whose layout would hold it back), and
 * renders as soon as it has, without waiting for the course outline below it. A `rel=expect` target must be outside
 * shadow trees, so the outline's list is slotted into the prerender's `<nav>` from after this marker.
 */
const FIRST_TEXT_MARKER = 'first-page-text-end';

export interface FirstPage {
  /** The item shown: the first of the reading sequence. */
  location: Location;
  /** Markup to put inside `<course-player>`. */
  html: string;
  /** Markup to put in `<head>`: holds rendering until the page's text has been parsed (see FIRST_TEXT_MARKER). */
  head: string;
}

/** The first page's markup, or null when the course does not start with a page the prerender can show. */
export function renderFirstPage(index: CourseIndex, modules: readonly ModuleData[]): FirstPage | null {
  // The interface language a new learner starts in, as the player decides it.
  const uiLocale = initialLocale(undefined, index.language);
  const first = readingSequence(index)[0];
  const module = first && index.modules.find((m) => m.id === first.moduleId);
  const item = first && modules.find((m) => m.id === first.moduleId)?.items.find((i) => i.id === first.itemId);
  if (!first || !module || item?.kind !== 'page' || uiLocale !== FIRST_PAGE_LOCALE) return null;
  const location: Location = { moduleId: first.moduleId, itemId: first.itemId };
  // What the player's state is once it has opened the first item: that item visited.
  const progress: LearnerProgress = { ...emptyProgress(), visited: { [item.id]: true } };
  const percent = Math.round(courseStatus(index, progress).progress * 100);
  const sequence = readingSequence(index);
  const next = sequence[1];
  const nextTitle = next && locateTitle(index, next);
  const lang = attr(index.language);
  const ui = attr(uiLocale);
  const minutes = item.minutes ? ` · 约 ${item.minutes} 分钟` : '';

  const header = `<header>
<a class="skip-link" href="#main">跳到正文</a>
<button class="menu-toggle" lang="${ui}" aria-expanded="false" aria-controls="toc">目录</button>
<p class="course-title" lang="${lang}">${text(index.title)}</p>
<div class="progress first-page-only"><progress id="course-progress" max="100" value="${percent}" aria-label="课程进度"></progress><span aria-hidden="true">${percent}%</span></div>
<label><span class="visually-hidden">界面语言</span><select aria-label="界面语言"><option value="zh-CN" selected lang="zh-CN">中文</option><option value="en" lang="en">English</option></select></label>
</header>`;
  const toc = `<nav id="toc" part="toc" class="toc " aria-labelledby="toc-heading">
<h2 id="toc-heading" class="toc-heading" tabindex="-1" lang="${ui}">课程目录</h2>
<slot name="toc"></slot>
</nav>`;
  const tocList = `<div slot="toc" class="first-page-only" lang="${lang}">${shadow([visuallyHidden, courseTocStyles], renderToc(index, progress, location, ui))}</div>`;
  const main = `<main id="main">
<article part="content" aria-labelledby="page-title">
<p class="eyebrow first-page-only" lang="${lang}">${text(module.title)}</p>
<p class="visually-hidden first-page-loading" lang="${ui}">正在打开课程…</p>
<h1 id="page-title" tabindex="-1" lang="${lang}" class="first-page-only">${text(item.title)}</h1>
<p class="meta first-page-only" lang="${ui}">第 1 项，共 ${sequence.length} 项${minutes}</p>
<div class="first-page-only" lang="${lang}">${shadow(coursePageStyles, item.html)}</div>
</article>
<nav class="pager first-page-only" aria-label="翻页">${
    next && nextTitle
      ? `<a class="next" href="${attr(toHash(next))}" rel="next"><small>下一项</small><span lang="${lang}">${text(nextTitle)}</span></a>`
      : `<p class="end-note" lang="${ui}">已到课程末尾。</p>`
  }</nav>
<noscript><p class="notice">本课程需要启用 JavaScript 才能记录学习进度和答题。This course needs JavaScript.</p></noscript>
</main>`;
  const player = `${header}<div class="layout">${main}${toc}</div>`;
  const playerShadow = shadow([visuallyHidden, coursePlayerStyles], player, placeholderStyles + sourceOrderStyles);
  return {
    location,
    html: `<div data-first-page="${attr(toHash(location))}">${playerShadow}<span id="${FIRST_TEXT_MARKER}"></span>${tocList}</div>`,
    head: `<link rel="expect" href="#${FIRST_TEXT_MARKER}" blocking="render" />`,
  };
}

/** Mirrors `<course-toc>`'s template. */
function renderToc(index: CourseIndex, progress: LearnerProgress, current: Location, ui: string): string {
  const modules: ModuleSummary[] = index.finalAssessment ? [...index.modules, index.finalAssessment] : index.modules;
  const done = doneItemIds(index, progress);
  const access = finalAssessmentAccess(index, progress);
  const locked = new Set(access.open || !index.finalAssessment ? [] : [index.finalAssessment.id]);
  const label: Record<ModuleState, string> = { completed: '已完成', 'in-progress': '学习中', 'not-started': '未开始' };
  const kind = { page: '', quiz: '测验', roleplay: '情景演练' } as const;
  const items = modules.map((module) => {
    const status = moduleStatus(index, module.id, progress).status;
    const isCurrent = current.moduleId === module.id;
    const badge = locked.has(module.id)
      ? `<span class="status locked" lang="${ui}"><span aria-hidden="true">🔒</span>未开放<span class="visually-hidden">（学完全部章节后开放）</span></span>`
      : `<span class="status ${status}" lang="${ui}">${label[status]}</span>`;
    const links = module.items.map((item) => {
      const here = isCurrent && current.itemId === item.id;
      const isDone = done.has(item.id);
      return `<li>
<a href="${attr(toHash({ moduleId: module.id, itemId: item.id }))}" aria-current="${here ? 'page' : 'false'}">
<span class="mark ${isDone ? 'done' : ''}" aria-hidden="true">${isDone ? '✓' : '○'}</span>
<span class="label">${text(item.title)}${isDone ? `<span class="visually-hidden" lang="${ui}">（已完成）</span>` : ''}</span>
<span class="kind" lang="${ui}">${kind[item.kind]}</span>
</a>
</li>`;
    });
    return `<li>
<details part="module"${isCurrent ? ' open' : ''}>
<summary>
<span class="module-title">${text(module.title)}</span>
${badge}
</summary>
<ol class="items">${links.join('')}</ol>
</details>
</li>`;
  });
  return `<ol>${items.join('')}</ol>`;
}

function locateTitle(index: CourseIndex, at: Location): string | undefined {
  const modules = index.finalAssessment ? [...index.modules, index.finalAssessment] : index.modules;
  return modules.find((m) => m.id === at.moduleId)?.items.find((i) => i.id === at.itemId)?.title;
}

/** A declarative shadow root holding `styles` (the component's own `static styles`) and `content`. */
function shadow(styles: CSSResultGroup, content: string, extraCss = ''): string {
  return `<template shadowrootmode="open"><style>${cssText(styles)}${extraCss}</style>${content}</template>`;
}

function cssText(styles: CSSResultGroup): string {
  if (Array.isArray(styles)) return styles.map((s: CSSResultGroup) => cssText(s)).join('\n');
  return 'cssText' in styles ? styles.cssText : '';
}

function text(value: string): string {
  return value.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function attr(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
