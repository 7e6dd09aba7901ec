/**
 * The report against statements from real runs: five learners take the built course (the small fixture course, the
 * real player and tracking runtime) in Chromium, launched by the preview LMS as cmi5 or xAPI, over HTTP to the
 * embedded LRS. The test keeps its own ledger of what each learner did, derives every expected figure from that
 * ledger alone, runs `npm run report` against the LRS and checks every cell of completion.csv and items.csv.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import validateStatement from 'xapi-validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseIndex, ModuleData, Question, Quiz, RolePlay } from '../../core/types.js';
import type { RunningServer } from '../../server/index.js';
import { validFixture } from '../support/fixtures.js';
import type { Client } from '../server/support.js';
import { startPreviewLms, type PreviewLms } from '../support/preview-lms.js';
import { queuedStatementIds } from '../support/tracking/learner-ui.js';

const V = (verb: string) => `http://adlnet.gov/expapi/verbs/${verb}`;
const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';

let lms: PreviewLms;
let dir: string;
let server: RunningServer;
let browser: Browser;
let admin: Client;
let index: CourseIndex;
let modules: ModuleData[];
const testStart = Date.now();

// ---------------------------------------------------------------------------------------------------------------
// The built course, read as the learners' player reads it: the keys to answer right or wrong on purpose.

const quizzes = () => modules.flatMap((m) => m.items.flatMap((i) => (i.kind === 'quiz' ? [i.quiz] : [])));
const roleplays = () => modules.flatMap((m) => m.items.flatMap((i) => (i.kind === 'roleplay' ? [i.roleplay] : [])));
const questionsOf = (quiz: Quiz) => quiz.pools.flatMap((p) => p.questions);
const allQuestions = () => quizzes().flatMap(questionsOf);
const rp = (id: string): RolePlay => roleplays().find((r) => r.id === id)!;
const quiz = (id: string): Quiz => quizzes().find((q) => q.id === id)!;
const finalQuiz = () => quizzes().find((q) => q.final)!;

/** An answer to a question: what the learner does on screen and the response in xAPI notation it should send. */
interface Answer {
  /** Option ids to tick (choice, true-false) or the text to type (fill-in). */
  pick: string[] | { text: string };
  response: string;
}

