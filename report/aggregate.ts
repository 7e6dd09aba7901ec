/**
 * Streaming aggregation of a course's statements into HR's completion rows and trainers' item figures. Memory grows
 * with learners, questions and distinct wrong answers (each capped), never with statements, so a nightly run over
 * millions of statements stays small. Every fact is added with a sign, so a statement voided after an earlier run
 * is taken back out exactly (see `apply(…, -1)`); the state serialises to JSON for incremental runs.
 */
import type { Catalog } from './catalog.js';
import type { ClassifiedStatement, Learner } from './classify.js';

/** Distinct wrong answers kept per question; rarer ones are counted together. */
const MAX_DISTINCT_RESPONSES = 100;
const OTHER_RESPONSES = '\u0000other';

interface AttemptEntry {
  id: string;
  at: number;
  percent: number | null;
  passed: boolean;
}

interface LearnerState {
  name: string;
  identifier: string;
  registrations: Record<string, number>;
  modules: Record<string, number>;
  courseCompleted: number;
  coursePassed: number;
  courseFailed: number;
  /** Final-assessment results (or, for a course that reports none, course results), oldest first. */
  attempts: AttemptEntry[];
  courseResults: AttemptEntry[];
  timeMs: number;
  first: number;
  last: number;
}

interface QuestionState {
  answered: number;
  firstTries: number;
  firstTriesCorrect: number;
  wrong: Record<string, number>;
}

interface DecisionState {
  replies: Record<string, number>;
}

export interface AggregateState {
  version: 1;
  statements: number;
  learners: Record<string, LearnerState>;
  questions: Record<string, QuestionState>;
  decisions: Record<string, DecisionState>;
  endings: Record<string, Record<string, number>>;
}

export interface CompletionRow {
  name: string;
  identifier: string;
  registrations: string[];
  modulesCompleted: number;
  modulesTotal: number;
  courseCompleted: boolean;
  /** null when the learner has no result yet. */
  passed: boolean | null;
  bestScore: number | null;
  lastScore: number | null;
  attempts: number;
  totalTimeMs: number;
  firstActivity: string;
  lastActivity: string;
}

export interface QuestionRow {
  questionId: string;
  quizTitle: string;
  prompt: string;
  answered: number;
  firstTries: number;
  /** Share (0–1) correct on the first try; null when no first try is recorded. */
  firstTryCorrect: number | null;
  topWrong: { response: string; label: string; count: number }[];
}

export interface DecisionRow {
  roleplayId: string;
  roleplayTitle: string;
  nodeId: string;
  line: string;
  total: number;
  replies: { replyId: string; text: string; count: number; harmful: boolean; score: number }[];
}

export interface EndingRow {
  roleplayId: string;
  roleplayTitle: string;
  endingId: string;
  title: string;
  outcome: string;
  count: number;
}

export interface ReportData {
  generatedAt: string;
  statements: number;
  completion: CompletionRow[];
  questions: QuestionRow[];
  decisions: DecisionRow[];
  endings: EndingRow[];
  /** Learners who completed each module, in course order (the funnel). */
  funnel: { moduleId: string; title: string; learners: number }[];
}

export function emptyState(): AggregateState {
  return { version: 1, statements: 0, learners: {}, questions: {}, decisions: {}, endings: {} };
}

const bump = (bag: Record<string, number>, key: string, by: number) => {
  const next = (bag[key] ?? 0) + by;
  if (next === 0) delete bag[key];
  else bag[key] = next;
};

export class Aggregator {
  readonly state: AggregateState;
  private readonly hasFinal: boolean;

  constructor(
    private readonly catalog: Catalog,
    state: AggregateState = emptyState(),
  ) {
    this.state = state;
    this.hasFinal = catalog.finalQuizId !== null;
  }

  /** Adds (sign 1) or takes back (sign -1, a voided statement) one classified statement. */
  apply(statement: ClassifiedStatement, sign: 1 | -1 = 1): void {
    this.state.statements += sign;
    const learner = this.learner(statement.learner);
    if (sign > 0) {
      learner.first = learner.first === 0 ? statement.at : Math.min(learner.first, statement.at);
      learner.last = Math.max(learner.last, statement.at);
      if (statement.learner.name) learner.name = statement.learner.name;
    }
    if (statement.registration) bump(learner.registrations, statement.registration, sign);
    for (const fact of statement.facts) {
      switch (fact.kind) {
        case 'session-time':
          learner.timeMs += sign * fact.durationMs;
          break;
        case 'module-completed':
          bump(learner.modules, fact.moduleId, sign);
          break;
        case 'course-completed':
          learner.courseCompleted += sign;
          break;
        case 'course-result':
          if (fact.passed) learner.coursePassed += sign;
          else learner.courseFailed += sign;
          this.track(learner.courseResults, statement, fact.percent, fact.passed, sign);
          break;
        case 'assessment-result':
          if (fact.quizId === this.catalog.finalQuizId)
            this.track(learner.attempts, statement, fact.percent, fact.passed, sign);
          break;
        case 'answered':
          this.answered(fact.questionId, fact.success, fact.response, fact.attempt, sign);
          break;
        case 'roleplay-choice': {
          const key = `${fact.roleplayId}\u0000${fact.nodeId}`;
          const decision = (this.state.decisions[key] ??= { replies: {} });
          bump(decision.replies, fact.replyId, sign);
          break;
        }
        case 'roleplay-ending':
          bump((this.state.endings[fact.roleplayId] ??= {}), fact.endingId, sign);
          break;
        case 'activity':
        case 'voided':
          break;
      }
    }
  }

