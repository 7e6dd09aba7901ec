import { expect, fixture, html, oneEvent, waitUntil as waitFor } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { parse } from 'yaml';
import type { Outline, PatchYamlRequest, ValidateRequest } from '../../core/studio-api.js';
import type { Quiz } from '../../core/types.js';
import { diagnostic, stubApi, type ApiStub } from '../editor-support/api-stub.js';
import { deepActiveElement } from '../../components/shared/test-helpers.js';
import './define.js';
import type { StudioQuizEditor } from './quiz-editor.js';

/** waitUntil with room for a busy machine (validation waits for a pause in typing first). */
function waitUntil(predicate: () => unknown, message?: string): Promise<void> {
  return waitFor(predicate, message, { timeout: 10000 });
}

const QUIZ = 'quizzes/m1.yaml';

const QUIZ_TEXT = `# 第一章测验
id: m1-quiz
title: 第一章测验
module: m1
passingScore: 80
pools:
  - id: m1-pool
    questions:
      - id: m1-q1
        type: single
        objective: m1-o1
        prompt: 服务的特性是什么？
        options:
          - id: a
            text: 无形性
            feedback: 对。
          - id: b
            text: 可存储
            feedback: 不对。
        answer: a

      - id: m1-q2
        type: fill-in
        prompt: 填空________。
        answer: [不可存储性]
        feedback:
          correct: 对。
          incorrect: 再想想。
`;

const OUTLINE: Outline = {
  course: {
    path: 'course.yaml',
    id: 'c',
    title: '课程',
    passingScore: 80,
    completion: {} as Outline['course']['completion'],
    language: 'zh-CN',
  },
  modules: [
    {
      id: 'm1',
      folder: '01-m1',
      path: 'modules/01-m1/module.yaml',
      title: '第一章',
      items: [],
      quiz: { id: 'm1-quiz', title: '第一章测验', path: QUIZ },
    },
  ],
  seeds: [],
  problems: [],
};

const MODULE_TEXT = `id: m1
title: 第一章
objectives:
  - id: m1-o1
    text: 说出服务的特性
  - id: m1-o2
    text: 区分客服类型
`;

/** The runtime quiz as the build would emit it, for the preview. */
function runtime(text: string): Quiz {
  const data = parse(text) as Partial<Quiz>;
  const defaults = { attempts: 0, questionAttempts: 1, revealAnswer: 'after-last-attempt', shuffle: false };
  return { ...defaults, ...data } as Quiz;
}

function stub(options: Partial<Parameters<typeof stubApi>[0]> = {}): ApiStub {
  return stubApi({
    files: { [QUIZ]: QUIZ_TEXT, 'modules/01-m1/module.yaml': MODULE_TEXT },
    outline: OUTLINE,
    renderQuiz: (text) => ({ quiz: runtime(text), problems: [] }),
    ...options,
  });
}

async function open(): Promise<StudioQuizEditor> {
  const el = await fixture<StudioQuizEditor>(
    html`<studio-quiz-editor schema-base="/schemas/" path=${QUIZ}></studio-quiz-editor>`,
  );
  await waitUntil(() => el.shadowRoot?.querySelector('#settings-heading'), 'the quiz opens');
  return el;
}

const $ = <T extends Element = HTMLElement>(el: StudioQuizEditor, selector: string): T =>
  el.shadowRoot!.querySelector<T>(selector) as T;

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string, event = 'input'): void {
  input.value = value;
  input.dispatchEvent(new Event(event, { bubbles: true }));
}

function validations(api: ApiStub): string[] {
  return api.requests
    .filter((r) => r.path === '/api/validate')
    .map((r) => (r.body as ValidateRequest).changes[0]!.text);
}

