/**
 * A trainer's valid changes never break `npm test`: in a copy of the course, add a module and reorder modules
 * exactly as the authoring guide (docs/authoring-guide.md, section 7) says, then run `npm run validate` and every
 * test that reads the course's content (those honouring COURSE_ROOT) against the copy.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../tools/content/load-course.js';
import { seedsDir } from './support/fixtures.js';

const project = fileURLToPath(new URL('..', import.meta.url));
let root: string;

const edit = (path: string, change: (text: string) => string): void => {
  const file = join(root, path);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  expect(after, `${path} changed`).not.toBe(before);
  writeFileSync(file, after);
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'course-trainer-'));
  for (const entry of ['course.yaml', 'modules', 'quizzes'])
    cpSync(join(project, entry), join(root, entry), { recursive: true });

  // 7.1 Add a module: folder, module.yaml, a page, the module list, a quiz.
  mkdirSync(join(root, 'modules/05-after-sales'));
  writeFileSync(
    join(root, 'modules/05-after-sales/module.yaml'),
    `# yaml-language-server: $schema=../../schemas/module.schema.json
id: after-sales
title: 售后服务
description: 了解售后服务的流程和常见问题的处理方法。
objectives:
  - id: after-sales-o1
    text: 说出售后服务的基本流程
  - id: after-sales-o2
    text: 正确处理客户的退换货请求
`,
  );
  writeFileSync(
    join(root, 'modules/05-after-sales/01-overview.md'),
    `---
id: after-sales-overview
title: 售后服务的基本流程
objectives: [after-sales-o1]
minutes: 3
sources:
  - 000_752fc6dac3c4367f.txt
---

客户办完业务离开柜台，服务并没有结束。售后服务的第一步是**倾听**：弄清客户遇到了什么问题。

## 三个步骤

1. 倾听并复述客户的问题；
2. 说明处理办法和所需时间；
3. 按约定回访，确认问题已经解决。
`,
  );
  edit('course.yaml', (text) => text.replace('  - service-channels\n', '  - service-channels\n  - after-sales\n'));
  writeFileSync(
    join(root, 'quizzes/after-sales.yaml'),
    `# yaml-language-server: $schema=../schemas/quiz.schema.json
id: after-sales-quiz
title: 售后服务测验
module: after-sales
intro: 本测验共 2 道题，得分达到 80 分即为通过。
passingScore: 80
pools:
  - id: after-sales-pool
    questions:
      - id: after-sales-q01
        type: single
        objective: after-sales-o1
        prompt: 售后服务的第一步是什么？
        options:
          - id: a
            text: 倾听并复述客户的问题
            feedback: 对。先弄清客户遇到了什么问题，后面的处理才有方向。
          - id: b
            text: 马上给客户办理退货
            feedback: 不对。还没弄清问题就办理，可能办错，第一步是倾听并复述。
        answer: a
      - id: after-sales-q02
        type: true-false
        objective: after-sales-o2
        prompt: 问题处理完以后，不需要再联系客户。
        answer: false
        feedback:
          true: 不对。按约定回访，确认问题已经解决，才是完整的售后服务。
          false: 对。回访是售后服务的最后一步，用来确认问题真正解决了。
`,
  );

  // 7.2 Reorder: only the modules list in course.yaml changes.
  edit('course.yaml', (text) =>
    text.replace('  - complaint-handling\n  - service-channels\n', '  - service-channels\n  - complaint-handling\n'),
  );

  // 7.2 After a reorder, the guide says: fix each chapter label that validate warns about (chapter-label).
  const { diagnostics } = loadCourse(root, { seedsDir });
  expect(diagnostics.filter((d) => d.severity !== 'warning')).toEqual([]);
  // service-channels, "第四章" in its quiz title, is now the third chapter.
  expect(diagnostics.map((d) => `${d.code} ${d.file}`)).toContain('chapter-label quizzes/service-channels.yaml');
  for (const d of diagnostics.filter((x) => x.code === 'chapter-label')) {
    const [, written, right] = /把“(第.+?章)”改成“(第.+?章)”/.exec(d.fix.zh)!;
    edit(d.file, (text) => {
      const lines = text.split('\n');
      lines[d.line - 1] = lines[d.line - 1]!.replace(written!, right!);
      return lines.join('\n');
    });
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a module added and modules reordered as the authoring guide says', () => {
  it('npm run validate accepts the course', () => {
    const result = spawnSync(process.execPath, [join(project, 'node_modules/.bin/tsx'), 'tools/validate.ts', root], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('6 modules');
  });

  it('every test that reads the course content passes against the changed copy', () => {
    const here = fileURLToPath(import.meta.url);
    const contentTests = readdirSync(join(project, 'test'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => join(project, 'test', f))
      .filter((f) => f !== here && readFileSync(f, 'utf8').includes('process.env.COURSE_ROOT'));
    expect(contentTests.length).toBeGreaterThan(0);
    const result = spawnSync(process.execPath, [join(project, 'node_modules/.bin/vitest'), 'run', ...contentTests], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, COURSE_ROOT: root },
    });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  }, 300_000);
});
