// The authoring studio end to end (issue 16): a trainer's tasks in the studio alone, in Chromium, on a git-initialised
// temporary copy of the course served by the real studio server (tools/studio/) with the real UI (studio/, built as
// npm start builds it). Afterwards the copy validates as `npm run validate` checks it, and git shows only the intended
// changes: comments and formatting elsewhere are kept. axe checks every screen visited.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { rollup } from 'rollup';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RolePlay } from '../../core/types.js';
import { createStudioConfig } from '../../rollup.studio.config.mjs';
import { courseRoot, seedsDir } from '../../tools/paths.js';
import { startStudio, type RunningStudio } from '../../tools/studio/server.js';
import { launchChromium } from '../support/browser.js';
import { copyCourse } from '../support/course-copy.js';

const TOKEN = 'studio-e2e-token';
const ROLEPLAY_FILE = 'modules/05-self-check/03-call.roleplay.yaml';
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
// A 1×1 PNG: the server decides the type by these bytes.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let uiDir: string;
let course: { dir: string; dispose: () => void };
let studio: RunningStudio;
let browser: Browser;
let page: Page;

const git = (...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@localhost', ...args], {
    cwd: course.dir,
    encoding: 'utf8',
  });
const read = (path: string): string => readFileSync(join(course.dir, path), 'utf8');

beforeAll(async () => {
  uiDir = mkdtempSync(join(tmpdir(), 'studio-ui-'));
  const config = createStudioConfig({ outDir: uiDir, minify: false });
  const bundle = await rollup(config);
  await bundle.write(config.output);
  await bundle.close();
  course = copyCourse(); // with a non-example IRI, so it can be packaged
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'the course as shipped');
  studio = await startStudio({ root: course.dir, port: 0, token: TOKEN, seedsDir, uiDir });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await studio?.close();
  course?.dispose();
  if (uiDir) rmSync(uiDir, { recursive: true, force: true });
});

async function axeViolations(): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> };
      }
    ).axe;
    return axe.run(document);
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

const outline = (): Locator => page.locator('studio-outline');
const main = (): Locator => page.locator('studio-app main');
const button = (scope: Locator, name: string | RegExp): Locator => scope.getByRole('button', { name, exact: true });

/** Types into the open dialog's fields and confirms. */
async function fillNameDialog(id: string | null, title: string): Promise<void> {
  const dialog = outline().locator('studio-name-dialog dialog[open]');
  if (id !== null) await dialog.getByLabel('编号').fill(id);
  await dialog.getByLabel('标题').fill(title);
  await button(dialog, '确定').click();
}

/** Selects `text` in the page editor's CodeMirror (as a trainer drags over it) and types `replacement` in its place. */
async function replaceInEditor(text: string, replacement: string): Promise<void> {
  const line = main().locator('.cm-line', { hasText: text });
  await line.click();
  await line.evaluate((el, target) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(target);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + target.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${target}" is not in the line`);
  }, text);
  await page.keyboard.insertText(replacement);
}

/** The text of the element with focus, through shadow roots. */
function focusedText(): Promise<string | undefined> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.textContent?.trim();
  });
}

async function openFromOutline(name: string): Promise<void> {
  await button(outline(), name).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('STUDIO-APP');
}

