import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';

export type CourseLocale = typeof sourceLocale | (typeof targetLocales)[number];

/** UI languages the learner can choose, each named in its own language. */
export const LOCALE_NAMES: Record<CourseLocale, string> = { 'zh-CN': '中文', en: 'English' };

// Chinese is built in; English is fetched only when chosen, so it costs nothing before the first page.
const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: () => import('./generated/en.js'),
});

export { getLocale, setLocale };

/**
 * The locale to start in: the learner's saved choice, else the course's own language when the UI has it, else
 * Chinese. The browser's language is not used: a Chinese course with an English interface by accident helps no one.
 */
export function initialLocale(saved: string | undefined, courseLanguage: string): CourseLocale {
  const known = (code: string | undefined): CourseLocale | null =>
    code === sourceLocale || (targetLocales as readonly string[]).includes(code ?? '') ? (code as CourseLocale) : null;
  return known(saved) ?? known(courseLanguage) ?? (/^en\b/i.test(courseLanguage) ? 'en' : sourceLocale);
}
