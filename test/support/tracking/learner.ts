/**
 * Test support: a learner who goes through the whole real course with the core rules the components use: every
 * page, every quiz taken several times (right and wrong answers, one question changed after checking), every path
 * of every role-play, and one attempt and one run left in progress.
 */
import { emptyProgress } from '../../../core/completion.js';
import type { QuestionResponse, QuizAttemptState, RolePlayState } from '../../../core/interactions.js';
import type { SavedProgress } from '../../../core/progress-store.js';
import { finishAttempt, newAttempt, questionsOf, setAnswer, startAttempt } from '../../../core/quiz.js';
import { choose, continueFrom, enumeratePaths, restart, startState } from '../../../core/roleplay.js';
import { readingSequence } from '../../../core/route.js';
import { scoreResponse } from '../../../core/scoring.js';
import type { Quiz, RolePlay } from '../../../core/types.js';
import type { ResumeCourse } from '../../../tracking/resume/resume-codec.js';
import { answersOf } from './course-records.js';

const T0 = Date.parse('2026-11-27T08:00:00.000Z');

export function takeQuiz(quiz: Quiz, learnerSeed: string, attempts: number, leaveOpen: boolean): QuizAttemptState {
  let clock = T0;
  const tick = (ms: number) => new Date((clock += ms));
  let state = startAttempt(newAttempt(quiz, null, learnerSeed, tick(1000)), tick(1000));
  const total = attempts + (leaveOpen ? 1 : 0);
  for (let n = 1; n <= total; n++) {
    const questions = questionsOf(quiz, state);
    const last = n === total && leaveOpen;
    questions.forEach((question, i) => {
      if (last && i >= questions.length / 2) return;
      const answers = answersOf(question);
      const response = answers[(i + n) % answers.length] as QuestionResponse;
      const checked = scoreResponse(question, response);
      state = setAnswer(state, question.id, { response, tries: 1, checked: true, ...checked });
      if (i === 1) {
        // Changed after checking: the new response is unchecked, the score is still the last check's.
        const other = answers[(i + n + 1) % answers.length] as QuestionResponse;
        state = setAnswer(state, question.id, { response: other, tries: 1, checked: false, ...checked });
      }
      state = { ...state, current: i };
    });
    if (!last) {
      state = finishAttempt(quiz, state, tick(95_123));
      if (n < total) state = newAttempt(quiz, state, learnerSeed, tick(4321));
    }
  }
  return state;
}

export function playAll(rp: RolePlay): RolePlayState {
  let state = startState(rp);
  for (const path of enumeratePaths(rp)) {
    for (const replyId of path) state = continueFrom(choose(rp, state, replyId, 2345));
    state = restart(rp, state);
  }
  // One run left in progress, feedback showing.
  const first = enumeratePaths(rp)[0]!;
  return choose(rp, state, first[0]!, 1200);
}

export function wholeCourse(course: ResumeCourse, quizAttempts: number): SavedProgress {
  const progress = emptyProgress();
  const sequence = readingSequence(course.index);
  for (const entry of sequence) progress.visited[entry.itemId] = true;
  for (const module of course.modules) {
    for (const item of module.items) {
      if (item.kind === 'quiz') progress.quizzes[item.id] = takeQuiz(item.quiz, 'a1b2c3d4e5f60718', quizAttempts, true);
      if (item.kind === 'roleplay') progress.roleplays[item.id] = playAll(item.roleplay);
    }
  }
  const last = sequence.at(-1)!;
  return {
    version: 1,
    location: { moduleId: last.moduleId, itemId: last.itemId },
    learnerSeed: 'a1b2c3d4e5f60718',
    progress,
    locale: 'zh-CN',
  };
}
