import { html, nothing, type TemplateResult } from 'lit';
import { getLocale } from '../../locales/localization.js';
import type { Bilingual } from '../../core/studio-api.js';
import type { StudioView } from './emit.js';

/** A server message: the Chinese always (the build's own words), the English too when the interface is English. */
export function bilingual(text: Bilingual | null | undefined): TemplateResult | typeof nothing {
  if (!text) return nothing;
  return getLocale() === 'en'
    ? html`<span lang="zh-CN">${text.zh}</span> <span lang="en">${text.en}</span>`
    : html`<span lang="zh-CN">${text.zh}</span>`;
}

/** The screen that edits a course file, from its path. */
export function viewOfPath(path: string, line?: number): StudioView | null {
  const at = line === undefined ? {} : { line };
  if (path === 'course.yaml') return { kind: 'settings' };
  if (path.endsWith('.roleplay.yaml')) return { kind: 'roleplay', path, ...at };
  if (path.endsWith('.md')) return { kind: 'page', path, ...at };
  if (path.startsWith('quizzes/')) return { kind: 'quiz', path, ...at };
  return null;
}
