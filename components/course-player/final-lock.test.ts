import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { LearnerProgress } from '../../core/completion.js';
import type { QuizAttemptState, RolePlayState } from '../../core/interactions.js';
import { ProgressStore, type KeyValueStorage } from '../../core/progress-store.js';
import type { CoursePlayer } from './course-player.js';
import './define.js';

// The fixture course (test/fixtures/valid), whose course.yaml opens the final assessment after every module.
const SRC = '/__course/content/course.json';
const COURSE_ID = 'https://example.com/courses/fixture';
const STORE_KEY = `course-progress:${COURSE_ID}`;

function storageWith(progress: LearnerProgress | null): KeyValueStorage {
  const data = new Map<string, string>();
  if (progress) {
    const saved = { version: 1, location: null, learnerSeed: 'learner-1', progress };
    data.set(STORE_KEY, JSON.stringify(saved));
  }
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const passedQuiz: QuizAttemptState = {
  attempt: 1,
  seed: 's',
  questionIds: [],
  current: 0,
  answers: {},
  phase: 'result',
  startedAt: '2025-01-01T00:00:00.000Z',
  results: [
    {
      quizId: 'basics-quiz',
      attempt: 1,
      score: { raw: 1, min: 0, max: 1, scaled: 1 },
      passed: true,
      questions: [],
      durationMs: 1000,
    },
  ],
};

const met = (roleplayId: string): RolePlayState => ({
  path: [],
  nodeId: 'n1',
  showingFeedback: false,
  runs: 1,
  best: {
    roleplayId,
    outcome: 'good',
    endingId: 'good',
    score: { raw: 4, min: 0, max: 4, scaled: 1 },
    path: [],
    met: true,
    durationMs: 1000,
  },
});

/** Every module of the fixture complete: both pages seen, the quiz passed, the role-plays met. */
const modulesDone: LearnerProgress = {
  visited: { 'basics-service': true, 'phone-greeting': true },
  quizzes: { 'basics-quiz': passedQuiz },
  roleplays: { 'rp-fixture-weather': met('rp-fixture-weather'), 'rp-fixture-queue': met('rp-fixture-queue') },
};

async function openFinal(storage: KeyValueStorage): Promise<CoursePlayer> {
  location.hash = '#/fixture-final/fixture-final';
  const el = await fixture<CoursePlayer>(
    html`<course-player src=${SRC} .progressStorage=${new ProgressStore(COURSE_ID, storage)}></course-player>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('h1')?.textContent?.includes('期末测验'), 'final page not shown', {
    timeout: 8000,
  });
  await waitUntil(() => !el.shadowRoot!.querySelector('article [role="status"]'), 'still loading', { timeout: 5000 });
  return el;
}

const tocStatus = (el: CoursePlayer): string => {
  const toc = el.shadowRoot!.querySelector('course-toc')!;
  const summaries = [...toc.shadowRoot!.querySelectorAll('summary')];
  return summaries.at(-1)!.textContent!.replace(/\s+/g, ' ').trim();
};

describe('course-player: the final assessment opens once every module is complete', () => {
  // The test server builds the fixture course on its first request, which can take a while on a busy machine.
  before(async function () {
    this.timeout(60000);
    await fetch(SRC);
  });

  beforeEach(async () => {
    history.replaceState(null, '', location.pathname + location.search);
    await setViewport({ width: 1280, height: 800 });
  });

  it('is locked for a new learner, with the reason and links to the modules still to complete', async () => {
    const el = await openFinal(storageWith(null));
    const root = el.shadowRoot!;
    expect(root.querySelector('course-quiz'), 'no quiz while locked').to.equal(null);
    const notice = root.querySelector('.locked')!;
    expect(notice.textContent).to.contain('期末测验尚未开放：学完全部章节后才能参加。');
    expect([...notice.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      '#/basics/basics-service',
      '#/phone/phone-greeting',
    ]);
    await el.shadowRoot!.querySelector('course-toc')!.updateComplete;
    expect(tocStatus(el)).to.contain('未开放（学完全部章节后开放）');
    await expect(el).to.be.accessible();
  });

  it('names only the modules still to complete', async () => {
    const progress: LearnerProgress = { ...modulesDone, visited: { 'basics-service': true } };
    const el = await openFinal(storageWith(progress));
    const links = [...el.shadowRoot!.querySelectorAll('.locked a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['#/phone/phone-greeting']);
  });

  it('opens once every module is complete', async () => {
    const el = await openFinal(storageWith(modulesDone));
    await waitUntil(() => el.shadowRoot!.querySelector('course-quiz'), 'the quiz did not open', { timeout: 5000 });
    expect(el.shadowRoot!.querySelector('.locked')).to.equal(null);
    expect(tocStatus(el)).not.to.contain('未开放');
    await expect(el).to.be.accessible();
  });
});
