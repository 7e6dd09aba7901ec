import { beforeAll, describe, expect, it } from 'vitest';
import type { SavedProgress } from '../../core/progress-store.js';
import type { Question } from '../../core/types.js';
import { loadCourse } from '../../tools/content/load-course.js';
import { wholeCourse } from '../support/tracking/learner.js';
import {
  DEGRADATION_STEPS,
  decodeResume,
  encodeResume,
  type ResumeCourse,
} from '../../tracking/resume/resume-codec.js';

const SCORM12_SUSPEND_DATA = 4096;
let course: ResumeCourse;

beforeAll(() => {
  course = loadCourse(new URL('../../', import.meta.url).pathname).course!;
});

/** A deep copy of the course with `change` applied, as a trainer's edit between two launches. */
function edited(change: (copy: ResumeCourse) => void): ResumeCourse {
  const copy = structuredClone(course);
  change(copy);
  return copy;
}

describe('resume encoding on the real course', () => {
  it('the whole course, every role-play path and each quiz taken several times fits SCORM 1.2 and comes back exactly', () => {
    for (const attempts of [1, 3, 6]) {
      const saved = wholeCourse(course, attempts);
      const { text, dropped } = encodeResume(course, saved, SCORM12_SUSPEND_DATA);
      const json = JSON.stringify(saved).length;
      console.info(
        `resume, ${attempts} finished attempts per quiz + 1 open: ${text.length} characters (as JSON: ${json})`,
      );
      expect(dropped).toEqual([]);
      expect(text.length).toBeLessThanOrEqual(SCORM12_SUSPEND_DATA);
      expect(decodeResume(course, text)).toEqual(saved);
    }
  });

  it('a fresh learner round-trips', () => {
    const saved: SavedProgress = {
      version: 1,
      location: null,
      learnerSeed: 'ffff0000ffff0000',
      progress: { visited: {}, quizzes: {}, roleplays: {} },
    };
    const { text } = encodeResume(course, saved);
    expect(decodeResume(course, text)).toEqual(saved);
  });

  it('is versioned: other text is not read as progress', () => {
    expect(decodeResume(course, '')).toBeNull();
    expect(decodeResume(course, '{"version":1}')).toBeNull();
    expect(decodeResume(course, '[99,"seed"]')).toBeNull();
  });

  it('degrades in the documented order and says what it left out, never cutting the text', () => {
    const saved = wholeCourse(course, 6);
    const full = encodeResume(course, saved).text;
    const squeezed = encodeResume(course, saved, full.length - 1);
    expect(squeezed.dropped).toEqual([DEGRADATION_STEPS[0]]);
    expect(squeezed.text.length).toBeLessThan(full.length);
    const decoded = decodeResume(course, squeezed.text)!;
    // Scores, passes and the attempt count survive every step.
    for (const [id, state] of Object.entries(saved.progress.quizzes)) {
      expect(decoded.progress.quizzes[id]!.attempt).toBe(state.attempt);
      expect(decoded.progress.quizzes[id]!.results.map((r) => r.score)).toEqual(state.results.map((r) => r.score));
    }
    const tiny = encodeResume(course, saved, 10);
    expect(tiny.dropped).toEqual([...DEGRADATION_STEPS]);
    expect(tiny.text.length).toBeGreaterThan(10);
    expect(decodeResume(course, tiny.text)!.progress.visited).toEqual(saved.progress.visited);
  });

  it('a course changed between launches keeps what still matches', () => {
    const saved = wholeCourse(course, 2);
    const { text } = encodeResume(course, saved);
    const quizModule = course.modules.find((m) => m.items.some((i) => i.kind === 'quiz'))!;
    const quizItem = quizModule.items.find((i) => i.kind === 'quiz')!;
    const rpModule = course.modules.find((m) => m.items.some((i) => i.kind === 'roleplay'))!;
    const rpItem = rpModule.items.find((i) => i.kind === 'roleplay')!;
    const changed = edited((copy) => {
      const module = copy.modules.find((m) => m.id === quizModule.id)!;
      // A page inserted at the start (positions shift), a question added to a quiz, a reply added to a role-play.
      const first = copy.index.modules.find((m) => m.id === copy.modules[0]!.id)!;
      first.items.unshift({ kind: 'page', id: 'new-page', title: '新页面' });
      const quiz = module.items.find((i) => i.id === quizItem.id);
      if (quiz?.kind === 'quiz')
        quiz.quiz.pools[0]!.questions.push({ ...(quiz.quiz.pools[0]!.questions[0] as Question), id: 'new-q' });
      const rp = copy.modules.flatMap((m) => m.items).find((i) => i.id === rpItem.id);
      if (rp?.kind === 'roleplay') {
        const node = rp.roleplay.nodes.find((n) => n.replies?.length)!;
        node.replies!.push({ ...node.replies![0]!, id: 'new-reply' });
      }
      // A quiz removed from the course.
      const lastQuizModule = copy.index.modules.at(-1)!;
      lastQuizModule.items = lastQuizModule.items.filter((i) => i.kind !== 'quiz');
    });
    const decoded = decodeResume(changed, text)!;
    expect(decoded.location).toEqual(saved.location);
    const removed = course.index.modules.at(-1)!.items.find((i) => i.kind === 'quiz')!;
    const { [removed.id]: _gone, ...stillThere } = saved.progress.visited;
    expect(decoded.progress.visited).toEqual(stillThere);
    // Unchanged items come back exactly.
    const untouchedRp = Object.keys(saved.progress.roleplays).find((id) => id !== rpItem.id)!;
    expect(decoded.progress.roleplays[untouchedRp]).toEqual(saved.progress.roleplays[untouchedRp]);
    // The changed quiz keeps its finished attempts' scores; its open attempt starts again.
    const quizState = decoded.progress.quizzes[quizItem.id]!;
    expect(quizState.results.map((r) => r.score)).toEqual(
      saved.progress.quizzes[quizItem.id]!.results.map((r) => r.score),
    );
    expect(quizState.answers).toEqual({});
    // The changed role-play keeps its run count, not paths that now mean other replies.
    expect(decoded.progress.roleplays[rpItem.id]).toMatchObject({
      path: [],
      runs: saved.progress.roleplays[rpItem.id]!.runs,
    });
    // The removed quiz is dropped without an error.
    expect(decoded.progress.quizzes[removed.id]).toBeUndefined();
  });
});
