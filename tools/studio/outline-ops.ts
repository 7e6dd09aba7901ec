import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { isMap, parseDocument } from 'yaml';
import type { OutlineOperation } from '../../core/studio-api.js';
import { splitFrontMatter } from '../content/markdown.js';
import { resolveCoursePath } from './course-path.js';
import { badRequest, StudioError } from './errors.js';
import { ID, ITEM_FILE, moduleFolders, quizFiles, readYaml, type ModuleFolder } from './outline.js';
import type { Changes } from './store.js';
import { applyYamlEdits } from './yaml-edit.js';

/** The files an outline operation changes, and how the snapshot names it. */
export interface OutlineChange {
  changes: Changes;
  what: string;
}

/**
 * Turns an outline operation into file changes, following the loader's rules: modules are ordered by course.yaml's
 * `modules:` list (folder numbers only need to be unique, `NN-` after the last for a new one); pages and role-plays
 * by their `NN-` file prefixes, renumbered when an item moves. New files hold the smallest content that builds, for
 * the trainer to fill in with the forms. The caller validates the whole result before anything is written.
 */
export function outlineChange(root: string, seeds: string[], op: OutlineOperation): OutlineChange {
  const folders = moduleFolders(root);
  const course = (): string => readFileSync(join(root, 'course.yaml'), 'utf8');
  const moduleOf = (id: unknown): ModuleFolder => {
    const m = typeof id === 'string' ? folders.get(id) : undefined;
    if (!m) throw badRequest(`没有 id 为“${String(id)}”的章节。`, `There is no module "${String(id)}".`);
    return m;
  };
  switch (op.op) {
    case 'addModule': {
      const id = newId(op.id);
      const title = newTitle(op.title);
      if (folders.has(id)) throw badRequest(`章节“${id}”已经存在。`, `The module "${id}" already exists.`);
      const numbers = [...folders.values()].map((m) => Number(m.folder.split('-')[0]));
      const folder = `${pad(Math.max(-1, ...numbers) + 1)}-${id}`;
      const base = `modules/${folder}`;
      const list = parseDocument(course()).get('modules') as { items: unknown[] } | undefined;
      return {
        what: `add module ${id}`,
        changes: new Map([
          [`${base}/module.yaml`, moduleYaml(id, title)],
          [`${base}/01-overview.md`, pageMarkdown(`${id}-overview`, title, `${id}-o1`, seeds[0])],
          [
            'course.yaml',
            applyYamlEdits(course(), [{ op: 'insert', at: ['modules'], index: list?.items.length ?? 0, value: id }]),
          ],
        ]),
      };
    }
    case 'deleteModule': {
      const m = moduleOf(op.id);
      const changes: Changes = new Map([[`modules/${m.folder}`, null]]);
      for (const q of quizFiles(root)) if (q.module === m.id) changes.set(q.path, null);
      const doc = parseDocument(course());
      const list = doc.get('modules') as { items: { value?: unknown }[] } | undefined;
      const index = list?.items.findIndex((item) => item.value === m.id) ?? -1;
      if (index >= 0) changes.set('course.yaml', applyYamlEdits(course(), [{ op: 'delete', at: ['modules', index] }]));
      return { what: `delete module ${m.id}`, changes };
    }
    case 'moveModule': {
      const m = moduleOf(op.id);
      const list = parseDocument(course()).get('modules') as { items: { value?: unknown }[] } | undefined;
      const from = list?.items.findIndex((item) => item.value === m.id) ?? -1;
      if (from < 0)
        throw badRequest(
          `章节“${m.id}”不在 course.yaml 的 modules 中。`,
          `course.yaml's modules does not list "${m.id}".`,
        );
      return {
        what: `move module ${m.id} to ${op.to + 1}`,
        changes: new Map([
          ['course.yaml', applyYamlEdits(course(), [{ op: 'move', at: ['modules'], from, to: op.to }])],
        ]),
      };
    }
    case 'addPage':
    case 'addRoleplay': {
      const m = moduleOf(op.module);
      const id = newId(op.id);
      const title = newTitle(op.title);
      const slug = id.startsWith(`${m.id}-`) ? id.slice(m.id.length + 1) : id;
      const number = Math.max(0, ...m.items.map((f) => Number(ITEM_FILE.exec(f)![1]))) + 1;
      const base = `modules/${m.folder}/${pad(number)}-${slug}`;
      const objective = firstObjective(root, m);
      const text =
        op.op === 'addPage'
          ? pageMarkdown(id, title, objective, pageSources(root, m) ?? seeds[0])
          : roleplayYaml(id, title);
      const path = op.op === 'addPage' ? `${base}.md` : `${base}.roleplay.yaml`;
      return { what: `add ${op.op === 'addPage' ? 'page' : 'role-play'} ${path}`, changes: new Map([[path, text]]) };
    }
    case 'addQuiz': {
      const m = moduleOf(op.module);
      const id = newId(op.id);
      const title = newTitle(op.title);
      if (quizFiles(root).some((q) => q.module === m.id))
        throw badRequest(`章节“${m.id}”已经有测验了。`, `The module "${m.id}" already has a quiz.`);
      const taken = new Set(quizFiles(root).map((q) => q.path));
      const path = [`quizzes/${m.id}.yaml`, `quizzes/${id}.yaml`].find((p) => !taken.has(p));
      if (!path) throw badRequest(`测验文件 quizzes/${id}.yaml 已存在。`, `quizzes/${id}.yaml already exists.`);
      return {
        what: `add quiz ${path}`,
        changes: new Map([[path, quizYaml(id, title, m.id, firstObjective(root, m))]]),
      };
    }
    case 'deleteItem': {
      const { rel } = itemPath(root, op.path, true);
      return { what: `delete ${rel}`, changes: new Map([[rel, null]]) };
    }
    case 'moveItem': {
      const { rel } = itemPath(root, op.path, false);
      const [, folder, file] = rel.split('/') as [string, string, string];
      const m = [...folders.values()].find((f) => f.folder === folder)!;
      const order = m.items.filter((f) => f !== file);
      if (!Number.isInteger(op.to) || op.to < 0 || op.to > order.length)
        throw badRequest(`位置 ${op.to} 超出范围。`, `Position ${op.to} is out of range.`);
      order.splice(op.to, 0, file);
      const width = order.length > 99 ? 3 : 2;
      const renames = new Map<string, string>();
      order.forEach((name, i) => {
        const renamed = name.replace(/^\d+/, String(i + 1).padStart(width, '0'));
        if (renamed !== name) renames.set(`modules/${folder}/${name}`, `modules/${folder}/${renamed}`);
      });
      return { what: `move ${rel} to ${op.to + 1}`, changes: renameWithLinks(root, folders, renames) };
    }
    case 'renameItem': {
      const title = newTitle(op.title);
      const { rel, abs } = resolveCoursePath(root, op.path);
      if (!existsSync(abs)) throw new StudioError(404, { zh: `找不到“${rel}”。`, en: `"${rel}" not found.` });
      const text = readFileSync(abs, 'utf8');
      if (rel.endsWith('.md')) return { what: `rename ${rel}`, changes: new Map([[rel, setPageTitle(text, title)]]) };
      if (!rel.endsWith('.yaml') || rel === 'course.yaml' || !isMap(parseDocument(text).contents))
        throw badRequest(
          `“${rel}”不是可以改名的章节、页面、演练或测验。`,
          `"${rel}" is not a module, page, role-play or quiz.`,
        );
      return {
        what: `rename ${rel}`,
        changes: new Map([[rel, applyYamlEdits(text, [{ op: 'set', at: ['title'], value: title }])]]),
      };
    }
    default:
      throw badRequest('未知的大纲操作。', `Unknown outline op "${String((op as { op: unknown }).op)}".`);
  }
}

