import type { CourseIndex } from '../../core/types.js';
import type { PackageSettings } from './settings.js';

/** A text in several languages, the course's own language first. */
export type LangStrings = { lang: string; text: string }[];

/** Everything the four manifests say about the course, gathered from imsmanifest.xml, course.yaml and the build. */
export interface PackageMeta {
  identifier: string;
  organization: string;
  /** The course IRI from course.yaml. */
  iri: string;
  version: string;
  language: string;
  /** The catalogue title: imsmanifest.xml's when set, else the course title; then its translations. */
  title: LangStrings;
  description: LangStrings;
  /** The pass mark in percent, or null when the course has no final assessment to judge success by. */
  passingScore: number | null;
  /** Every file of the build, relative, with forward slashes, sorted; the launch page is index.html. */
  files: string[];
}

/** Title and description in another language, from course.yaml's `translations`. */
export type Translations = Record<string, { title: string; description?: string }>;

export function packageMeta(
  settings: PackageSettings,
  index: CourseIndex,
  translations: Translations,
  files: string[],
): PackageMeta {
  const others = Object.entries(translations).filter(([lang]) => lang !== index.language);
  const title: LangStrings = [{ lang: index.language, text: settings.title ?? index.title }];
  const description: LangStrings = [{ lang: index.language, text: index.description }];
  for (const [lang, t] of others) {
    title.push({ lang, text: t.title });
    if (t.description) description.push({ lang, text: t.description });
  }
  return {
    identifier: settings.identifier,
    organization: settings.organization,
    iri: index.id,
    version: index.version,
    language: index.language,
    title,
    description,
    passingScore: index.finalAssessment ? index.passingScore : null,
    files,
  };
}

/** The text in the course's own language. */
export const primary = (strings: LangStrings): string => strings[0]!.text;