function answerFor(question: Question, right: boolean): Answer {
  switch (question.type) {
    case 'single': {
      const id = right ? question.answer : question.options.find((o) => o.id !== question.answer)!.id;
      return { pick: [id], response: id };
    }
    case 'multiple': {
      const ids = right
        ? [...question.answer]
        : question.options.filter((o) => !question.answer.includes(o.id)).map((o) => o.id);
      const ordered = question.options.map((o) => o.id).filter((id) => ids.includes(id));
      return { pick: ordered, response: ordered.join('[,]') };
    }
    case 'true-false': {
      const value = right ? question.answer : !question.answer;
      return { pick: [String(value)], response: String(value) };
    }
    case 'fill-in': {
      const text = right ? question.answer[0]! : '喂';
      return { pick: { text }, response: text };
    }
    default:
      throw new Error(`this test does not answer ${question.type} questions`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The ledger: what each learner did, written down as it happens.

interface Session {
  registration: string;
  /** Before the launch was asked for. */
  start: number;
  /** The player on screen (the tracking runtime started before this). */
  shown: number;
  /** Just before the tab was closed (the session ends after this). */
  leaving: number;
  /** Once the LRS holds the session's terminated statement. */
  end: number;
}

interface Try {
  questionId: string;
  quizId: string;
  response: string;
  correct: boolean;
  first: boolean;
}

interface Ledger {
  name: string;
  account: string;
  standard: 'cmi5' | 'xapi';
  sessions: Session[];
  pages: string[];
  tries: Try[];
  choices: { roleplayId: string; nodeId: string; replyId: string }[];
  endings: { roleplayId: string; endingId: string }[];
  /** Scores shown on the result screen of every submitted attempt, per quiz, in order. */
  scores: Record<string, number[]>;
  /** Answers given in a final-assessment attempt that was never submitted. */
  unsubmitted: string[];
}

function newLedger(name: string, account: string, standard: 'cmi5' | 'xapi'): Ledger {
  return {
    name,
    account,
    standard,
    sessions: [],
    pages: [],
    tries: [],
    choices: [],
    endings: [],
    scores: {},
    unsubmitted: [],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// A learner at work: the course's own screens, driven by the ledger's plan.

class Learner {
  page!: Page;
  private context: BrowserContext | null = null;
  private session: Session | null = null;

  constructor(readonly ledger: Ledger) {}

  get frame(): Frame {
    return this.page.mainFrame();
  }

  /** Launches the course from the preview LMS, as the learner's LMS would (same registration on a relaunch). */
  async launch(): Promise<void> {
    const start = Date.now();
    if (!this.context) {
      this.context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
      // Five learners at once on a busy CI machine: a first launch can take longer than Playwright's 30 s default.
      this.context.setDefaultTimeout(90_000);
    }
    const response = await fetch(`${server.url}lms/api/launches`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: this.ledger.name, account: this.ledger.account, standard: this.ledger.standard }),
    });
    expect(response.status).toBe(201);
    const { launch } = (await response.json()) as { launch: { url: string; registration: string } };
    this.page = await this.context.newPage();
    await this.page.goto(launch.url);
    await this.page.locator('course-player article :is(course-page, course-quiz, role-play)').first().waitFor();
    this.session = { registration: launch.registration, start, shown: Date.now(), leaving: 0, end: 0 };
  }

  /** Opens an item by its address, as a bookmark or the table of contents does. */
  async visit(moduleId: string, itemId: string): Promise<void> {
    await this.frame.evaluate((h) => (location.hash = h), `#/${moduleId}/${itemId}`);
    await this.page.waitForFunction((h) => location.hash === h, `#/${moduleId}/${itemId}`);
    await this.frame.locator('course-player article :is(course-page, course-quiz, role-play)').first().waitFor();
    this.ledger.pages.push(itemId);
  }

  /** Plays a role-play run to its ending, taking the given replies in order. */
  async playRolePlay(roleplayId: string, replies: string[]): Promise<void> {
    const roleplay = this.frame.locator('role-play');
    const model = rp(roleplayId);
    const restart = roleplay.getByRole('button', { name: '重新开始' });
    if (await restart.count()) await restart.click();
    let nodeId = model.start;
    for (const replyId of replies) {
      const node = model.nodes.find((n) => n.id === nodeId)!;
      const reply = node.replies!.find((r) => r.id === replyId)!;
      await roleplay.locator('label.option').filter({ hasText: reply.text }).locator('input').check();
      await roleplay.getByRole('button', { name: '确定', exact: true }).click();
      this.ledger.choices.push({ roleplayId, nodeId, replyId });
      nodeId = reply.next;
      // The feedback on the reply shows first; the learner goes on to the customer's next line or the ending.
      await roleplay.getByRole('button', { name: '继续' }).click();
      const next = model.nodes.find((n) => n.id === nodeId)!;
      if (next.ending) {
        await expect
          .poll(() => roleplay.locator('#ending-heading').innerText(), { timeout: 60_000 })
          .toContain(next.ending.title);
        this.ledger.endings.push({ roleplayId, endingId: nodeId });
        return;
      }
    }
    throw new Error(`the replies ${replies.join(', ')} do not reach an ending of ${roleplayId}`);
  }

  /** The drawn question on screen, found in the built course by its prompt. */
  private async questionOnScreen(quizId: string): Promise<Question> {
    const prompt = await this.frame
      .locator('course-question [part=prompt], course-question .prompt')
      .first()
      .innerText();
    const question = questionsOf(quiz(quizId)).find((q) => prompt.includes(q.prompt.replace(/\*\*/g, '')));
    if (!question) throw new Error(`no question of ${quizId} has the prompt ${prompt}`);
    return question;
  }

  private async give(answer: Answer): Promise<void> {
    const question = this.frame.locator('course-question');
    if (Array.isArray(answer.pick)) {
      const boxes = question.locator('input[type=checkbox]');
      for (const box of await boxes.all()) if (await box.isChecked()) await box.uncheck();
      for (const id of answer.pick) await question.locator(`input[value="${id}"]`).check();
    } else {
      await question.locator('input[type=text]').fill(answer.pick.text);
    }
  }

  /**
   * Takes one attempt at a quiz: `plan` says, per question on screen (by id), whether each try is right; a chapter
   * quiz checks each try on the spot, the final assessment marks everything on submission. Returns the score shown.
   * With `submit: false` the learner answers and walks away without submitting.
   */
  async takeQuiz(quizId: string, plan: Record<string, boolean[]>, submit = true): Promise<number | null> {
    const model = quiz(quizId);
    await this.frame.getByRole('button', { name: /开始测验|重新测验/ }).click();
    for (;;) {
      const question = await this.questionOnScreen(quizId);
      const tries = plan[question.id] ?? [true];
      for (const [i, right] of tries.entries()) {
        const answer = answerFor(question, right);
        if (i > 0) await this.frame.getByRole('button', { name: '再试一次' }).click();
        await this.give(answer);
        if (model.final) {
          if (submit)
            this.ledger.tries.push({
              questionId: question.id,
              quizId,
              response: answer.response,
              correct: right,
              first: true,
            });
          else this.ledger.unsubmitted.push(question.id);
          break;
        }
        await this.frame.getByRole('button', { name: '检查答案' }).click();
        await this.frame
          .locator('course-question [part=feedback]')
          .filter({ hasText: right ? '回答正确' : /回答不正确|部分正确/ })
          .waitFor();
        this.ledger.tries.push({
          questionId: question.id,
          quizId,
          response: answer.response,
          correct: right,
          first: i === 0,
        });
      }
      const next = this.frame.getByRole('button', { name: '下一题' });
      if (await next.count()) await next.click();
      else break;
    }
    if (!submit) return null;
    await this.frame.getByRole('button', { name: '提交测验' }).click();
    const confirm = this.frame.getByRole('button', { name: '确定提交' });
    if (await confirm.isVisible()) await confirm.click();
    await this.frame.getByRole('heading', { name: '测验结果' }).waitFor();
    const shown = await this.frame.locator('course-quiz [part=score] .percent').innerText();
    const score = Number(shown.replace('%', ''));
    (this.ledger.scores[quizId] ??= []).push(score);
    return score;
  }

  /** Closes the tab once everything is saved, and waits for the session's terminated statement in the LRS. */
  async leave(): Promise<void> {
    const session = this.session!;
    await expect.poll(async () => (await queuedStatementIds(this.page)).length, { timeout: 60_000 }).toBe(0);
    session.leaving = Date.now();
    await this.page.goto('about:blank');
    const sessionsBefore = this.ledger.sessions.filter((s) => s.registration === session.registration).length;
    await expect
      .poll(
        async () => (await statementsOf(session.registration)).filter((s) => s.verb.id === V('terminated')).length,
        {
          timeout: 60_000,
        },
      )
      .toBe(sessionsBefore + 1);
    session.end = Date.now();
    this.ledger.sessions.push(session);
    this.session = null;
    await this.page.close();
  }

  async close(): Promise<void> {
    await this.context?.close();
  }
}

interface Stmt {
  id: string;
  actor: { name?: string; account?: { name: string } };
  verb: { id: string };
  object: { id: string; objectType?: string };
  timestamp: string;
  result?: { success?: boolean; response?: string; score?: object; extensions?: Record<string, unknown> };
  context?: {
    registration?: string;
    contextActivities?: Record<string, { id: string }[]>;
    extensions?: Record<string, unknown>;
  };
}

async function statementsOf(registration: string): Promise<Stmt[]> {
  const response = await admin.request('GET', `statements?registration=${registration}&ascending=true&limit=1000`);
  return ((await response.json()) as { statements: Stmt[] }).statements;
}

// ---------------------------------------------------------------------------------------------------------------
// The five learners.

const ledgers = {
  complete: newLedger('李明', 'liming', 'cmi5'),
  retake: newLedger('王芳', 'wangfang', 'cmi5'),
  midway: newLedger('Sam Carter', 'scarter', 'xapi'),
  noFinal: newLedger('陈静', 'chenjing', 'xapi'),
  chinese: newLedger('张伟', 'zhangwei', 'xapi'),
};

/** Every page, both role-plays met, the chapter quiz passed: what completes the basics and phone modules. */
async function doChapters(learner: Learner, basicsPlan: Record<string, boolean[]>[]): Promise<void> {
  await learner.visit('basics', 'basics-service');
  await learner.visit('basics', 'rp-fixture-weather');
  await learner.playRolePlay('rp-fixture-weather', ['calm', 'offer']);
  await learner.visit('basics', 'rp-fixture-queue');
  await learner.playRolePlay('rp-fixture-queue', ['listen']);
  await learner.visit('basics', 'basics-quiz');
  for (const plan of basicsPlan) await learner.takeQuiz('basics-quiz', plan);
  await learner.visit('phone', 'phone-greeting');
}

/** Right or wrong for whichever final-assessment question is drawn. */
const finalPlan = (right: boolean) => Object.fromEntries(questionsOf(finalQuiz()).map((q) => [q.id, [right]]));

async function runLearners(): Promise<void> {
  const complete = new Learner(ledgers.complete);
  const retake = new Learner(ledgers.retake);
  const midway = new Learner(ledgers.midway);
  const noFinal = new Learner(ledgers.noFinal);
  const chinese = new Learner(ledgers.chinese);
  const finalItem = index.finalAssessment!;

  const runs = [
    // 1. Everything, the chapter quiz right first time, the final assessment passed.
    (async () => {
      await complete.launch();
      await doChapters(complete, [{ 'basics-q1': [true], 'basics-q2': [true] }]);
      await complete.visit(finalItem.id, finalItem.items[0]!.id);
      await complete.takeQuiz(finalItem.items[0]!.id, finalPlan(true));
      await complete.leave();
    })(),
    // 2. A bad ending before the good one, a wrong first try, the final failed; passed in a second session.
    (async () => {
      await retake.launch();
      await retake.visit('basics', 'basics-service');
      await retake.visit('basics', 'rp-fixture-weather');
      await retake.playRolePlay('rp-fixture-weather', ['argue']);
      await retake.playRolePlay('rp-fixture-weather', ['calm', 'offer']);
      await retake.visit('basics', 'rp-fixture-queue');
      await retake.playRolePlay('rp-fixture-queue', ['listen']);
      await retake.visit('basics', 'basics-quiz');
      // A right second try earns half the credit: 75 %, under the pass mark; the next attempt is right first time.
      await retake.takeQuiz('basics-quiz', { 'basics-q1': [false, true], 'basics-q2': [true] });
      await retake.takeQuiz('basics-quiz', { 'basics-q1': [true], 'basics-q2': [true] });
      await retake.visit('phone', 'phone-greeting');
      await retake.visit(finalItem.id, finalItem.items[0]!.id);
      await retake.takeQuiz(finalItem.items[0]!.id, finalPlan(false));
      await retake.leave();
      // A nightly run while others are still learning: the incremental run at the end starts from its state.
      await report(join(dir, 'report-first'), '--state', join(dir, 'state.json'));
      await retake.launch();
      await retake.visit(finalItem.id, finalItem.items[0]!.id);
      await retake.takeQuiz(finalItem.items[0]!.id, finalPlan(true));
      await retake.leave();
    })(),
    // 3. Stops midway: a page, a bad role-play ending, the chapter quiz failed (a true/false question has one try).
    (async () => {
      await midway.launch();
      await midway.visit('basics', 'basics-service');
      await midway.visit('basics', 'rp-fixture-weather');
      await midway.playRolePlay('rp-fixture-weather', ['calm', 'shrug']);
      await midway.visit('basics', 'basics-quiz');
      await midway.takeQuiz('basics-quiz', { 'basics-q1': [false, false], 'basics-q2': [false] });
      await midway.leave();
    })(),
    // 4. The chapters done (chapter quiz failed once, then passed), the final assessment answered but not submitted.
    (async () => {
      await noFinal.launch();
      await doChapters(noFinal, [
        { 'basics-q1': [true], 'basics-q2': [false] },
        { 'basics-q1': [true], 'basics-q2': [true] },
      ]);
      await noFinal.visit(finalItem.id, finalItem.items[0]!.id);
      await noFinal.takeQuiz(finalItem.items[0]!.id, finalPlan(true), false);
      await noFinal.leave();
    })(),
    // 5. A Chinese name, everything done and passed, the weather role-play's bad ending on the way. Nobody
    // blames others in the queue role-play: that reply and its ending stay at zero in items.csv.
    (async () => {
      await chinese.launch();
      await chinese.visit('basics', 'basics-service');
      await chinese.visit('basics', 'rp-fixture-weather');
      await chinese.playRolePlay('rp-fixture-weather', ['argue']);
      await doChapters(chinese, [
        { 'basics-q1': [true], 'basics-q2': [false] },
        { 'basics-q1': [false, true], 'basics-q2': [true] },
        { 'basics-q1': [true], 'basics-q2': [true] },
      ]);
      await chinese.visit(finalItem.id, finalItem.items[0]!.id);
      await chinese.takeQuiz(finalItem.items[0]!.id, finalPlan(true));
      await chinese.leave();
    })(),
  ];
  try {
    await Promise.all(runs);
  } finally {
    for (const learner of [complete, retake, midway, noFinal, chinese]) await learner.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Expected figures, from the ledger alone.

const PASS = 80;

function modulesDone(ledger: Ledger): string[] {
  return index.modules
    .filter((m) =>
      m.items.every((item) => {
        if (item.kind === 'page') return ledger.pages.includes(item.id);
        if (item.kind === 'quiz') return (ledger.scores[item.id] ?? []).some((s) => s >= PASS);
        if (item.kind === 'roleplay' && item.required) {
          return ledger.endings.some(
            (e) =>
              e.roleplayId === item.id &&
              rp(item.id).nodes.find((n) => n.id === e.endingId)?.ending?.outcome === 'good',
          );
        }
        return true;
      }),
    )
    .map((m) => m.id);
}

/** A time as HR reads it in the CSV (China Standard Time, to the minute), for bounds. */
function minuteCst(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function durationSeconds(text: string): number {
  const [h, m, s] = text.split(':').map(Number);
  return h! * 3600 + m! * 60 + s!;
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** One completion.csv row from a ledger, with the time cells checked against bounds instead. */
function expectedCompletion(ledger: Ledger): (string | ((cell: string) => void))[] {
  const finalScores = ledger.scores[finalQuiz().id] ?? [];
  const done = modulesDone(ledger);
  const registrations = [...new Set(ledger.sessions.map((s) => s.registration))].sort();
  const first = Math.min(...ledger.sessions.map((s) => s.start));
  const last = Math.max(...ledger.sessions.map((s) => s.end));
  const lastSession = ledger.sessions.at(-1)!;
  const upper = ledger.sessions.reduce((n, s) => n + (s.end - s.start), 0) / 1000;
  const lower = ledger.sessions.reduce((n, s) => n + (s.leaving - s.shown), 0) / 1000;
  return [
    ledger.name,
    ledger.account,
    registrations.join(' '),
    `${done.length}/${index.modules.length}`,
    done.length === index.modules.length && finalScores.length > 0 ? '是' : '否',
    finalScores.length === 0 ? '未参加' : finalScores.some((s) => s >= PASS) ? '通过' : '未通过',
    finalScores.length ? String(Math.max(...finalScores)) : '',
    finalScores.length ? String(finalScores.at(-1)) : '',
    String(finalScores.length),
    (cell) => {
      expect(cell).toMatch(/^\d+:\d\d:\d\d$/);
      expect(durationSeconds(cell)).toBeGreaterThanOrEqual(Math.floor(lower));
      expect(durationSeconds(cell)).toBeLessThanOrEqual(Math.ceil(upper));
    },
    (cell) => {
      expect(cell >= minuteCst(Math.max(first, testStart))).toBe(true);
      expect(cell <= minuteCst(ledger.sessions[0]!.end)).toBe(true);
    },
    (cell) => {
      expect(cell >= minuteCst(lastSession.start)).toBe(true);
      expect(cell <= minuteCst(last)).toBe(true);
    },
  ];
}

function expectedItems(all: Ledger[]): string[][] {
  const tries = all.flatMap((l) => l.tries);
  const choices = all.flatMap((l) => l.choices);
  const endings = all.flatMap((l) => l.endings);
  const rows: string[][] = [];
  for (const q of quizzes()) {
    for (const question of questionsOf(q)) {
      const mine = tries.filter((t) => t.questionId === question.id);
      const first = mine.filter((t) => t.first);
      const wrong = new Map<string, number>();
      for (const t of mine.filter((x) => !x.correct)) wrong.set(t.response, (wrong.get(t.response) ?? 0) + 1);
      const words = (response: string) =>
        response
          .split('[,]')
          .map((id) => {
            if (question.type === 'true-false') return id === 'true' ? '对' : '错';
            if (question.type === 'single' || question.type === 'multiple')
              return question.options.find((o) => o.id === id)!.text;
            return id;
          })
          .join('；');
      const top = [...wrong.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 3)
        .map(([response, count]) => `${words(response)} ×${count}`)
        .join('；');
      rows.push([
        '题目',
        question.id,
        q.title,
        question.prompt,
        String(mine.length),
        String(first.length),
        first.length ? percent(first.filter((t) => t.correct).length / first.length) : '',
        top,
      ]);
    }
  }
  for (const r of roleplays()) {
    for (const node of r.nodes.filter((n) => n.replies)) {
      const taken = choices.filter((c) => c.roleplayId === r.id && c.nodeId === node.id);
      rows.push([
        '角色扮演决策',
        `${r.id}/${node.id}`,
        r.title,
        node.line ?? node.narration ?? '',
        String(taken.length),
        '',
        '',
        node
          .replies!.map(
            (reply) =>
              `${reply.text}${reply.harmful ? '（有害）' : ''} ×${taken.filter((c) => c.replyId === reply.id).length}`,
          )
          .join('；'),
      ]);
    }
  }
  const outcomes: Record<string, string> = { good: '好', neutral: '一般', bad: '差' };
  for (const r of roleplays()) {
    for (const node of r.nodes.filter((n) => n.ending)) {
      rows.push([
        '角色扮演结局',
        `${r.id}/${node.id}`,
        r.title,
        `${node.ending!.title}（${outcomes[node.ending!.outcome]}）`,
        String(endings.filter((e) => e.roleplayId === r.id && e.endingId === node.id).length),
        '',
        '',
        '',
      ]);
    }
  }
  return rows;
}

/** RFC 4180 CSV as the report writes it (BOM, CRLF, quoted cells), read back as rows of cells. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(cell), (cell = ''));
    else if (c === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

/** `npm run report` against the embedded LRS, for the fixture course, into `out`. */
async function report(out: string, ...args: string[]): Promise<void> {
  const { code, stderr } = await runCli([
    '--endpoint',
    server.endpoint,
    '--user',
    server.credentials.key,
    '--password',
    server.credentials.secret,
    '--course',
    join(dir, 'dist', 'content'),
    '--out',
    out,
    ...args,
  ]);
  expect(code, stderr).toBe(0);
}

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'report/cli.ts', ...args], { cwd: process.cwd() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// ---------------------------------------------------------------------------------------------------------------

beforeAll(async () => {
  lms = await startPreviewLms('report-real-runs-', validFixture);
  ({ dir, server, admin, browser } = lms);
  const content = join(dir, 'dist', 'content');
  index = JSON.parse(readFileSync(join(content, 'course.json'), 'utf8')) as CourseIndex;
  modules = [...index.modules, ...(index.finalAssessment ? [index.finalAssessment] : [])].map(
    (m) => JSON.parse(readFileSync(join(content, m.href), 'utf8')) as ModuleData,
  );
}, 300_000);

afterAll(() => lms?.close());

describe('the report from real runs of the course', { timeout: 600_000 }, () => {
  it('five learners play the course; every figure of completion.csv and items.csv follows from what they did', async () => {
    await runLearners();
    const all = Object.values(ledgers);

    // What the tracking runtime really sent is the vocabulary the report reads.
    const sent = (
      await Promise.all([...new Set(all.flatMap((l) => l.sessions.map((s) => s.registration)))].map(statementsOf))
    ).flat();
    const vocabulary = checkVocabulary(sent);

    const out = join(dir, 'report');
    await report(out);

    const completion = parseCsv(readFileSync(join(out, 'completion.csv'), 'utf8'));
    expect(completion[0]).toEqual([
      '姓名',
      '账号或邮箱',
      '注册号',
      '完成模块',
      '课程完成',
      '是否通过',
      '最高分',
      '最近得分',
      '测评次数',
      '学习时长',
      '首次学习',
      '最近学习',
    ]);
    const bodyRows = completion.slice(1);
    const expectedOrder = [...all].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')).map((l) => l.name);
    expect(bodyRows.map((r) => r[0])).toEqual(expectedOrder);
    let checked = 0;
    for (const ledger of all) {
      const row = bodyRows.find((r) => r[0] === ledger.name)!;
      const expected = expectedCompletion(ledger);
      expect(row).toHaveLength(expected.length);
      expected.forEach((want, i) => {
        if (typeof want === 'string') expect(row[i], `${ledger.name}: column ${completion[0]![i]}`).toBe(want);
        else want(row[i]!);
        checked++;
      });
    }

    const items = parseCsv(readFileSync(join(out, 'items.csv'), 'utf8'));
    expect(items[0]).toEqual([
      '类别',
      'ID',
      '测验',
      '题干 / 客户说的话',
      '作答次数',
      '首次作答数',
      '首次答对率',
      '最常见的错误答案',
    ]);
    const wantItems = expectedItems(all);
    expect(items.slice(1).map((r) => r[1])).toEqual(wantItems.map((r) => r[1]));
    for (const [i, want] of wantItems.entries()) {
      expect(items[i + 1], `items.csv ${want[1]}`).toEqual(want);
      checked += want.length;
    }
    // An item nobody reached shows zero.
    expect(items.find((r) => r[1] === 'rp-fixture-queue/angry')?.[4]).toBe('0');
    expect(vocabulary).toEqual([]);

    // The incremental run (state saved midway, while learners were still sending) gives the full run's figures.
    await report(join(dir, 'report-next'), '--state', join(dir, 'state.json'));
    for (const file of ['completion.csv', 'items.csv'])
      expect(readFileSync(join(dir, 'report-next', file), 'utf8'), file).toBe(readFileSync(join(out, file), 'utf8'));
    console.info(
      `report from real runs: ${all.length} learners, ${all.reduce((n, l) => n + l.sessions.length, 0)} sessions, ${sent.length} statements; ${checked} cells checked (${bodyRows.length} completion rows, ${wantItems.length} item rows)`,
    );
  });
});

/**
 * Every statement the course sent is one the report knows how to read: its verbs, and activity ids under the course
 * IRI naming an item of the right kind (`/modules/<id>`, `/pages/<page>`, `/quizzes/<quiz>`, `/roleplays/<rp>`,
 * `/questions/<id>`, `/roleplays/<rp>/nodes/<node>`), and every one valid xAPI.
 */
function checkVocabulary(sent: Stmt[]): string[] {
  const problems: string[] = [];
  const iri = index.id;
  const kinds: Record<string, Set<string>> = {
    modules: new Set(index.modules.map((m) => m.id)),
    pages: new Set(modules.flatMap((m) => m.items.filter((i) => i.kind === 'page').map((i) => i.id))),
    quizzes: new Set(quizzes().map((q) => q.id)),
    roleplays: new Set(roleplays().map((r) => r.id)),
    questions: new Set(allQuestions().map((q) => q.id)),
  };
  const allowed: Record<string, string[]> = {
    modules: ['completed'],
    pages: ['experienced'],
    quizzes: ['experienced'],
    roleplays: ['experienced', 'completed'],
    questions: ['answered'],
  };
  const courseVerbs = [
    'launched',
    'initialized',
    'progressed',
    'completed',
    'passed',
    'failed',
    'terminated',
    'satisfied',
  ];
  const seen = new Set<string>();
  for (const s of sent) {
    const what = `${s.verb.id.split('/').pop()} ${s.object.id}`;
    const invalid = validateStatement(s);
    if (invalid.length) problems.push(`${what}: not valid xAPI: ${JSON.stringify(invalid)}`);
    const verb = s.verb.id.split('/').pop()!;
    const cmi5 = s.context?.contextActivities?.category?.some((c) => c.id === CMI5_CATEGORY) === true;
    if (s.object.id === iri || (cmi5 && !s.object.id.startsWith(`${iri}/`))) {
      // The course itself: under xAPI the course IRI; under cmi5 the LMS's id for the AU, with the IRI in grouping.
      if (cmi5 && !s.context?.contextActivities?.grouping?.some((a) => a.id === iri))
        problems.push(`${what}: a cmi5 statement without the course IRI in grouping`);
      if (!courseVerbs.includes(verb)) problems.push(`${what}: an unexpected verb for the course`);
      seen.add(`course ${verb}`);
      continue;
    }
    if (!s.object.id.startsWith(`${iri}/`)) {
      problems.push(`${what}: not under the course IRI`);
      continue;
    }
    const [kind, id, sub, node, ...rest] = s.object.id
      .slice(iri.length + 1)
      .split('/')
      .map(decodeURIComponent);
    if (rest.length > 0 || !kind || !id || !kinds[kind]?.has(id)) {
      problems.push(`${what}: names no ${kind ?? ''} of the course`);
      continue;
    }
    if (sub !== undefined) {
      const decision = rp(id).nodes.find((n) => n.id === node)?.replies;
      if (kind !== 'roleplays' || sub !== 'nodes' || verb !== 'answered' || !decision)
        problems.push(`${what}: not a role-play decision answered`);
      seen.add('roleplays/nodes answered');
      continue;
    }
    if (!allowed[kind]!.includes(verb)) problems.push(`${what}: an unexpected verb for ${kind}`);
    seen.add(`${kind} ${verb}`);
  }
  // The report counts the course's completed once per learner and one final-assessment attempt per judgement: a
  // registration completes the course once, and never judges the same result twice (a relaunch restores it).
  const byRegistration = new Map<string, Stmt[]>();
  for (const s of sent)
    byRegistration.set(s.context?.registration ?? '', [
      ...(byRegistration.get(s.context?.registration ?? '') ?? []),
      s,
    ]);
  for (const [registration, list] of byRegistration) {
    const course = list.filter((s) => s.object.id === iri || !s.object.id.startsWith(`${iri}/`));
    const completed = course.filter((s) => s.verb.id === V('completed'));
    if (completed.length > 1) problems.push(`${registration}: the course completed ${completed.length} times`);
    const judged = course
      .filter((s) => s.verb.id === V('passed') || s.verb.id === V('failed'))
      .sort((a, b) => a.timestamp.localeCompare(b.timestamp))
      .map((s) => `${s.verb.id.split('/').pop()} ${JSON.stringify(s.result?.score)}`);
    judged.forEach((j, i) => {
      if (i > 0 && j === judged[i - 1]) problems.push(`${registration}: ${j} judged twice`);
    });
  }
  // Every kind of statement the report counts, and every kind of visit, was really sent.
  for (const wanted of [
    'course completed',
    'course passed',
    'course failed',
    'course terminated',
    'modules completed',
    'questions answered',
    'roleplays/nodes answered',
    'roleplays completed',
    'pages experienced',
    'quizzes experienced',
    'roleplays experienced',
  ])
    if (!seen.has(wanted)) problems.push(`never sent: ${wanted}`);
  return problems;
}