/**
 * Renames files (course-relative, old → new) and rewrites the links other pages hold to a renamed page
 * (`[…](03-steps.md)`, `[…](../02-x/03-steps.md#part)`), so reordering never breaks a link.
 */
function renameWithLinks(root: string, folders: Map<string, ModuleFolder>, renames: Map<string, string>): Changes {
  const changes: Changes = new Map();
  const texts = new Map<string, string>();
  for (const m of folders.values())
    for (const f of m.items.filter((item) => item.endsWith('.md')))
      texts.set(`modules/${m.folder}/${f}`, readFileSync(join(root, 'modules', m.folder, f), 'utf8'));
  for (const from of renames.keys())
    if (!texts.has(from)) texts.set(from, readFileSync(join(root, ...from.split('/')), 'utf8'));
  for (const [path, text] of texts) {
    const dir = posix.dirname(path);
    const linked = text.replace(
      /(\]\()([^)\s#]+\.md)(#[^)\s]*)?\)/g,
      (whole, open: string, href: string, hash = '') => {
        const target = renames.get(posix.normalize(posix.join(dir, decodeURI(href))));
        if (!target) return whole;
        return `${open}${href.slice(0, href.lastIndexOf('/') + 1)}${posix.basename(target)}${hash})`;
      },
    );
    const to = renames.get(path);
    if (to) {
      changes.set(path, null);
      changes.set(to, linked);
    } else if (linked !== text) changes.set(path, linked);
  }
  return changes;
}

/** A page, role-play or quiz file (the ones deleteItem may remove; moveItem only moves pages and role-plays). */
function itemPath(root: string, path: unknown, quizzesToo: boolean): { rel: string } {
  const { rel } = resolveCoursePath(root, path);
  const parts = rel.split('/');
  const isItem = parts.length === 3 && parts[0] === 'modules' && ITEM_FILE.test(parts[2]!);
  const isQuiz = quizzesToo && parts.length === 2 && parts[0] === 'quizzes' && parts[1]!.endsWith('.yaml');
  if (!isItem && !isQuiz)
    throw badRequest(
      `“${rel}”不是页面、情景演练${quizzesToo ? '或测验' : ''}文件。`,
      `"${rel}" is not a page or role-play${quizzesToo ? ' or quiz' : ''} file.`,
    );
  const folders = moduleFolders(root);
  if (isItem && ![...folders.values()].some((m) => m.folder === parts[1] && m.items.includes(parts[2]!)))
    throw badRequest(`找不到“${rel}”。`, `"${rel}" not found.`);
  if (isQuiz && !quizFiles(root).some((q) => q.path === rel))
    throw badRequest(`找不到“${rel}”。`, `"${rel}" not found.`);
  return { rel };
}

function setPageTitle(text: string, title: string): string {
  const split = splitFrontMatter(text);
  if (split.frontMatter === null)
    throw badRequest('页面没有头信息，无法改名。', 'The page has no front matter, so it cannot be renamed.');
  const front = applyYamlEdits(split.frontMatter, [{ op: 'set', at: ['title'], value: title }]);
  return text.replace(/\r\n?/g, '\n').replace(split.frontMatter, front);
}

const pad = (n: number): string => String(n).padStart(2, '0');

function newId(id: unknown): string {
  if (typeof id === 'string' && ID.test(id)) return id;
  throw badRequest(
    `id“${String(id)}”不可用：只能用小写英文字母、数字和连字符，例如 after-sales。`,
    `The id "${String(id)}" is not usable: use lowercase letters, digits and hyphens, e.g. after-sales.`,
  );
}

function newTitle(title: unknown): string {
  if (typeof title === 'string' && title.trim()) return title.trim();
  throw badRequest('请填写标题。', 'A title is required.');
}

function firstObjective(root: string, m: ModuleFolder): string {
  const objectives = readYaml(join(root, 'modules', m.folder, 'module.yaml')).objectives;
  const first = Array.isArray(objectives) ? (objectives[0] as { id?: unknown } | undefined) : undefined;
  return typeof first?.id === 'string' ? first.id : `${m.id}-o1`;
}

/** The sources of the module's first page: a new page most likely draws on the same documents. */
function pageSources(root: string, m: ModuleFolder): string | undefined {
  const page = m.items.find((f) => f.endsWith('.md'));
  if (!page) return undefined;
  const front = splitFrontMatter(readFileSync(join(root, 'modules', m.folder, page), 'utf8')).frontMatter ?? '';
  const sources = (parseDocument(front).toJS() as { sources?: unknown } | null)?.sources;
  return Array.isArray(sources) && typeof sources[0] === 'string' ? sources[0] : undefined;
}

const q = (text: string): string => JSON.stringify(text);

function moduleYaml(id: string, title: string): string {
  return `# yaml-language-server: $schema=../../schemas/module.schema.json
id: ${id}
title: ${q(title)}
description: ${q(title)}
objectives:
  - id: ${id}-o1
    text: ${q(`学完本章后，能够说出${title}的要点`)}
`;
}

function pageMarkdown(id: string, title: string, objective: string, source = 'source.txt'): string {
  return `---
id: ${id}
title: ${q(title)}
objectives: [${objective}]
minutes: 3
sources:
  - ${source}
---

在这里写本页的正文。
`;
}

function roleplayYaml(id: string, title: string): string {
  return `# yaml-language-server: $schema=../../schemas/roleplay.schema.json
id: ${id}
title: ${q(title)}
scenario: 在这里描述情景：学员扮演谁、面对哪位客户、客户遇到了什么问题。
customer:
  name: 客户
learnerRole: 营业厅客服代表
start: n-start
nodes:
  - id: n-start
    line: 在这里写客户说的第一句话。
    mood: neutral
    replies:
      - id: good
        text: 在这里写一个好的回答。
        score: 2
        feedback: 在这里说明这个回答为什么好。
        next: n-good
      - id: poor
        text: 在这里写一个不好的回答。
        score: 0
        feedback: 在这里说明这个回答哪里不好、应该怎么说。
        next: n-poor
  - id: n-good
    ending:
      outcome: good
      title: 客户满意
      debrief: 在这里总结学员做对了什么。
  - id: n-poor
    ending:
      outcome: bad
      title: 客户不满意
      debrief: 在这里总结学员应该怎样做。
`;
}

function quizYaml(id: string, title: string, module: string, objective: string): string {
  return `# yaml-language-server: $schema=../schemas/quiz.schema.json
id: ${id}
title: ${q(title)}
module: ${module}
passingScore: 80
pools:
  - id: ${id}-pool
    questions:
      - id: ${id}-q1
        type: single
        objective: ${objective}
        prompt: 在这里写题目。
        options:
          - id: a
            text: 正确的选项
            feedback: 在这里说明为什么这个选项正确。
          - id: b
            text: 错误的选项
            feedback: 在这里说明为什么这个选项不对。
        answer: a
`;
}