// Each step gets 480 s: form steps validate every edit with the build, and on a 2-core machine at load 25 the quiz
// step took 194 s in one run and over 240 s in the next.
describe('the authoring studio, end to end', { timeout: 480_000 }, () => {
  it('opens with the token from the address, which leaves the address bar; the outline is accessible', async () => {
    await page.goto(new URL(`/?token=${TOKEN}`, studio.url).href);
    await outline()
      .getByRole('button', { name: /第 1 章 课程导读/ })
      .waitFor();
    expect(new URL(page.url()).search).toBe('');
    expect(await page.evaluate(() => sessionStorage.getItem('studio-token'))).toBe(TOKEN);
    await page.locator('studio-app aside studio-problems').getByText('没有发现问题。').waitFor();
    expect(await axeViolations()).toEqual([]);
  });

  it('changes a sentence on a page, with the preview following, and saves only that change', async () => {
    await openFromOutline('什么是服务');
    await main().locator('.cm-line', { hasText: '先问自己两个问题' }).waitFor();
    expect(await axeViolations()).toEqual([]);
    await replaceInEditor('先问自己两个问题', '先请你想一想两个问题');
    await main().locator('course-page').getByText('先请你想一想两个问题', { exact: false }).waitFor();
    await button(main(), /^保存/).click();
    await main().getByRole('status').getByText('已保存。').waitFor();
    // The save is a snapshot: a commit with that one line changed, nothing else.
    expect(git('show', '--numstat', '--format=', 'HEAD')).toBe(
      '1\t1\tmodules/01-service-concepts/01-what-is-service.md\n',
    );
    expect(git('show', '-U0', '--no-color', 'HEAD')).toContain('+开始之前，先请你想一想两个问题：服务是什么？');
  });

  it('refuses a save with an invalid value with the build message, and nothing on disk changes', async () => {
    const before = read('course.yaml');
    await button(outline(), '课程设置').click();
    const settings = main().locator('studio-course-settings');
    await settings.getByLabel('及格分数（0–100）').fill('120');
    expect(await axeViolations()).toEqual([]);
    await button(settings, '保存课程设置').click();
    await settings.getByText('没有保存：课程文件没有改动。').waitFor();
    // The build's own message for this value (the same words `npm run validate` prints).
    const problem = settings.locator('studio-problems li').first();
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/passingScore|及格/);
    expect(read('course.yaml')).toBe(before);
    expect(await axeViolations()).toEqual([]);
  });

  it('adds a module with two pages and a quiz', async () => {
    await button(outline(), '+ 添加章节').click();
    await fillNameDialog('self-check', '自我检查');
    const module = outline().locator('li.module', { hasText: '自我检查' });
    await module.waitFor();
    await module.getByRole('button', { name: /^\+ 页面/ }).click();
    await fillNameDialog('self-check-review', '回顾要点');
    await module.getByRole('button', { name: '回顾要点', exact: true }).waitFor();
    await module.getByRole('button', { name: /^\+ 测验/ }).click();
    await fillNameDialog('self-check-quiz', '自我检查测验');
    await module.getByRole('button', { name: '自我检查测验', exact: true }).waitFor();
    expect(await module.locator('ol.items > li').count()).toBe(3); // two pages and the quiz
    expect(await axeViolations()).toEqual([]);
  });

  it('adds a fill-in and a single-choice question with feedback and previews them as a learner sees them', async () => {
    await button(outline(), '自我检查测验').click();
    const quiz = main().locator('studio-quiz-editor');
    await quiz
      .getByRole('heading', { name: /自我检查测验/ })
      .first()
      .waitFor();
    await quiz.getByLabel('新题型').selectOption('fill-in');
    await button(quiz, '添加题目').click();
    const edit = quiz.getByRole('region', { name: /编辑第 2 题/ });
    await edit.getByRole('textbox', { name: '题干 *' }).fill('客户满意度是客户对服务的________与期望相比较的结果。');
    await edit.getByRole('textbox', { name: '可接受的答案 *' }).fill('感知');
    await edit
      .getByRole('textbox', { name: '答对时的反馈 *' })
      .fill('对。满意度取决于客户感知到的服务与事先期望之间的差距。');
    await edit
      .getByRole('textbox', { name: '答错时的反馈 *' })
      .fill('不对。满意度是客户感知到的服务与期望相比较的结果，所以答案是“感知”。');
    await quiz.getByText('这个文件没有发现问题。').waitFor();
    await quiz.getByRole('region', { name: '学员看到的样子' }).locator('course-question').waitFor();
    expect(await axeViolations()).toEqual([]);

    // A single-choice question through the form: prompt, three options with feedback, the answer picked from them.
    await quiz.getByLabel('新题型').selectOption('single');
    await button(quiz, '添加题目').click();
    const single = quiz.getByRole('region', { name: /编辑第 3 题/ });
    await single.getByRole('textbox', { name: '题干 *' }).fill('客户第三次来电投诉同一个问题，你首先应该怎么做？');
    await button(single, '添加一项').click();
    const options = [
      ['先向客户致歉，并复述问题确认理解', '对。先致歉并确认问题，客户才会觉得被重视。'],
      ['直接转给上级处理', '不对。转给上级之前，应先了解并确认客户的问题。'],
      ['请客户按流程重新提交工单', '不对。让客户重复提交会让他更不满。'],
    ] as const;
    for (const [i, [optionText, feedback]] of options.entries()) {
      const entry = single.getByRole('group', { name: new RegExp(`^第 ${i + 1} 项`) });
      await entry.getByRole('textbox', { name: /^文字/ }).fill(optionText);
      await entry.getByRole('textbox', { name: /^选中此项时的反馈/ }).fill(feedback);
    }
    await single.getByRole('radio', { name: /先向客户致歉/ }).check();
    await quiz.getByText('这个文件没有发现问题。').waitFor({ timeout: 60_000 });
    const preview = quiz.getByRole('region', { name: '学员看到的样子' });
    await preview.locator('course-question').getByText('直接转给上级处理').waitFor({ timeout: 60_000 });
    await preview.getByText('显示每个选项的反馈').click();
    for (const [, feedback] of options) await preview.locator('.all-feedback').getByText(feedback).waitFor();
    expect(await axeViolations()).toEqual([]);
    await button(quiz, '保存').click();
    await quiz.getByRole('status').getByText('已保存。').waitFor();
    const saved = read('quizzes/self-check.yaml');
    expect(saved).toContain('客户满意度是客户对服务的________与期望相比较的结果。');
    expect(saved).toContain('客户第三次来电投诉同一个问题，你首先应该怎么做？');
    for (const texts of options) for (const t of texts) expect(saved).toContain(t);
    expect(await axeViolations()).toEqual([]);
  });

  it('adds a role-play with three decisions and three endings in the graph editor, and plays to each ending', async () => {
    const module = outline().locator('li.module', { hasText: '自我检查' });
    await module.getByRole('button', { name: /^\+ 角色扮演/ }).click();
    await fillNameDialog('self-check-call', '自查来电');
    await button(module, '自查来电').click();
    const roleplay = main().locator('studio-roleplay-editor');
    await roleplay
      .getByRole('heading', { name: /自查来电/ })
      .first()
      .waitFor();
    expect(await axeViolations()).toEqual([]);
    const settings = roleplay.getByRole('region', { name: '情景设置' });
    const nodeList = roleplay.getByRole('list', { name: '节点列表' });
    const nodeForm = roleplay.getByRole('region', { name: /^编辑节点/ });
    const openNode = async (id: string): Promise<void> => {
      await nodeList.getByRole('button', { name: new RegExp(`^${id}(\\s|$)`) }).click();
      await nodeForm.getByRole('heading', { name: `编辑节点 ${id}`, exact: true }).waitFor();
    };
    /** A new node from the toolbar, renamed at once: the form opens on it. */
    const addNode = async (kind: '添加对话节点' | '添加结局', id: string): Promise<void> => {
      await button(roleplay, kind).click();
      await nodeForm.getByRole('heading', { name: /^编辑节点 (n-new|end-new)/ }).waitFor();
      await nodeForm.getByRole('textbox', { name: /^节点 id/ }).fill(id);
      await nodeForm.getByRole('heading', { name: `编辑节点 ${id}`, exact: true }).waitFor();
    };
    const ending = nodeForm.getByRole('group', { name: '结局', exact: true });
    type Reply = { text: string; score: number; feedback: string; next: string };
    const writeReplies = async (line: string, replies: Reply[]): Promise<void> => {
      await nodeForm.getByRole('textbox', { name: /^客户说的话/ }).fill(line);
      for (const [i, reply] of replies.entries()) {
        const group = nodeForm.getByRole('group', { name: new RegExp(`^回答 ${i + 1} ·`) });
        await group.getByRole('textbox', { name: /^学员说的话/ }).fill(reply.text);
        await group.getByRole('spinbutton', { name: /^得分/ }).fill(String(reply.score));
        await group.getByRole('textbox', { name: /^选择后的反馈/ }).fill(reply.feedback);
        await group.getByRole('combobox', { name: /^下一个节点的 id/ }).selectOption(reply.next);
      }
    };

    // The new file's placeholders replaced: the scenario, the customer, the two endings' debriefs.
    await settings.getByRole('textbox', { name: /^情景说明/ }).fill('宽带用户本月第三次断网，打来热线投诉。');
    await settings
      .getByRole('group', { name: '客户' })
      .getByRole('textbox', { name: /^客户称呼/ })
      .fill('刘女士');
    await openNode('n-good');
    await ending
      .getByRole('textbox', { name: /^结局点评/ })
      .fill('先致歉、给出维修时间、说明补偿，客户满意地挂了电话。');
    await openNode('n-poor');
    await ending.getByRole('textbox', { name: /^结局点评/ }).fill('把问题推回给客户或含糊其辞，客户决定投诉到工信部。');
    // Three decisions (n-start → n-check → n-offer) and three endings (n-good, n-poor, n-wait), built from the leaves
    // up so that every reply can be connected as it is written.
    await addNode('添加结局', 'n-wait');
    await ending.getByRole('combobox', { name: /^结局/ }).selectOption('neutral');
    await ending.getByRole('textbox', { name: /^标题/ }).fill('客户勉强接受');
    await ending.getByRole('textbox', { name: /^结局点评/ }).fill('故障处理了，但补偿没有当场说清，客户还要再等回复。');
    await addNode('添加对话节点', 'n-offer');
    await writeReplies('那这几天的网费怎么算？', [
      {
        text: '按规定为您减免断网期间的月租，会体现在下月账单里。',
        score: 2,
        feedback: '主动说明补偿和去向，客户不用再追问。',
        next: 'n-good',
      },
      {
        text: '这个我要请示一下，稍后给您回电。',
        score: 1,
        feedback: '没有拒绝，但让客户再等一次，不如当场说明补偿规则。',
        next: 'n-wait',
      },
    ]);
    await addNode('添加对话节点', 'n-check');
    await writeReplies('你查到什么了？我明天还要在家办公。', [
      {
        text: '查到是线路故障，已为您预约明天上午九点上门维修。',
        score: 2,
        feedback: '给出原因和确定的时间，客户能安排自己的事。',
        next: 'n-offer',
      },
      {
        text: '具体原因我也不清楚，您等通知吧。',
        score: 0,
        feedback: '没有信息也没有时间，客户只会更着急。',
        next: 'n-poor',
      },
    ]);
    await openNode('n-start');
    await writeReplies('我家宽带又断了，这个月已经第三次了！', [
      {
        text: '非常抱歉又给您添麻烦了，我马上帮您查线路。',
        score: 2,
        feedback: '先致歉再行动，客户感到被重视。',
        next: 'n-check',
      },
      {
        text: '断网很正常，您重启一下路由器吧。',
        score: 0,
        feedback: '把问题推回给客户，第三次断网的客户会更生气。',
        next: 'n-poor',
      },
    ]);
    // The build finds nothing wrong: every node reachable, every path ends.
    await roleplay.getByText('这个文件没有发现问题。').waitFor({ timeout: 60_000 });
    expect(await nodeList.getByText(/从开始走不到|走不到任何结局/).count()).toBe(0);
    expect(await axeViolations()).toEqual([]);

    // Played before saving, as a trainer checks a draft: decision by decision to an ending, then again from the start.
    await button(nodeForm, '从这个节点试玩').click();
    const preview = roleplay.getByRole('region', { name: '从节点 n-start 试玩' });
    const learner = preview.locator('role-play');
    const answer = async (reply: string): Promise<void> => {
      await learner.getByRole('radio', { name: reply }).check();
      await button(learner, '确定').click();
      await button(learner, '继续').click();
    };
    const reachEnding = async (outcome: string, title: string): Promise<void> => {
      await learner.getByRole('heading', { name: new RegExp(`${outcome}.*${title}`) }).waitFor();
    };
    await answer('非常抱歉又给您添麻烦了，我马上帮您查线路。');
    await learner.getByText('你查到什么了？我明天还要在家办公。').waitFor();
    await answer('查到是线路故障，已为您预约明天上午九点上门维修。');
    await learner.getByText('那这几天的网费怎么算？').waitFor();
    await answer('按规定为您减免断网期间的月租，会体现在下月账单里。');
    await reachEnding('好结局', '客户满意');
    await learner.getByText('先致歉、给出维修时间、说明补偿，客户满意地挂了电话。').waitFor();
    expect(await axeViolations()).toEqual([]);

    // Mid-run the trainer rewords the second decision's line: the preview says it starts again, and does.
    await button(learner, '重新开始').click();
    await answer('非常抱歉又给您添麻烦了，我马上帮您查线路。');
    await openNode('n-check');
    await nodeForm.getByRole('textbox', { name: /^客户说的话/ }).fill('查到原因了吗？我明天还要在家办公。');
    await preview.getByText('对话已修改，试玩从节点 n-start 重新开始。').waitFor({ timeout: 60_000 });
    await answer('非常抱歉又给您添麻烦了，我马上帮您查线路。');
    await learner.getByText('查到原因了吗？我明天还要在家办公。').waitFor();
    await answer('查到是线路故障，已为您预约明天上午九点上门维修。');
    // This decision by keyboard: arrow to the second reply in the radio group, Tab to 确定, Enter; Enter on 继续.
    await learner.getByRole('radio', { name: '按规定为您减免断网期间的月租，会体现在下月账单里。' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => learner.getByRole('radio', { name: '这个我要请示一下，稍后给您回电。' }).isChecked())
      .toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(focusedText).toBe('确定');
    await page.keyboard.press('Enter');
    await button(learner, '继续').focus();
    await page.keyboard.press('Enter');
    await reachEnding('一般结局', '客户勉强接受');

    await button(learner, '重新开始').click();
    await answer('断网很正常，您重启一下路由器吧。');
    await reachEnding('差结局', '客户不满意');
    await learner.getByText('把问题推回给客户或含糊其辞，客户决定投诉到工信部。').waitFor();

    await button(roleplay, '保存').click();
    await roleplay.getByRole('status').getByText('已保存。').waitFor();
    // Saving changed nothing the preview plays: the finished run is still on screen.
    await reachEnding('差结局', '客户不满意');
    const nodes = (parse(read(ROLEPLAY_FILE)) as RolePlay).nodes;
    expect(nodes.map((n) => [n.id, n.replies?.map((r) => r.next) ?? n.ending?.outcome])).toEqual([
      ['n-start', ['n-check', 'n-poor']],
      ['n-good', 'good'],
      ['n-poor', 'bad'],
      ['n-wait', 'neutral'],
      ['n-offer', ['n-good', 'n-wait']],
      ['n-check', ['n-offer', 'n-poor']],
    ]);
  });

  it('reorders modules by keyboard (announced), keeping course.yaml comments', async () => {
    const title = outline().getByRole('button', { name: /第 6 章 自我检查/ });
    await title.focus();
    await page.keyboard.press('Alt+ArrowUp');
    await outline().getByRole('status').getByText('已将「自我检查」移到第 5 位，共 6 个。').waitFor();
    expect(read('course.yaml')).toContain('# 课程文件：课程信息、章节顺序、及格分数和完成规则。');
    expect(read('course.yaml')).toContain('opensAfterModules: true # 学完全部章节后才开放期末测验');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('STUDIO-APP');
    expect(read('course.yaml')).toMatch(/- complaint-handling\n {2}- self-check\n {2}- service-channels\n/);
  });

  it('reorders modules by drag and drop, as a mouse user does', async () => {
    const dragged = outline().locator('li.module', { hasText: '第 5 章 自我检查' }).locator('.row').first();
    const target = outline().locator('li.module', { hasText: '服务渠道' });
    const box = (await target.boundingBox())!;
    // Dropped on the lower half of 服务渠道: after it, back at the end.
    await dragged.dragTo(target, { targetPosition: { x: box.width / 2, y: box.height - 4 } });
    await outline()
      .getByRole('status')
      .getByText('已将「自我检查」移到第 6 位，共 6 个。')
      .waitFor({ timeout: 60_000 });
    await outline()
      .getByRole('button', { name: /第 6 章 自我检查/ })
      .waitFor();
    expect(read('course.yaml')).toMatch(/- complaint-handling\n {2}- service-channels\n {2}- self-check\n/);
    expect(read('course.yaml')).toContain('# 课程文件：课程信息、章节顺序、及格分数和完成规则。');
  });

  it('uploads an image with its alt text into the page at the cursor', async () => {
    await openFromOutline('回顾要点');
    await main().locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Enter');
    await button(main(), '插入图片').click();
    const dialog = main().locator('studio-media-dialog dialog[open]');
    await dialog.getByLabel('图片文件').setInputFiles({ name: 'checklist.png', mimeType: 'image/png', buffer: PNG });
    await button(dialog, '上传并插入').click();
    await dialog.getByText('请填写替代文字').waitFor();
    expect(await axeViolations()).toEqual([]);
    await dialog.getByLabel('替代文字（必填）').fill('自查清单');
    await button(dialog, '上传并插入').click();
    await main().locator('.cm-line', { hasText: '![自查清单](media/checklist.png)' }).waitFor();
    await main().locator('course-page img[alt="自查清单"]').waitFor();
    await button(main(), /^保存/).click();
    await main().getByRole('status').getByText('已保存。').waitFor();
    expect(read('modules/05-self-check/02-review.md')).toContain('![自查清单](media/checklist.png)');
  });

  it('exports the four packages with their sizes and downloads one', async () => {
    await button(page.locator('studio-app header'), '导出课程包').click();
    const exporter = main().locator('studio-export');
    await button(exporter, '生成课程包').click();
    await exporter.locator('tbody tr').nth(3).waitFor({ timeout: 180_000 });
    const rows = await exporter.locator('tbody tr').allTextContents();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim().split(' ')[0])).toEqual(['SCORM', 'SCORM', 'cmi5', 'xAPI']);
    expect(await axeViolations()).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), exporter.locator('a').first().click()]);
    const size = Number((rows[0]!.match(/\(([\d,]+) B\)/)?.[1] ?? '0').replace(/,/g, ''));
    const saved = await download.path();
    expect(readFileSync(saved).byteLength).toBe(size);
  });

  it('lists the snapshots of the saves', async () => {
    await button(page.locator('studio-app header'), '快照').click();
    const snapshots = main().locator('studio-snapshots');
    await snapshots.locator('li').first().waitFor();
    expect(await snapshots.locator('li').count()).toBeGreaterThan(5);
    expect(await axeViolations()).toEqual([]);
  });

  it('is accessible in English too', async () => {
    await button(page.locator('studio-app header'), 'English').click();
    await page.locator('studio-app nav[aria-label="Course outline"]').waitFor();
    expect(await axeViolations()).toEqual([]);
    await button(page.locator('studio-app header'), '中文').click();
  });

  it('leaves a valid course whose git diff shows only the intended changes', () => {
    const validate = execFileSync('npx', ['tsx', join(courseRoot, 'tools/validate.ts'), course.dir], {
      cwd: courseRoot,
      encoding: 'utf8',
    });
    expect(validate).toContain('课程内容检查通过');
    expect(git('status', '--porcelain')).toBe('');
    const first = git('rev-list', '--max-parents=0', 'HEAD').trim();
    expect(git('diff', '--name-only', first, 'HEAD').trim().split('\n')).toEqual([
      'course.yaml',
      'modules/01-service-concepts/01-what-is-service.md',
      'modules/05-self-check/01-overview.md',
      'modules/05-self-check/02-review.md',
      'modules/05-self-check/03-call.roleplay.yaml',
      'modules/05-self-check/media/checklist.png',
      'modules/05-self-check/module.yaml',
      'quizzes/self-check.yaml',
    ]);
    // course.yaml: only the new module's line (moved by keyboard to its place); every comment and value elsewhere kept.
    const courseDiff = git('diff', '-U0', '--no-color', first, 'HEAD', '--', 'course.yaml');
    expect(courseDiff.split('\n').filter((l) => /^[-+](?![-+])/.test(l))).toEqual(['+  - self-check']);
    expect(git('diff', '--numstat', first, 'HEAD', '--', 'modules/01-service-concepts/01-what-is-service.md')).toMatch(
      /^1\t1\t/,
    );
    // The role-play: added alone (its module's files give the order; module.yaml untouched since the module was
    // made), then only the template's placeholders the trainer rewrote and the connection to the new node left it;
    // the comment line, ids, titles and the rest of the template stay as they were, the new nodes follow.
    const added = git('log', '--format=%H', '--diff-filter=A', '--', ROLEPLAY_FILE).trim();
    expect(git('show', '--name-only', '--format=', added).trim()).toBe(ROLEPLAY_FILE);
    expect(git('log', '--format=%H', '--', 'modules/05-self-check/module.yaml').trim().split('\n')).toHaveLength(1);
    const roleplayDiff = git('diff', '-U0', '--no-color', added, 'HEAD', '--', ROLEPLAY_FILE).split('\n');
    expect(roleplayDiff.filter((l) => /^-(?!--)/.test(l))).toEqual([
      '-scenario: 在这里描述情景：学员扮演谁、面对哪位客户、客户遇到了什么问题。',
      '-  name: 客户',
      '-    line: 在这里写客户说的第一句话。',
      '-        text: 在这里写一个好的回答。',
      '-        feedback: 在这里说明这个回答为什么好。',
      '-        next: n-good',
      '-        text: 在这里写一个不好的回答。',
      '-        feedback: 在这里说明这个回答哪里不好、应该怎么说。',
      '-      debrief: 在这里总结学员做对了什么。',
      '-      debrief: 在这里总结学员应该怎样做。',
    ]);
    expect(read(ROLEPLAY_FILE)).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/\.\.\/schemas\/roleplay\.schema\.json\n/,
    );
  });
});