describe('studio-quiz-editor', function () {
  // axe over the whole editor (settings, questions, preview) takes a while on a busy machine.
  this.timeout(60000);
  let api: ApiStub;
  afterEach(() => api.restore());

  it('shows the settings from the schema and the questions, and is accessible', async () => {
    api = stub();
    const el = await open();
    const passing = $<HTMLInputElement>(el, '[data-field="passingScore"] input');
    expect(passing.value).to.equal('80');
    expect(passing.min).to.equal('0');
    expect(passing.max).to.equal('100');
    expect($(el, '[data-field="feedback"] select').textContent).to.contain('after-submit');
    const items = el.shadowRoot!.querySelectorAll('.question-item');
    expect(items).to.have.length(2);
    expect(items[0]!.textContent).to.contain('服务的特性是什么');
    await expect(el).to.be.accessible();
  });

  it('saves a changed prompt as one edit, after validating it, and reports dirty and saved', async () => {
    api = stub();
    const el = await open();
    $<HTMLButtonElement>(el, '#q-0-0-open').click();
    await el.updateComplete;
    const dirty = oneEvent(el, 'studio-dirty');
    type($(el, '[data-field="pools.0.questions.0.prompt"] textarea'), '服务有哪些特性？');
    expect((await dirty).detail).to.deep.equal({ path: QUIZ, dirty: true });
    await waitUntil(
      () => validations(api).some((t) => t.includes('服务有哪些特性？')),
      'validated with the edited text',
    );
    const saved = oneEvent(el, 'studio-saved');
    $<HTMLButtonElement>(el, '.bar .primary').click();
    expect((await saved).detail.path).to.equal(QUIZ);
    const patch = api.requests.find((r) => r.method === 'PATCH')!.body as PatchYamlRequest;
    expect(patch.edits).to.deep.equal([
      { op: 'set', at: ['pools', 0, 'questions', 0, 'prompt'], value: '服务有哪些特性？' },
    ]);
    expect(api.files[QUIZ]).to.equal(QUIZ_TEXT.replace('服务的特性是什么？', '服务有哪些特性？'));
    await waitUntil(() => $<HTMLButtonElement>(el, '.bar .primary').disabled, 'nothing left to save');
    // Undo the save: the earlier text is saved back as it was, and the form shows it.
    const undoSave = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.bar button')[1]!;
    expect(undoSave.textContent).to.contain('撤销上次保存');
    undoSave.click();
    await waitUntil(() => api.files[QUIZ] === QUIZ_TEXT, 'the earlier text saved back');
    await waitUntil(
      () =>
        $<HTMLTextAreaElement>(el, '[data-field="pools.0.questions.0.prompt"] textarea').value === '服务的特性是什么？',
    );
    expect(api.requests.filter((r) => r.method === 'PUT')).to.have.length(1);
  });

  it("shows the build's message at the field on its line", async () => {
    api = stub({
      validate: (text) => (text.includes('answer: b') ? [diagnostic(QUIZ, 20, '答案不在选项中')] : []),
    });
    const el = await open();
    $<HTMLButtonElement>(el, '#q-0-0-open').click();
    await el.updateComplete;
    const pickB = el.shadowRoot!.querySelectorAll<HTMLInputElement>(
      '[data-field="pools.0.questions.0.answer"] input',
    )[1]!;
    pickB.click();
    await waitUntil(() => $(el, 'fieldset[data-field="pools.0.questions.0.answer"] .problems'), 'problem placed');
    expect($(el, 'fieldset[data-field="pools.0.questions.0.answer"] .problems').textContent).to.contain(
      '答案不在选项中',
    );
    expect($(el, '#q-0-0-open .badge').textContent).to.contain('1');
    expect($(el, '.problem-summary').textContent).to.contain(`${QUIZ}:20`);
    await expect(el).to.be.accessible();
  });

  it('keeps the form when a save is refused, and shows why', async () => {
    // The build refuses the save and reports the same problem when the form's text is validated.
    const tooHigh = (text: string) =>
      text.includes('passingScore: 101') ? [diagnostic(QUIZ, 5, '及格线不能超过 100')] : [];
    api = stub({ refuse: tooHigh, validate: tooHigh });
    const el = await open();
    type($(el, '[data-field="passingScore"] input'), '101', 'change');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '.bar .primary').click();
    await waitUntil(() => $(el, '[role="alert"]'), 'refusal shown');
    expect($(el, '[data-field="passingScore"] .problems').textContent).to.contain('及格线不能超过 100');
    expect($<HTMLInputElement>(el, '[data-field="passingScore"] input').value).to.equal('101');
    expect(api.files[QUIZ]).to.equal(QUIZ_TEXT);
    expect($<HTMLButtonElement>(el, '.bar .primary').disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('adds a single-choice question by keyboard, picks its answer and previews it with every feedback', async () => {
    api = stub();
    const el = await open();
    $<HTMLButtonElement>(el, '#pool-0-add').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActiveElement()?.id === 'question-heading', 'focus on the new question');
    expect($(el, '#question-heading').textContent).to.contain('第 3 题');
    // The answer is picked from the options, by keyboard.
    const radios = el.shadowRoot!.querySelectorAll<HTMLInputElement>('[data-field="pools.0.questions.2.answer"] input');
    radios[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(
      (el.shadowRoot!.querySelector('[data-field="pools.0.questions.2.answer"] input:checked') as HTMLInputElement)
        .nextElementSibling!.textContent,
    ).to.contain('b.');
    await waitUntil(() => $(el, 'course-question'), 'preview shown');
    const preview = (): HTMLElement & { question: { id: string; answer: string } } => $(el, 'course-question');
    await waitUntil(() => preview().question.answer === 'b', 'the preview shows the edited answer');
    expect(preview().question.id).to.equal('m1-q');
    $<HTMLInputElement>(el, '.preview input[type="checkbox"]').click();
    await el.updateComplete;
    expect($(el, '.all-feedback').textContent).to.contain('选项二');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '.bar .primary').click();
    await waitUntil(() => api.requests.some((r) => r.method === 'PATCH'));
    const patch = api.requests.find((r) => r.method === 'PATCH')!.body as PatchYamlRequest;
    expect(patch.edits).to.have.length(1);
    expect(patch.edits[0]).to.deep.include({ op: 'insert', at: ['pools', 0, 'questions'], index: 2 });
  });

  it('edits a fill-in question: accepted variants, feedback and an objective picked from the module', async () => {
    api = stub();
    const el = await open();
    $<HTMLButtonElement>(el, '#q-0-1-open').click();
    await el.updateComplete;
    type($(el, '[data-field="pools.0.questions.1.answer"] textarea'), '不可存储性\n不可储存性', 'change');
    type($(el, '[data-field="pools.0.questions.1.feedback.incorrect"] textarea'), '想想营业厅的空闲时间。');
    const objective = (): HTMLSelectElement => $(el, '[data-field="pools.0.questions.1.objective"] select');
    await waitUntil(() => objective().options.length === 3, "the module's objectives loaded");
    expect([...objective().options].map((o) => o.textContent)).to.include('m1-o2：区分客服类型');
    objective().value = 'm1-o2';
    objective().dispatchEvent(new Event('change'));
    await el.updateComplete;
    $<HTMLButtonElement>(el, '.bar .primary').click();
    await waitUntil(() => api.requests.some((r) => r.method === 'PATCH'));
    const patch = api.requests.find((r) => r.method === 'PATCH')!.body as PatchYamlRequest;
    expect(patch.edits).to.deep.equal([
      { op: 'set', at: ['pools', 0, 'questions', 1, 'answer'], value: ['不可存储性', '不可储存性'] },
      { op: 'set', at: ['pools', 0, 'questions', 1, 'feedback', 'incorrect'], value: '想想营业厅的空闲时间。' },
      { op: 'set', at: ['pools', 0, 'questions', 1, 'objective'], value: 'm1-o2' },
    ]);
  });

  it('moves, duplicates, and deletes a question only after confirmation, with undo', async () => {
    api = stub();
    const el = await open();
    $<HTMLButtonElement>(el, '#q-0-1-up').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('.question-item')[0]!.textContent).to.contain('填空');
    expect(deepActiveElement()?.id).to.equal('q-0-0-down');
    $<HTMLButtonElement>(el, '#q-0-0-delete').click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog').open, 'confirmation asked');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$<HTMLDialogElement>(el, 'dialog').open);
    expect(el.shadowRoot!.querySelectorAll('.question-item')).to.have.length(2);
    $<HTMLButtonElement>(el, '#q-0-0-delete').click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog').open);
    $<HTMLButtonElement>(el, 'dialog .danger').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('.question-item')).to.have.length(1);
    $<HTMLButtonElement>(el, '.bar button').click(); // 撤销
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('.question-item')).to.have.length(2);
    el.shadowRoot!.querySelector<HTMLButtonElement>('.question-item button[aria-label^="复制第 1"]')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('.question-item')).to.have.length(3);
    $<HTMLButtonElement>(el, '.bar .primary').click();
    await waitUntil(() => api.requests.some((r) => r.method === 'PATCH'));
    const patch = api.requests.find((r) => r.method === 'PATCH')!.body as PatchYamlRequest;
    expect(patch.edits.map((e) => e.op)).to.deep.equal(['move', 'insert']);
  });

  it('says so when the file cannot be opened', async () => {
    api = stub({ files: {} });
    const el = await fixture<StudioQuizEditor>(
      html`<studio-quiz-editor schema-base="/schemas/" path="quizzes/none.yaml"></studio-quiz-editor>`,
    );
    await waitUntil(() => $(el, '[role="alert"]'));
    expect($(el, '[role="alert"]').textContent).to.contain('没有这个文件');
    await expect(el).to.be.accessible();
  });
});
