/**
 * The authoring studio's HTTP API (issue 16): the request and response bodies shared by the server (`tools/studio/`)
 * and the browser UI (`studio/`). Plain types, no DOM, no Node. Every path is relative to the course root, with `/`.
 * Errors come back as {@link ApiError} (400, 401, 404, 409, 413) or {@link ProblemsResponse} (422).
 */
import type { CompletionRules, Quiz, RolePlay } from './types.js';

/** A text in the trainers' language and in English. */
export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * A content problem as the build reports it (`tools/content/diagnostics.ts` uses this type): a file, line and
 * column, what is wrong and how to fix it, in Chinese (trainers read Chinese) and English. The studio shows these
 * messages, never its own wording of them.
 */
export interface Diagnostic {
  /** Path relative to the course root, with forward slashes. */
  file: string;
  /** 1-based line and column. */
  line: number;
  column: number;
  /** Stable code tests and docs refer to, e.g. `duplicate-id`. */
  code: string;
  message: Bilingual;
  fix: Bilingual;
  /**
   * A warning reports text that is probably not what the trainer meant but may be (e.g. a ` #` comment after
   * Chinese text); it is shown but does not stop the build. Absent means an error.
   */
  severity?: 'warning';
}

/** Any refused request other than a content problem: bad path, missing token, stale etag, bad upload. */
export interface ApiError {
  error: Bilingual;
}

/** 422: the course with this change would not build; nothing on disk changed. */
export interface ProblemsResponse {
  problems: Diagnostic[];
}

/** A file's new text, for validation in memory. */
export interface FileChange {
  path: string;
  text: string;
}

// ---------------------------------------------------------------------------------------------------------------
// GET /api/outline

export interface OutlineItem {
  kind: 'page' | 'roleplay';
  id: string;
  title: string;
  /** e.g. `modules/01-service-concepts/03-quality-service.md`. */
  path: string;
}

export interface OutlineQuiz {
  id: string;
  title: string;
  /** e.g. `quizzes/service-concepts.yaml`. */
  path: string;
}

export interface OutlineModule {
  id: string;
  /** e.g. `01-service-concepts`. */
  folder: string;
  /** e.g. `modules/01-service-concepts/module.yaml`. */
  path: string;
  title: string;
  items: OutlineItem[];
  quiz?: OutlineQuiz;
}

export interface OutlineCourse {
  path: 'course.yaml';
  id: string;
  title: string;
  passingScore: number;
  completion: CompletionRules;
  language: string;
  finalAssessment?: string;
}

export interface Outline {
  course: OutlineCourse;
  /** In course order (course.yaml `modules:`). */
  modules: OutlineModule[];
  finalQuiz?: OutlineQuiz;
  /** File names of the seed documents pages may cite in `sources`. */
  seeds: string[];
  /** The course's current problems (errors and warnings), as the build reports them. */
  problems: Diagnostic[];
}

// ---------------------------------------------------------------------------------------------------------------
// Files: GET /api/file?path=P, POST /api/validate, PUT /api/file, PATCH /api/yaml

export interface FileResponse {
  path: string;
  text: string;
  /** Opaque version tag; send it back with a save. */
  etag: string;
}

export interface ValidateRequest {
  changes: FileChange[];
}

export interface ValidateResponse {
  problems: Diagnostic[];
}

export interface PutFileRequest {
  path: string;
  text: string;
  /** The etag from the read; a new file is created with `etag: null`. */
  etag: string | null;
}

/** 200 answer of a save (PUT, PATCH). 409 = stale etag, 422 = {@link ProblemsResponse}. */
export interface SaveResponse {
  etag: string;
  /** The snapshot recording this save, when one was taken. */
  snapshot?: Snapshot;
}

export type YamlPath = (string | number)[];

export type YamlEdit =
  | { op: 'set'; at: YamlPath; value: unknown }
  | { op: 'delete'; at: YamlPath }
  | { op: 'insert'; at: YamlPath; index: number; value: unknown }
  | { op: 'move'; at: YamlPath; from: number; to: number };

export interface PatchYamlRequest {
  path: string;
  etag: string;
  edits: YamlEdit[];
}

// ---------------------------------------------------------------------------------------------------------------
// POST /api/outline

export type OutlineOperation =
  | { op: 'addModule'; id: string; title: string }
  | { op: 'deleteModule'; id: string }
  | { op: 'moveModule'; id: string; to: number }
  | { op: 'addPage'; module: string; id: string; title: string }
  | { op: 'addRoleplay'; module: string; id: string; title: string }
  | { op: 'addQuiz'; module: string; id: string; title: string }
  | { op: 'deleteItem'; path: string }
  | { op: 'moveItem'; path: string; to: number }
  | { op: 'renameItem'; path: string; title: string };

export interface OutlineResponse {
  outline: Outline;
  snapshot?: Snapshot;
}

// ---------------------------------------------------------------------------------------------------------------
// Previews: POST /api/render/page, /api/render/quiz, /api/render/roleplay

export interface RenderRequest {
  path: string;
  text: string;
}

export interface RenderPageResponse {
  /** The page body as the build renders and sanitizes it; '' when the text has errors. */
  html: string;
  problems: Diagnostic[];
}

export interface RenderQuizResponse {
  /** The runtime quiz the player uses (defaults applied, pool references resolved); null on errors. */
  quiz: Quiz | null;
  problems: Diagnostic[];
}

export interface RoleplayGraph {
  /** Node ids no path from `start` reaches. */
  unreachable: string[];
  /** Node ids from which no ending can be reached. */
  deadEnds: string[];
}

export interface RenderRoleplayResponse {
  roleplay: RolePlay | null;
  graph: RoleplayGraph;
  problems: Diagnostic[];
}

// ---------------------------------------------------------------------------------------------------------------
// POST /api/media?module=<id>&name=<file>&alt=<text> (body: the raw bytes)

export interface MediaResponse {
  /** e.g. `modules/01-service-concepts/media/counter.png`. */
  path: string;
  /** Ready to paste into the page, e.g. `![柜台](media/counter.png)`. */
  markdown: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Snapshots: GET /api/snapshots, POST /api/snapshots/restore

export interface Snapshot {
  id: string;
  /** ISO 8601. */
  time: string;
  message: string;
  files: string[];
}

export interface RestoreRequest {
  id: string;
}

// ---------------------------------------------------------------------------------------------------------------
// POST /api/export

export type PackageKind = 'scorm12' | 'scorm2004' | 'cmi5' | 'xapi';

export interface ExportedPackage {
  kind: PackageKind;
  file: string;
  bytes: number;
  /** `/api/export/<file>?token=…`: downloads the zip. */
  url: string;
}

export interface ExportResponse {
  packages: ExportedPackage[];
  problems: Diagnostic[];
}

/** The header the UI sends the token in (`Authorization: Bearer <token>`) and where it keeps the token. */
export const STUDIO_TOKEN_HEADER = 'authorization';
export const STUDIO_TOKEN_STORAGE_KEY = 'studio-token';
