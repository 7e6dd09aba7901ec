/**
 * The contract every question type must meet inside `<course-question>`, as one shared Mocha suite. Each type's test
 * file calls `questionContract()` with a sample question and keyboard helpers that answer it rightly, wrongly and
 * (where the type gives partial credit) partly.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type {
  InteractionRecord,
  InteractionResponse,
  InteractionType,
  QuestionState,
} from '../../core/interactions.js';
import type { Question, RevealPolicy } from '../../core/types.js';
import type { CourseQuestion } from './course-question.js';
import './define.js';
import { checkByKeyboard, controlsOf, inputOf, press, settle } from './keyboard.js';
import { deepActiveElement, textOf } from './test-support.js';

export interface ContractAnswer {
  /** Answers the question with the keyboard only (starting with nothing focused). */
  answer(el: CourseQuestion): Promise<void>;
  /** The expected `response` of the interaction, in structured form. */
  response: InteractionResponse;
}

export interface ContractSpec {
  /** Name of the type for the suite title, e.g. 'single'. */
  name: string;
  question: Question;
  interactionType: InteractionType;
  /** The expected `correctResponses`, in structured form. */
  correctResponses: InteractionResponse[];
  /** Expected xAPI component ids: choices, or source and target. */
  components: { choices?: string[]; source?: string[]; target?: string[] };
  right: ContractAnswer;
  wrong: ContractAnswer;
  partly?: ContractAnswer & { scaled: number };
  /** True when an untouched question already has a checkable response (sequencing: its starting order). */
  startsAnswered?: boolean;
}

interface MountOptions {
  state?: QuestionState | null;
  maxTries?: number;
  revealAnswer?: RevealPolicy;
  retryCredit?: number;
  review?: boolean;
  seed?: string;
}

export interface Mounted {
  el: CourseQuestion;
  interactions: InteractionRecord[];
  states: { questionId: string; state: QuestionState }[];
}

/** A fresh `<course-question>` for `question`, shuffled with a fixed seed, recording the events it fires. */
export async function mountQuestion(question: Question, options: MountOptions = {}): Promise<Mounted> {
  const interactions: InteractionRecord[] = [];
  const states: { questionId: string; state: QuestionState }[] = [];
  const el = await fixture<CourseQuestion>(html`
    <course-question
      .question=${question}
      .state=${options.state ?? null}
      .maxTries=${options.maxTries ?? 1}
      .revealAnswer=${options.revealAnswer ?? 'after-last-attempt'}
      .retryCredit=${options.retryCredit ?? 0.5}
      ?review=${options.review ?? false}
      seed=${options.seed ?? 'attempt-seed-1'}
      shuffle
      parent-id="quiz-service-basics"
      @course-interaction=${(event: CustomEvent<InteractionRecord>) => interactions.push(event.detail)}
      @course-question-state=${(event: CustomEvent<{ questionId: string; state: QuestionState }>) =>
        states.push(event.detail)}
    ></course-question>
  `);
  await settle(el);
  return { el, interactions, states };
}

export function part(el: CourseQuestion, selector: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(selector);
}

export function feedbackText(el: CourseQuestion): string {
  return textOf(part(el, '.feedback'));
}

/** Everything a learner sees of a question's state, for comparing an element with its restored copy. */
export function snapshot(el: CourseQuestion) {
  const check = part(el, '.check') as HTMLButtonElement | null;
  return {
    value: JSON.stringify(inputOf(el).value),
    inputDisabled: inputOf(el).hasAttribute('disabled'),
    marks: controlsOf(el, '.mark').map((mark) => textOf(mark)),
    feedback: feedbackText(el),
    check: check ? (check.disabled ? 'disabled' : 'enabled') : 'absent',
    retry: part(el, '.retry') ? 'present' : 'absent',
    tries: textOf(part(el, '.tries')),
  };
}

