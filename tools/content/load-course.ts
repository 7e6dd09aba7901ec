import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type {
  CompletionRules,
  CourseIndex,
  ItemSummary,
  ModuleData,
  ModuleItem,
  ModuleSummary,
  Objective,
  Quiz,
  RolePlay,
} from '../../core/types.js';
import { DEFAULT_RETRY_CREDIT } from '../../core/question-attempt.js';
import { checkQuiz } from './check-quiz.js';
import { checkRolePlay } from './check-roleplay.js';
import { DiagnosticList, type Diagnostic } from './diagnostics.js';
import { ChangeOrder } from './change-order.js';
import { CourseFiles, type CourseOverlay } from './course-files.js';
import { checkChapterLabels, type LabelledText } from './chapter-labels.js';
import { IdRegistry } from './ids.js';
import { resolvePoolReferences, type QuizEntry } from './pool-references.js';
import { renderMarkdown, splitFrontMatter } from './markdown.js';
import { checkSchema, type SchemaName } from './schema.js';
import { YamlSource } from './yaml-source.js';

export interface Asset {
  /** Absolute source path. */
  source: string;
  /** Path in the built course, relative to its root. */
  target: string;
}

export interface BuiltCourse {
  index: CourseIndex;
  modules: ModuleData[];
  assets: Asset[];
}

export interface LoadResult {
  course: BuiltCourse | null;
  diagnostics: Diagnostic[];
  /** Every content file and folder read, for a watcher. */
  watched: string[];
  /** Where each id (module, page, role-play, quiz, pool, question…) is written: for the trainers' preview. */
  origins: Map<string, { file: string; line: number }>;
}

export interface LoadOptions {
  /** Folder of the seed documents pages cite in `sources`; checked when it exists. */
  seedsDir?: string;
  /** Files to read from memory instead of the disk (added, changed or removed): a save is checked before it is written. */
  overlay?: CourseOverlay;
}

interface CourseFile {
  id: string;
  title: string;
  description: string;
  language: string;
  version: string;
  modules: string[];
  finalAssessment?: string;
  passingScore: number;
  completion: CompletionRules;
}

interface ModuleFile {
  id: string;
  title: string;
  description: string;
  objectives: Objective[];
}

interface PageFront {
  id: string;
  title: string;
  objectives: string[];
  minutes: number;
  sources: string[];
}

interface ModuleSource {
  folder: string;
  file: ModuleFile;
  source: YamlSource;
  /** Page and role-play files in reading order. */
  entries: string[];
}

const MODULE_FOLDER = /^(\d{2,3})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const ITEM_FILE = /^\d{2,3}-[a-z0-9]+(?:-[a-z0-9]+)*(\.md|\.roleplay\.yaml)$/;
const DEFAULT_QUIZ = {
  attempts: 0,
  questionAttempts: 1,
  revealAnswer: 'after-last-attempt',
  retryCredit: DEFAULT_RETRY_CREDIT,
  shuffle: true,
} as const;

