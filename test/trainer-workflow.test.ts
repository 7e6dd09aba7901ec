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

  // 7.1 Add a module: folder, module.yaml, pages, a role-play, the module list, a quiz, a final-assessment pool.
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
  // A chapter of this course has 5 to 9 pages (the content test's standard): four more, like the first.
  const topics = ['受理退换货', '维修进度查询', '回访的时机', '售后投诉的预防'];
  topics.forEach((topic, i) =>
    writeFileSync(
      join(root, `modules/05-after-sales/0${i + 2}-page-${i + 2}.md`),
      `---
id: after-sales-page-${i + 2}
title: ${topic}
objectives: [after-sales-o${(i % 2) + 1}]
minutes: 3
sources:
  - 000_752fc6dac3c4367f.txt
---

${topic}时，先倾听客户的问题，再说明处理办法和所需时间，最后按约定回访。
`,
    ),
  );
  // …and at least one role-play: the guide's way is to start from an existing one and change it.
  const model = readFileSync(join(root, 'modules/04-service-channels/11-missed-number.roleplay.yaml'), 'utf8');
  writeFileSync(
    join(root, 'modules/05-after-sales/06-after-sales-call.roleplay.yaml'),
    model.replace(/^id: rp-missed-number$/m, 'id: rp-after-sales-call'),
  );
  edit('course.yaml', (text) => text.replace('  - service-channels\n', '  - service-channels\n  - after-sales\n'));
  // Its quiz bank: at least 15 questions of at least 4 types, 40% of them applying a rule to a situation.
  const question = (n: number): string => {
    const id = `after-sales-q${String(n).padStart(2, '0')}`;
    const objective = `after-sales-o${(n % 2) + 1}`;
    const tags = n % 2 === 0 ? '\n        tags: [application]' : '';
    switch (n % 4) {
      case 0:
        return `      - id: ${id}
        type: single
        objective: ${objective}${tags}
        prompt: 客户来柜台说上周办的业务有问题（第 ${n} 题），你先做什么？
        options:
          - id: a
            text: 倾听并复述问题
            feedback: 对，因为先弄清问题，后面的处理才有方向。
          - id: b
            text: 先请客户去营业厅的另一个窗口重新排队办理
            feedback: 不对，因为把客户推走会让客户觉得被怠慢。
        answer: a`;
      case 1:
        return `      - id: ${id}
        type: true-false
        objective: ${objective}${tags}
        prompt: 问题处理完以后就不需要回访客户了（第 ${n} 题）。
        answer: false
        feedback:
          true: 不对，因为回访才能确认问题真正解决了。
          false: 对，因为回访能确认问题真正解决了。`;
      case 2:
        return `      - id: ${id}
        type: multiple
        objective: ${objective}${tags}
        prompt: 客户要求退货时（第 ${n} 题），哪些做法是对的？
        options:
          - id: a
            text: 先听客户说明原因
            feedback: 对，因为了解原因才能找到合适的办法。
          - id: b
            text: 说明处理时间
            feedback: 对，因为客户需要知道要等多久。
          - id: c
            text: 告诉客户这不归你管，让客户自己打电话问
            feedback: 不对，因为首问负责，不能把客户推走。
        answer: [a, b]`;
      default:
        return `      - id: ${id}
        type: fill-in
        objective: ${objective}${tags}
        prompt: 售后服务的最后一步是按约定____客户（第 ${n} 题）。
        answer: [回访]
        feedback:
          correct: 对，因为这一步确认问题已经解决。
          incorrect: 不对，想一想怎样确认问题已经解决了。`;
    }
  };
  writeFileSync(
    join(root, 'quizzes/after-sales.yaml'),
    `# yaml-language-server: $schema=../schemas/quiz.schema.json
id: after-sales-quiz
title: 章节测验：售后服务
module: after-sales
intro: 本测验共 10 道题，得分达到 80 分即为通过。
passingScore: 80
pools:
  - id: after-sales-pool
    draw: 10
    questions:
${Array.from({ length: 16 }, (_, i) => question(i + 1)).join('\n')}
`,
  );
  // The final assessment covers every chapter: one more pool, taking the new chapter's questions by reference.
  edit(
    'quizzes/final.yaml',
    (text) =>
      `${text.trimEnd()}\n  - id: final-pool-after-sales\n    title: 售后服务\n    draw: 1\n    from: [after-sales-quiz]\n`,
  );

  // 7.2 Reorder: only the modules list in course.yaml changes.
  edit('course.yaml', (text) =>
    text.replace('  - complaint-handling\n  - service-channels\n', '  - service-channels\n  - complaint-handling\n'),
  );

  // 7.2 After a reorder, the guide says: fix each chapter label that validate warns about (chapter-label).
  const { diagnostics } = loadCourse(root, { seedsDir });
  expect(diagnostics.filter((d) => d.severity !== 'warning')).toEqual([]);
  // Every warning after a reorder is a stale chapter label (the course's own titles may carry none).
  expect(diagnostics.filter((d) => d.code !== 'chapter-label')).toEqual([]);
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