export function questionContract(spec: ContractSpec): void {
  const { question } = spec;
  const weight = question.weight ?? 1;

  describe(`<course-question> contract: ${spec.name}`, () => {
    it('renders the prompt as the legend of a fieldset around the input', async () => {
      const { el } = await mountQuestion(question);
      const legend = part(el, 'fieldset > legend');
      expect(textOf(legend)).to.contain(question.prompt);
      expect(part(el, 'fieldset > .input')).to.exist;
      // Feedback is read once, through focus (see check()); a live region as well would read it twice.
      expect(part(el, '.feedback')!.matches('[role=status], [aria-live]')).to.equal(false);
      expect(feedbackText(el)).to.equal('');
    });

    it(spec.startsAnswered ? 'can be checked from the start' : 'keeps 检查答案 disabled until answered', async () => {
      const { el } = await mountQuestion(question);
      const check = part(el, '.check') as HTMLButtonElement;
      expect(textOf(check)).to.equal('检查答案');
      expect(check.disabled).to.equal(!spec.startsAnswered);
      await spec.wrong.answer(el);
      expect(check.disabled).to.equal(false);
    });

    it('scores a right answer made with the keyboard only', async () => {
      const { el, interactions, states } = await mountQuestion(question);
      await spec.right.answer(el);
      expect(interactions).to.have.length(0);
      await checkByKeyboard(el);
      expect(interactions).to.have.length(1);
      const record = interactions[0]!;
      expect(record.success).to.equal(true);
      expect(record.score).to.deep.equal({ raw: weight, min: 0, max: weight, scaled: 1 });
      expect(record.response).to.deep.equal(spec.right.response);
      expect(feedbackText(el)).to.contain('✓').and.contain('回答正确');
      const last = states.at(-1)!;
      expect(last.questionId).to.equal(question.id);
      expect(last.state).to.include({ checked: true, tries: 1, success: true });
      expect(last.state.score?.scaled).to.equal(1);
    });

    it('scores a wrong answer made with the keyboard only', async () => {
      const { el, interactions } = await mountQuestion(question);
      await spec.wrong.answer(el);
      await checkByKeyboard(el);
      expect(interactions).to.have.length(1);
      const record = interactions[0]!;
      expect(record.success).to.equal(false);
      expect(record.score).to.deep.equal({ raw: 0, min: 0, max: weight, scaled: 0 });
      expect(record.response).to.deep.equal(spec.wrong.response);
      expect(feedbackText(el)).to.contain('✗').and.contain('回答不正确');
      expect(feedbackText(el)).not.to.contain('回答正确');
    });

    if (spec.partly) {
      const partly = spec.partly;
      it('gives partial credit to a partly right answer', async () => {
        const { el, interactions } = await mountQuestion(question);
        await partly.answer(el);
        await checkByKeyboard(el);
        const record = interactions[0]!;
        expect(record.success).to.equal(false);
        expect(record.score.scaled).to.be.closeTo(partly.scaled, 1e-6);
        expect(record.score.raw).to.be.closeTo(partly.scaled * weight, 1e-6);
        expect(record.response).to.deep.equal(partly.response);
        expect(feedbackText(el)).to.contain('部分正确');
      });
    }

    it('emits a complete InteractionRecord', async () => {
      const { el, interactions } = await mountQuestion(question);
      const before = Date.now();
      await spec.wrong.answer(el);
      await checkByKeyboard(el);
      const record = interactions[0]!;
      expect(record.id).to.equal(question.id);
      expect(record.parentId).to.equal('quiz-service-basics');
      expect(record.type).to.equal(spec.interactionType);
      expect(record.description).to.equal(question.prompt);
      expect(record.parentKind).to.equal('quiz');
      expect(record.correctResponses).to.deep.equal(spec.correctResponses);
      // Notation is the trackers' job: nothing in the record is in a standard's notation.
      expect(JSON.stringify([record.response, record.correctResponses])).not.to.match(/\[[,.]\]|case_matters/);
      expect(record.attempt).to.equal(1);
      expect(record.durationMs).to.be.a('number').and.to.be.at.least(0);
      expect(record.durationMs).to.be.at.most(Date.now() - before + 5000);
      expect(new Date(record.timestamp).toISOString()).to.equal(record.timestamp);
      expect(Date.parse(record.timestamp)).to.be.at.least(before - 1000);
      expect(record.choices?.map((c) => c.id)).to.deep.equal(spec.components.choices);
      expect(record.source?.map((c) => c.id)).to.deep.equal(spec.components.source);
      expect(record.target?.map((c) => c.id)).to.deep.equal(spec.components.target);
      for (const component of [...(record.choices ?? []), ...(record.source ?? []), ...(record.target ?? [])]) {
        expect(component.description).to.be.a('string').and.not.equal('');
      }
      expect(record.objective).to.equal(question.objective);
    });

    it('fires course-question-state on every change, with the current response', async () => {
      const { el, states } = await mountQuestion(question);
      expect(states).to.have.length(0);
      await spec.wrong.answer(el);
      expect(states.length).to.be.greaterThan(0);
      expect(states.at(-1)!.state).to.deep.include({ checked: false, tries: 0, success: null, score: null });
      expect(states.at(-1)!.state.response).to.deep.equal(JSON.parse(JSON.stringify(inputValueAsResponse(el))));
      expect(el.state).to.equal(states.at(-1)!.state);
    });

    if (question.type === 'true-false') {
      it('has one try whatever the quiz allows, and then shows the answer', async () => {
        const { el } = await mountQuestion(question, { maxTries: 3 });
        expect(textOf(part(el, '.tries'))).to.contain('1 / 1');
        await spec.wrong.answer(el);
        await checkByKeyboard(el);
        expect(part(el, '.retry')).to.equal(null);
        expect(feedbackText(el)).to.contain('正确答案：');
      });
    } else {
      it('shows the correct answer after the last try (after-last-attempt), not before', async () => {
        const { el } = await mountQuestion(question, { maxTries: 2 });
        await spec.wrong.answer(el);
        await checkByKeyboard(el);
        expect(feedbackText(el)).not.to.contain('正确答案：');
        const retry = part(el, '.retry') as HTMLButtonElement;
        expect(textOf(retry)).to.equal('再试一次');
        expect(deepActiveElement()).to.equal(retry);
        expect(textOf(part(el, '.tries'))).to.contain('1 / 2');
        await press('Enter');
        await settle(el);
        expect(part(el, '.retry')).to.equal(null);
        expect(feedbackText(el)).to.equal('');
        await spec.wrong.answer(el);
        await checkByKeyboard(el);
        expect(feedbackText(el)).to.contain('正确答案：');
        if (question.explanation) expect(feedbackText(el)).to.contain(question.explanation);
        expect(part(el, '.retry')).to.equal(null);
      });

      it('counts tries: a right answer on the second try is attempt 2', async () => {
        const { el, interactions } = await mountQuestion(question, { maxTries: 3 });
        await spec.wrong.answer(el);
        await checkByKeyboard(el);
        (part(el, '.retry') as HTMLButtonElement).click();
        await settle(el);
        await spec.right.answer(el);
        await checkByKeyboard(el);
        expect(interactions.map((record) => [record.attempt, record.success])).to.deep.equal([
          [1, false],
          [2, true],
        ]);
        // A right retry earns the quiz's retry credit (here half), not full marks.
        expect(interactions[1]!.score).to.deep.equal({ raw: weight / 2, min: 0, max: weight, scaled: 0.5 });
        expect(part(el, '.retry')).to.equal(null);
        expect(inputOf(el).hasAttribute('disabled')).to.equal(true);
      });
    }

    it('never reveals the correct answer with revealAnswer="never"', async () => {
      const { el } = await mountQuestion(question, { revealAnswer: 'never' });
      await spec.wrong.answer(el);
      await checkByKeyboard(el);
      expect(feedbackText(el)).to.contain('回答不正确');
      expect(feedbackText(el)).not.to.contain('正确答案：');
      expect(controlsOf(el, '.mark-answer')).to.have.length(0);
    });

    it('reset() clears the response, tries and feedback', async () => {
      const { el, states } = await mountQuestion(question);
      const fresh = snapshot(el);
      await spec.wrong.answer(el);
      await checkByKeyboard(el);
      expect(snapshot(el)).not.to.deep.equal(fresh);
      el.reset();
      await settle(el);
      expect(snapshot(el)).to.deep.equal(fresh);
      expect(states.at(-1)!.state).to.deep.equal({
        response: null,
        tries: 0,
        checked: false,
        success: null,
        score: null,
      });
    });

    it('restores exactly from a saved state: checked, with feedback', async () => {
      const original = await mountQuestion(question, { maxTries: 2 });
      await spec.wrong.answer(original.el);
      await checkByKeyboard(original.el);
      const saved = JSON.parse(JSON.stringify(original.states.at(-1)!.state)) as QuestionState;
      const expected = snapshot(original.el);
      expect(expected.feedback).to.contain('回答不正确');
      const restored = await mountQuestion(question, { maxTries: 2, state: saved });
      expect(snapshot(restored.el)).to.deep.equal(expected);
      expect(restored.states).to.have.length(0);
      expect(restored.interactions).to.have.length(0);
    });

    it('restores exactly from a saved state: answered, not checked', async () => {
      const original = await mountQuestion(question);
      await spec.right.answer(original.el);
      const saved = JSON.parse(JSON.stringify(original.states.at(-1)!.state)) as QuestionState;
      const restored = await mountQuestion(question, { state: saved });
      expect(snapshot(restored.el)).to.deep.equal(snapshot(original.el));
      expect(snapshot(restored.el).check).to.equal('enabled');
      expect(feedbackText(restored.el)).to.equal('');
      await checkByKeyboard(restored.el);
      expect(restored.interactions[0]!.success).to.equal(true);
      expect(restored.interactions[0]!.response).to.deep.equal(spec.right.response);
    });

    it('review shows the response, marks, feedback and the correct answer, read-only', async () => {
      const original = await mountQuestion(question);
      await spec.wrong.answer(original.el);
      await checkByKeyboard(original.el);
      const saved = original.states.at(-1)!.state;
      const { el } = await mountQuestion(question, { state: saved, review: true });
      expect(inputOf(el).hasAttribute('disabled')).to.equal(true);
      expect(part(el, '.check')).to.equal(null);
      expect(part(el, '.retry')).to.equal(null);
      expect(JSON.stringify(inputOf(el).value)).to.equal(JSON.stringify(inputOf(original.el).value));
      expect(controlsOf(el, '.mark-incorrect').length).to.be.greaterThan(0);
      expect(feedbackText(el)).to.contain('回答不正确');
      expect(feedbackText(el)).to.contain('正确答案：');
    });

    describe('accessibility (axe)', () => {
      it('unanswered', async () => {
        const { el } = await mountQuestion(question);
        await expect(el).to.be.accessible();
      });

      it('answered, not checked', async () => {
        const { el } = await mountQuestion(question);
        await spec.wrong.answer(el);
        await expect(el).to.be.accessible();
      });

      it('feedback shown', async () => {
        const { el } = await mountQuestion(question, { maxTries: 2 });
        await spec.wrong.answer(el);
        await checkByKeyboard(el);
        expect(feedbackText(el)).not.to.equal('');
        await expect(el).to.be.accessible();
      });

      it('correct answer revealed', async () => {
        const { el } = await mountQuestion(question, { revealAnswer: 'always' });
        await spec.wrong.answer(el);
        await checkByKeyboard(el);
        expect(feedbackText(el)).to.contain('正确答案：');
        await expect(el).to.be.accessible();
      });

      it('review', async () => {
        const original = await mountQuestion(question);
        await spec.wrong.answer(original.el);
        await checkByKeyboard(original.el);
        const { el } = await mountQuestion(question, { state: original.states.at(-1)!.state, review: true });
        expect(feedbackText(el)).not.to.equal('');
        await expect(el).to.be.accessible();
      });
    });
  });
}

/** The input component's value in the shape of a QuestionResponse, for comparing with reported state. */
function inputValueAsResponse(el: CourseQuestion): unknown {
  const value = inputOf(el).value;
  const type = (el.question as Question).type;
  if (type === 'single') return (value as string[])[0] ?? null;
  if (type === 'true-false') return (value as string[])[0] === undefined ? null : (value as string[])[0] === 'true';
  return value;
}