/** Reads, validates and cross-checks the whole course under `root`; returns the built data only when error-free. */
export function loadCourse(root: string, options: LoadOptions = {}): LoadResult {
  root = resolve(root);
  const fs = new CourseFiles(root, options.overlay);
  const diagnostics = new DiagnosticList();
  const ids = new IdRegistry(diagnostics, new ChangeOrder(root));
  // Titles that may carry a chapter label (第四章), checked against the course order at the end.
  const labelled: LabelledText[] = [];
  const watched: string[] = [];
  // Course-relative paths with forward slashes, as messages show them.
  const rel = (file: string): string => relative(root, file).split(/[\\/]/).join('/');
  const seeds = options.seedsDir && existsSync(options.seedsDir) ? new Set(readdirSync(options.seedsDir)) : null;

  /** Parses and schema-checks a file; null on a syntax error. `valid` is false when the schema check failed. */
  const readYaml = (
    file: string,
    schema: SchemaName,
    text?: string,
    lineOffset = 0,
  ): { source: YamlSource; valid: boolean } | null => {
    watched.push(file);
    const content = text ?? fs.readText(file, rel(file), diagnostics);
    if (content === null) return null;
    const source = new YamlSource(rel(file), content, lineOffset);
    if (!source.reportSyntax(diagnostics)) return null;
    return { source, valid: checkSchema(source, schema, diagnostics) };
  };
  /** The data of a file that failed its schema check but still names an id: used only to avoid follow-on errors. */
  const partial = <T>(read: { source: YamlSource; valid: boolean } | null): T | null => {
    const data = read?.source.data as Record<string, unknown> | undefined;
    return read && (read.valid || typeof data?.id === 'string') ? (data as T) : null;
  };

  // The course file.
  const courseFile = join(root, 'course.yaml');
  if (!fs.exists(courseFile)) {
    diagnostics.add(
      'course.yaml',
      { line: 1, column: 1 },
      'missing-file',
      { zh: '找不到课程文件 course.yaml。', en: 'The course file course.yaml is missing.' },
      {
        zh: '在课程根目录创建 course.yaml（参见培训师指南）。',
        en: 'Create course.yaml at the course root (see the authoring guide).',
      },
    );
    return { course: null, diagnostics: diagnostics.sorted(), watched, origins: ids.origins() };
  }
  const courseRead = readYaml(courseFile, 'course');
  const courseSource = courseRead?.valid ? courseRead.source : undefined;
  const course = courseSource?.data as CourseFile | undefined;

  // Module folders.
  const modulesDir = join(root, 'modules');
  watched.push(modulesDir);
  const moduleSources = new Map<string, ModuleSource>();
  for (const folder of fs.exists(modulesDir) ? fs.list(modulesDir).sort() : []) {
    const dir = join(modulesDir, folder);
    if (!fs.isDirectory(dir)) continue;
    watched.push(dir);
    const name = MODULE_FOLDER.exec(folder);
    const moduleFile = join(dir, 'module.yaml');
    if (!name) {
      diagnostics.add(
        rel(dir),
        { line: 1, column: 1 },
        'module-folder-name',
        {
          zh: `章节文件夹名“${folder}”不符合“两位数字-章节id”的格式。`,
          en: `The module folder "${folder}" is not named "NN-module-id".`,
        },
        {
          zh: '把文件夹改名为如 05-after-sales 的形式：两位数字、连字符、章节 id。',
          en: 'Rename it like 05-after-sales: two digits, a hyphen, the module id.',
        },
      );
      continue;
    }
    if (!fs.exists(moduleFile)) {
      diagnostics.add(
        rel(moduleFile),
        { line: 1, column: 1 },
        'missing-file',
        { zh: `章节文件夹“${folder}”中没有 module.yaml。`, en: `The module folder "${folder}" has no module.yaml.` },
        {
          zh: '复制其他章节的 module.yaml 并修改 id、title、description 和 objectives。',
          en: "Copy another module's module.yaml and change its id, title, description and objectives.",
        },
      );
      continue;
    }
    const read = readYaml(moduleFile, 'module');
    const file = partial<ModuleFile>(read);
    if (!read || !file) continue;
    const source = read.source;
    if (!Array.isArray(file.objectives)) file.objectives = [];
    file.objectives = file.objectives.filter((o) => typeof o?.id === 'string');
    if (file.id !== name[2]) {
      diagnostics.add(
        source.file,
        source.valueAt(['id']),
        'module-id-mismatch',
        {
          zh: `module.yaml 的 id“${file.id}”与文件夹名“${folder}”不一致。`,
          en: `module.yaml's id "${file.id}" does not match its folder "${folder}".`,
        },
        {
          zh: `把 id 改成“${name[2]}”，或把文件夹改名为“${name[1]}-${file.id}”。`,
          en: `Set id to "${name[2]}", or rename the folder "${name[1]}-${file.id}".`,
        },
      );
    }
    ids.claim(file.id, 'module', source.file, source.valueAt(['id']));
    if (typeof file.title === 'string') labelled.push({ text: file.title, moduleId: file.id, source, path: ['title'] });
    file.objectives.forEach((o, i) =>
      ids.claim(o.id, 'objective', source.file, source.valueAt(['objectives', i, 'id'])),
    );
    const entries: string[] = [];
    for (const entry of fs.list(dir).sort()) {
      if (entry === 'module.yaml' || entry === 'media' || entry.startsWith('.')) continue;
      if (ITEM_FILE.test(entry)) entries.push(join(dir, entry));
      else {
        diagnostics.add(
          rel(join(dir, entry)),
          { line: 1, column: 1 },
          'unexpected-file',
          {
            zh: `章节文件夹中的“${entry}”不会被使用：文件名不符合规则。`,
            en: `"${entry}" in a module folder is not used: its name does not follow the rules.`,
          },
          {
            zh: '页面命名为“两位数字-名称.md”（如 03-listening.md），情景演练命名为“两位数字-名称.roleplay.yaml”；图片放进 media/ 文件夹。',
            en: 'Name pages "NN-name.md" (e.g. 03-listening.md) and role-plays "NN-name.roleplay.yaml"; put images in media/.',
          },
        );
      }
    }
    if (moduleSources.has(file.id)) continue;
    moduleSources.set(file.id, { folder, file, source, entries });
  }

  // The course's module list against the folders.
  if (course && courseSource) {
    course.modules.forEach((id, i) => {
      if (!moduleSources.has(id)) {
        diagnostics.add(
          courseSource.file,
          courseSource.valueAt(['modules', i]),
          'module-missing',
          {
            zh: `course.yaml 列出了章节“${id}”，但 modules/ 中没有对应的文件夹。`,
            en: `course.yaml lists the module "${id}", but modules/ has no folder for it.`,
          },
          {
            zh: `创建文件夹 modules/NN-${id}/（含 module.yaml），或从列表中删除它，或检查拼写。`,
            en: `Create modules/NN-${id}/ with a module.yaml, remove it from the list, or fix the spelling.`,
          },
        );
      }
    });
    for (const [id, m] of moduleSources) {
      if (!course.modules.includes(id)) {
        diagnostics.add(
          m.source.file,
          m.source.valueAt(['id']),
          'module-not-listed',
          {
            zh: `章节“${id}”存在，但没有列在 course.yaml 的 modules 中，学员看不到它。`,
            en: `The module "${id}" exists but is not listed in course.yaml's modules, so learners never see it.`,
          },
          {
            zh: `在 course.yaml 的 modules 中按顺序加入“- ${id}”，或删除这个文件夹。`,
            en: `Add "- ${id}" to modules in course.yaml at its place in the order, or delete the folder.`,
          },
        );
      }
    }
  }

  // Pages and role-plays, in reading order per module.
  const pageFiles = new Map<string, { moduleId: string; pageId: string }>();
  const parsedItems = new Map<
    string,
    { file: string; front?: PageFront; body?: string; bodyLine?: number; roleplay?: RolePlay }[]
  >();
  for (const [moduleId, m] of moduleSources) {
    const objectives = new Set(m.file.objectives.map((o) => o.id));
    const items: NonNullable<ReturnType<typeof parsedItems.get>> = [];
    for (const file of m.entries) {
      if (file.endsWith('.md')) {
        watched.push(file);
        const text = fs.readText(file, rel(file), diagnostics);
        if (text === null) continue;
        const split = splitFrontMatter(text);
        if (split.frontMatter === null) {
          diagnostics.add(
            rel(file),
            { line: 1, column: 1 },
            'missing-front-matter',
            {
              zh: '页面开头缺少头信息（两行 --- 之间的 id、title、objectives、minutes、sources）。',
              en: 'The page has no front matter (id, title, objectives, minutes, sources between two --- lines).',
            },
            {
              zh: '在文件最开头加上头信息，可复制其他页面的开头再修改。',
              en: "Add front matter at the very top; copy another page's and edit it.",
            },
          );
          continue;
        }
        const read = readYaml(file, 'page', split.frontMatter, 1);
        if (!read?.valid) continue;
        const source = read.source;
        const front = source.data as PageFront;
        ids.claim(front.id, 'page', source.file, source.valueAt(['id']));
        labelled.push({ text: front.title, moduleId, source, path: ['title'] });
        front.objectives.forEach((o, i) => {
          if (!objectives.has(o)) {
            diagnostics.add(
              source.file,
              source.valueAt(['objectives', i]),
              'unknown-objective',
              {
                zh: `页面引用的学习目标“${o}”不在本章 module.yaml 中。`,
                en: `The page names the objective "${o}", which is not in this module's module.yaml.`,
              },
              {
                zh: `使用本章的目标 id：${[...objectives].join('、')}。`,
                en: `Use one of this module's objective ids: ${[...objectives].join(', ')}.`,
              },
            );
          }
        });
        front.sources.forEach((s, i) => {
          if (seeds && !seeds.has(s)) {
            diagnostics.add(
              source.file,
              source.valueAt(['sources', i]),
              'unknown-source',
              { zh: `素材文件“${s}”不存在。`, en: `The source file "${s}" does not exist.` },
              {
                zh: `写 ../shared/seeds/ 中实际的文件名：${[...seeds].join('、')}。`,
                en: `Use a real file name from ../shared/seeds/: ${[...seeds].join(', ')}.`,
              },
            );
          }
        });
        if (!split.body.trim()) {
          diagnostics.add(
            source.file,
            { line: split.bodyLine, column: 1 },
            'empty-page',
            { zh: '页面正文是空的。', en: 'The page has no body text.' },
            {
              zh: '在头信息下方写正文，或删除这个页面。',
              en: 'Write the body below the front matter, or delete the page.',
            },
          );
        }
        pageFiles.set(file, { moduleId, pageId: front.id });
        items.push({ file, front, body: split.body, bodyLine: split.bodyLine });
      } else {
        const read = readYaml(file, 'roleplay');
        if (!read?.valid) continue;
        const source = read.source;
        const roleplay = source.data as RolePlay;
        checkRolePlay(roleplay, source, diagnostics, ids);
        labelled.push({ text: roleplay.title, moduleId, source, path: ['title'] });
        items.push({ file, roleplay });
      }
    }
    if (!m.entries.some((entry) => entry.endsWith('.md'))) {
      diagnostics.add(
        m.source.file,
        { line: 1, column: 1 },
        'empty-module',
        { zh: `章节“${moduleId}”没有任何页面。`, en: `The module "${moduleId}" has no pages.` },
        {
          zh: '在章节文件夹中加入至少一个“01-名称.md”页面，或从 course.yaml 中删除这个章节。',
          en: 'Add at least one "01-name.md" page to the folder, or remove the module from course.yaml.',
        },
      );
    }
    parsedItems.set(moduleId, items);
  }

  // Quizzes.
  const quizzesDir = join(root, 'quizzes');
  watched.push(quizzesDir);
  const moduleQuizzes = new Map<string, Quiz>();
  let finalQuiz: Quiz | null = null;
  const quizEntries: QuizEntry[] = [];
  const allObjectives = new Set([...moduleSources.values()].flatMap((m) => m.file.objectives.map((o) => o.id)));
  for (const entry of fs.exists(quizzesDir) ? fs.list(quizzesDir).sort() : []) {
    const file = join(quizzesDir, entry);
    if (entry.startsWith('.')) continue;
    if (!entry.endsWith('.yaml')) {
      diagnostics.add(
        rel(file),
        { line: 1, column: 1 },
        'unexpected-file',
        {
          zh: `quizzes/ 中的“${entry}”不会被使用：题库文件必须以 .yaml 结尾。`,
          en: `"${entry}" in quizzes/ is not used: quiz files must end in .yaml.`,
        },
        {
          zh: '把文件改名为以 .yaml 结尾（例如 service-channels.yaml），或把它移出 quizzes/。',
          en: 'Rename it to end in .yaml (e.g. service-channels.yaml), or move it out of quizzes/.',
        },
      );
      continue;
    }
    const read = readYaml(file, 'quiz');
    if (!read?.valid) continue;
    const source = read.source;
    const raw = source.data as Quiz;
    if (raw.module === undefined && !raw.final) {
      diagnostics.add(
        source.file,
        source.valueAt([]),
        'quiz-no-module',
        {
          zh: '测验没有写所属章节（module），也不是期末测验（final: true）。',
          en: 'The quiz names no module ("module") and is not the final assessment ("final: true").',
        },
        {
          zh: '加上“module: 章节id”；如果是期末测验，写“final: true”。',
          en: 'Add "module: <module id>", or "final: true" for the final assessment.',
        },
      );
      continue;
    }
    if (raw.module !== undefined && raw.final) {
      diagnostics.add(
        source.file,
        source.keyAt([], 'final'),
        'quiz-module-and-final',
        { zh: '测验同时写了 module 和 final。', en: 'The quiz has both module and final.' },
        {
          zh: '章节测验只写 module；期末测验只写 final: true。',
          en: 'A module quiz has only module; the final assessment only final: true.',
        },
      );
      continue;
    }
    const moduleSource = raw.module !== undefined ? moduleSources.get(raw.module) : undefined;
    if (raw.module !== undefined && !moduleSource) {
      diagnostics.add(
        source.file,
        source.valueAt(['module']),
        'quiz-unknown-module',
        {
          zh: `测验所属的章节“${raw.module}”不存在。`,
          en: `The quiz belongs to the module "${raw.module}", which does not exist.`,
        },
        {
          zh: `改成已有章节的 id：${[...moduleSources.keys()].join('、')}。`,
          en: `Use an existing module id: ${[...moduleSources.keys()].join(', ')}.`,
        },
      );
      continue;
    }
    const objectives = moduleSource ? new Set(moduleSource.file.objectives.map((o) => o.id)) : allObjectives;
    // Without a readable course.yaml the final assessment's pass mark is unknown; that error is already reported.
    const passingScore = raw.passingScore ?? (raw.final ? (course?.passingScore ?? 0) : undefined);
    if (passingScore === undefined) {
      diagnostics.add(
        source.file,
        source.valueAt([]),
        'missing-field',
        { zh: '章节测验缺少及格线 passingScore。', en: 'The module quiz has no passingScore.' },
        { zh: '加上“passingScore: 80”（百分比）。', en: 'Add "passingScore: 80" (percent).' },
      );
      continue;
    }
    if (raw.final && course && raw.passingScore !== undefined && raw.passingScore !== course.passingScore) {
      diagnostics.add(
        source.file,
        source.valueAt(['passingScore']),
        'passing-score-mismatch',
        {
          zh: `期末测验的 passingScore（${raw.passingScore}）与 course.yaml 的 passingScore（${course.passingScore}）不一致。`,
          en: `The final assessment's passingScore (${raw.passingScore}) differs from course.yaml's (${course.passingScore}).`,
        },
        {
          zh: '删除期末测验中的 passingScore，只在 course.yaml 中设置。',
          en: 'Remove passingScore from the final assessment; set it in course.yaml only.',
        },
      );
    }
    const quiz: Quiz = { ...DEFAULT_QUIZ, ...raw, passingScore };
    checkQuiz(quiz, { source, diagnostics, ids, objectives });
    quizEntries.push({ quiz, source });
    if (quiz.module !== undefined) {
      labelled.push({ text: quiz.title, moduleId: quiz.module, source, path: ['title'] });
      if (quiz.intro) labelled.push({ text: quiz.intro, moduleId: quiz.module, source, path: ['intro'] });
    }
    if (quiz.final) {
      if (finalQuiz) {
        diagnostics.add(
          source.file,
          source.valueAt(['final']),
          'duplicate-final',
          { zh: '有不止一个期末测验（final: true）。', en: 'More than one quiz is marked final: true.' },
          { zh: '只保留一个期末测验。', en: 'Keep one final assessment.' },
        );
      }
      finalQuiz = quiz;
      if (course && courseSource && course.finalAssessment !== quiz.id) {
        diagnostics.add(
          source.file,
          source.valueAt(['id']),
          'final-not-listed',
          {
            zh: `期末测验“${quiz.id}”没有在 course.yaml 的 finalAssessment 中指定。`,
            en: `The final assessment "${quiz.id}" is not named by finalAssessment in course.yaml.`,
          },
          {
            zh: `在 course.yaml 中写“finalAssessment: ${quiz.id}”。`,
            en: `Set "finalAssessment: ${quiz.id}" in course.yaml.`,
          },
        );
      }
    } else if (moduleQuizzes.has(quiz.module!)) {
      diagnostics.add(
        source.file,
        source.valueAt(['module']),
        'duplicate-quiz',
        { zh: `章节“${quiz.module}”已经有一个测验。`, en: `The module "${quiz.module}" already has a quiz.` },
        {
          zh: '每个章节只有一个测验：把题目合并到同一个文件的题池中。',
          en: 'One quiz per module: merge the questions into one file.',
        },
      );
    } else {
      moduleQuizzes.set(quiz.module!, quiz);
    }
  }
  if (course?.finalAssessment && courseSource && finalQuiz?.id !== course.finalAssessment) {
    diagnostics.add(
      courseSource.file,
      courseSource.valueAt(['finalAssessment']),
      'final-missing',
      {
        zh: `course.yaml 指定的期末测验“${course.finalAssessment}”不存在。`,
        en: `The final assessment "${course.finalAssessment}" named in course.yaml does not exist.`,
      },
      {
        zh: '在 quizzes/ 中创建 final: true 的测验并使用这个 id，或修改 finalAssessment。',
        en: 'Create a quiz with final: true and that id in quizzes/, or change finalAssessment.',
      },
    );
  }

  resolvePoolReferences(quizEntries, diagnostics);
  // A final-assessment pool titled by chapter ("第一章 …") is checked against the module its questions assess.
  const moduleOfObjective = new Map(
    [...moduleSources].flatMap(([id, m]) => m.file.objectives.map((o) => [o.id, id] as const)),
  );
  for (const { quiz, source } of quizEntries.filter((e) => e.quiz.final)) {
    quiz.pools.forEach((pool, p) => {
      const modules = new Set(pool.questions.map((q) => moduleOfObjective.get(q.objective ?? '')));
      const [only] = modules;
      if (pool.title && modules.size === 1 && only)
        labelled.push({ text: pool.title, moduleId: only, source, path: ['pools', p, 'title'] });
    });
  }
  if (course) {
    const first = moduleSources.get(course.modules[0] ?? '');
    checkChapterLabels(labelled, course.modules, first?.folder.startsWith('00-') ?? false, diagnostics);
  }
  ids.report();
  if (diagnostics.hasErrors || !course)
    return { course: null, diagnostics: diagnostics.sorted(), watched, origins: ids.origins() };

  // Everything is valid: render pages and assemble the built course.
  const assets: Asset[] = [];
  const pageHref = (file: string): string | undefined => {
    const page = pageFiles.get(file);
    return page && `#/${page.moduleId}/${page.pageId}`;
  };
  const modules: ModuleData[] = [];
  const summaries: ModuleSummary[] = [];
  for (const moduleId of course.modules) {
    const m = moduleSources.get(moduleId)!;
    const items: ModuleItem[] = [];
    for (const item of parsedItems.get(moduleId)!) {
      if (item.front) {
        const html = renderMarkdown(item.body!, {
          file: rel(item.file),
          absoluteFile: item.file,
          bodyLine: item.bodyLine!,
          pageHref,
          exists: (file) => fs.exists(file),
          addImage: (image) => {
            const target = `content/media/${moduleId}/${basename(image)}`;
            if (!assets.some((a) => a.target === target)) assets.push({ source: image, target });
            watched.push(image);
            return target;
          },
          diagnostics,
        });
        const { id, title, minutes, objectives, sources } = item.front;
        items.push({ kind: 'page', id, title, minutes, objectives, sources, html });
      } else {
        items.push({ kind: 'roleplay', id: item.roleplay!.id, title: item.roleplay!.title, roleplay: item.roleplay! });
      }
    }
    const quiz = moduleQuizzes.get(moduleId);
    if (quiz) items.push({ kind: 'quiz', id: quiz.id, title: quiz.title, quiz });
    modules.push({ id: moduleId, items });
    summaries.push({
      id: moduleId,
      title: m.file.title,
      description: m.file.description,
      objectives: m.file.objectives,
      href: `modules/${moduleId}.json`,
      items: items.map(summarise),
    });
  }
  if (diagnostics.hasErrors)
    return { course: null, diagnostics: diagnostics.sorted(), watched, origins: ids.origins() };

  let finalAssessment: ModuleSummary | undefined;
  if (finalQuiz) {
    const item: ModuleItem = { kind: 'quiz', id: finalQuiz.id, title: finalQuiz.title, quiz: finalQuiz };
    modules.push({ id: finalQuiz.id, items: [item] });
    finalAssessment = {
      id: finalQuiz.id,
      title: finalQuiz.title,
      description: finalQuiz.intro ?? '',
      objectives: [],
      href: `modules/${finalQuiz.id}.json`,
      items: [summarise(item)],
    };
  }
  const index: CourseIndex = {
    id: course.id,
    title: course.title,
    description: course.description,
    language: course.language,
    version: course.version,
    passingScore: course.passingScore,
    completion: course.completion,
    modules: summaries,
    ...(finalAssessment ? { finalAssessment } : {}),
  };
  return { course: { index, modules, assets }, diagnostics: diagnostics.sorted(), watched, origins: ids.origins() };
}

function summarise(item: ModuleItem): ItemSummary {
  switch (item.kind) {
    case 'page':
      return { kind: 'page', id: item.id, title: item.title, minutes: item.minutes };
    case 'roleplay':
      return {
        kind: 'roleplay',
        id: item.id,
        title: item.title,
        ...(item.roleplay.required ? { required: item.roleplay.required } : {}),
      };
    case 'quiz':
      return { kind: 'quiz', id: item.id, title: item.title };
  }
}