  private learner(who: Learner): LearnerState {
    return (this.state.learners[who.key] ??= {
      name: who.name,
      identifier: who.identifier,
      registrations: {},
      modules: {},
      courseCompleted: 0,
      coursePassed: 0,
      courseFailed: 0,
      attempts: [],
      courseResults: [],
      timeMs: 0,
      first: 0,
      last: 0,
    });
  }

  private track(
    list: AttemptEntry[],
    statement: ClassifiedStatement,
    percent: number | null,
    passed: boolean,
    sign: 1 | -1,
  ) {
    if (sign > 0) {
      list.push({ id: statement.id, at: statement.at, percent, passed });
      list.sort((a, b) => a.at - b.at);
    } else {
      const i = list.findIndex((a) => a.id === statement.id);
      if (i >= 0) list.splice(i, 1);
    }
  }

  private answered(questionId: string, success: boolean, response: string, attempt: number | null, sign: 1 | -1) {
    const q = (this.state.questions[questionId] ??= { answered: 0, firstTries: 0, firstTriesCorrect: 0, wrong: {} });
    q.answered += sign;
    if (attempt === 1) {
      q.firstTries += sign;
      if (success) q.firstTriesCorrect += sign;
    }
    if (!success) {
      const key =
        response in q.wrong || Object.keys(q.wrong).length < MAX_DISTINCT_RESPONSES ? response : OTHER_RESPONSES;
      bump(q.wrong, key, sign);
    }
  }

  /** The report's tables, in course order, learners by name. */
  result(now = new Date()): ReportData {
    const { catalog, state } = this;
    const iso = (ms: number) => (ms > 0 ? new Date(ms).toISOString() : '');
    const completion: CompletionRow[] = Object.values(state.learners)
      .map((l) => {
        const results = this.hasFinal && l.attempts.length > 0 ? l.attempts : l.courseResults;
        const scores = results.map((a) => a.percent).filter((p): p is number => p !== null);
        const passed =
          l.coursePassed > 0 || results.some((a) => a.passed)
            ? true
            : l.courseFailed > 0 || results.length > 0
              ? false
              : null;
        return {
          name: l.name,
          identifier: l.identifier,
          registrations: Object.keys(l.registrations).sort(),
          modulesCompleted: catalog.modules.filter((m) => (l.modules[m.id] ?? 0) > 0).length,
          modulesTotal: catalog.modules.length,
          courseCompleted: l.courseCompleted > 0,
          passed,
          bestScore: scores.length > 0 ? Math.max(...scores) : null,
          lastScore: results.length > 0 ? (results[results.length - 1]!.percent ?? null) : null,
          attempts: results.length,
          totalTimeMs: Math.max(0, l.timeMs),
          firstActivity: iso(l.first),
          lastActivity: iso(l.last),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.identifier.localeCompare(b.identifier));

    const questions: QuestionRow[] = catalog.questions.map((q) => {
      const s = state.questions[q.id];
      const topWrong = Object.entries(s?.wrong ?? {})
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 3)
        .map(([response, count]) => ({ response, label: labelResponse(response, q.labels), count }));
      return {
        questionId: q.id,
        quizTitle: q.quizTitle,
        prompt: q.prompt,
        answered: s?.answered ?? 0,
        firstTries: s?.firstTries ?? 0,
        firstTryCorrect: s && s.firstTries > 0 ? s.firstTriesCorrect / s.firstTries : null,
        topWrong,
      };
    });

    const decisions: DecisionRow[] = catalog.decisions.map((d) => {
      const counts = state.decisions[`${d.roleplayId}\u0000${d.nodeId}`]?.replies ?? {};
      const replies = d.replies.map((r) => ({
        replyId: r.id,
        text: r.text,
        count: counts[r.id] ?? 0,
        harmful: r.harmful,
        score: r.score,
      }));
      return {
        roleplayId: d.roleplayId,
        roleplayTitle: d.roleplayTitle,
        nodeId: d.nodeId,
        line: d.line,
        total: replies.reduce((n, r) => n + r.count, 0),
        replies,
      };
    });

    const endings: EndingRow[] = catalog.roleplays.flatMap((rp) =>
      rp.endings.map((e) => ({
        roleplayId: rp.id,
        roleplayTitle: rp.title,
        endingId: e.id,
        title: e.title,
        outcome: e.outcome,
        count: state.endings[rp.id]?.[e.id] ?? 0,
      })),
    );

    const funnel = catalog.modules.map((m) => ({
      moduleId: m.id,
      title: m.title,
      learners: Object.values(state.learners).filter((l) => (l.modules[m.id] ?? 0) > 0).length,
    }));

    return {
      generatedAt: now.toISOString(),
      statements: state.statements,
      completion,
      questions,
      decisions,
      endings,
      funnel,
    };
  }
}

/** A response in xAPI notation (`a[,]b`, `x[.]y`) in the words the learner saw. */
export function labelResponse(response: string, labels: Record<string, string>): string {
  if (response === OTHER_RESPONSES) return '（其他 / other）';
  if (Object.keys(labels).length === 0) return response;
  return response
    .split('[,]')
    .map((part) =>
      part
        .split('[.]')
        .map((id) => labels[id] ?? id)
        .join(' → '),
    )
    .join('；');
}
