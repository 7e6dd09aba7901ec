/**
 * Turns one xAPI statement into what the report counts. The vocabulary (verbs, activity id paths, extensions) is the
 * one the course's tracking runtime sends (see docs/tracking.md); anything else about the course is a date of
 * activity and nothing more, and statements about other courses are ignored.
 */
import type { Catalog } from './catalog.js';

export const VERBS = {
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  voided: 'http://adlnet.gov/expapi/verbs/voided',
} as const;

/** The parts of a statement the report reads; everything is optional because statements are data from outside. */
export interface Statement {
  id?: string;
  actor?: {
    name?: string;
    mbox?: string;
    mbox_sha1sum?: string;
    openid?: string;
    account?: { homePage?: string; name?: string };
  };
  verb?: { id?: string };
  object?: { id?: string; objectType?: string };
  result?: {
    success?: boolean;
    completion?: boolean;
    response?: string;
    duration?: string;
    score?: { scaled?: number; raw?: number; min?: number; max?: number };
    extensions?: Record<string, unknown>;
  };
  context?: {
    registration?: string;
    extensions?: Record<string, unknown>;
    contextActivities?: Record<string, { id: string }[]>;
  };
  timestamp?: string;
  stored?: string;
}

export interface Learner {
  /** Stable key: `account:<homePage>|<name>`, `mbox:<mailto>`, … */
  key: string;
  name: string;
  /** What HR recognises: the account name or the mailbox. */
  identifier: string;
}

export type ReportFact =
  | { kind: 'activity' }
  | { kind: 'session-time'; durationMs: number }
  | { kind: 'module-completed'; moduleId: string }
  | { kind: 'course-completed' }
  | { kind: 'course-result'; passed: boolean; percent: number | null }
  | { kind: 'assessment-result'; quizId: string; passed: boolean; percent: number | null }
  | { kind: 'answered'; questionId: string; success: boolean; response: string; attempt: number | null }
  | { kind: 'roleplay-choice'; roleplayId: string; nodeId: string; replyId: string }
  | { kind: 'roleplay-ending'; roleplayId: string; endingId: string }
  | { kind: 'voided'; targetId: string };

export interface ClassifiedStatement {
  id: string;
  learner: Learner;
  registration: string | null;
  /** Epoch milliseconds of the statement's timestamp (or stored time). */
  at: number;
  facts: ReportFact[];
}

export function learnerOf(actor: Statement['actor']): Learner | null {
  if (!actor) return null;
  let key: string | null = null;
  let identifier = '';
  if (actor.account?.name) {
    key = `account:${actor.account.homePage ?? ''}|${actor.account.name}`;
    identifier = actor.account.name;
  } else if (actor.mbox) {
    key = `mbox:${actor.mbox}`;
    identifier = actor.mbox.replace(/^mailto:/, '');
  } else if (actor.mbox_sha1sum) {
    key = `sha1:${actor.mbox_sha1sum}`;
    identifier = actor.mbox_sha1sum;
  } else if (actor.openid) {
    key = `openid:${actor.openid}`;
    identifier = actor.openid;
  }
  return key ? { key, name: typeof actor.name === 'string' ? actor.name : '', identifier } : null;
}

/** ISO 8601 duration (`PT1H2M3.25S`, `P1DT2H`) in milliseconds; null when unreadable. */
export function durationMs(text: string | undefined): number | null {
  if (!text) return null;
  const m = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!m) return null;
  const [, d, h, min, s] = m.map((v) => (v === undefined ? 0 : Number(v)));
  return Math.round((((d! * 24 + h!) * 60 + min!) * 60 + s!) * 1000);
}

/** A score as a percentage 0–100: scaled when given, else raw over min–max. */
function percentOf(score: NonNullable<Statement['result']>['score']): number | null {
  if (!score) return null;
  if (typeof score.scaled === 'number') return Math.round(score.scaled * 10000) / 100;
  if (typeof score.raw === 'number' && typeof score.max === 'number' && score.max > (score.min ?? 0)) {
    const min = score.min ?? 0;
    return Math.round(((score.raw - min) / (score.max - min)) * 10000) / 100;
  }
  return null;
}

function extension(statement: Statement, name: string): unknown {
  for (const bag of [statement.result?.extensions, statement.context?.extensions]) {
    if (!bag) continue;
    for (const [key, value] of Object.entries(bag)) if (key.endsWith(`/${name}`)) return value;
  }
  return undefined;
}

/** Splits `<course>/<kind>/<id>[/nodes/<node>]` into its parts; null when the id is not under the course. */
export function parseActivityId(
  courseIri: string,
  id: string,
): { kind: 'course' } | { kind: string; itemId: string; nodeId?: string } | null {
  if (id === courseIri) return { kind: 'course' };
  if (!id.startsWith(`${courseIri}/`)) return null;
  const parts = id
    .slice(courseIri.length + 1)
    .split('/')
    .map(decodeURIComponent);
  const [kind, itemId, sub, nodeId] = parts;
  if (!kind || !itemId) return null;
  if (sub === 'nodes' && nodeId) return { kind, itemId, nodeId };
  return { kind, itemId };
}

const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';

/**
 * A cmi5-defined statement (initialized, completed, passed, failed, terminated) is about the LMS's own AU activity id
 * (cmi5 §9.4), not the course IRI; the LMS's context template names the course's AU in grouping. Such a statement
 * counts as one about the course.
 */
function isCmi5CourseStatement(statement: Statement, courseIri: string): boolean {
  const activities = statement.context?.contextActivities;
  if (!activities?.category?.some((a) => a.id === CMI5_CATEGORY)) return false;
  return (activities.grouping ?? []).some((a) => a.id === courseIri || a.id.startsWith(`${courseIri}/`));
}

export function classify(statement: Statement, catalog: Catalog): ClassifiedStatement | null {
  const learner = learnerOf(statement.actor);
  const verb = statement.verb?.id;
  const objectId = statement.object?.id;
  if (!learner || !verb || !objectId || typeof statement.id !== 'string') return null;
  const at = Date.parse(statement.timestamp ?? statement.stored ?? '');
  const base = {
    id: statement.id,
    learner,
    registration: statement.context?.registration ?? null,
    at: Number.isFinite(at) ? at : 0,
  };
  if (verb === VERBS.voided && statement.object?.objectType === 'StatementRef') {
    return { ...base, facts: [{ kind: 'voided', targetId: objectId }] };
  }
  const target =
    parseActivityId(catalog.courseIri, objectId) ??
    (isCmi5CourseStatement(statement, catalog.courseIri) ? ({ kind: 'course' } as const) : null);
  if (!target) return null;
  const facts: ReportFact[] = [{ kind: 'activity' }];
  const result = statement.result;
  const percent = percentOf(result?.score);

  if (verb === VERBS.terminated) {
    const ms = durationMs(result?.duration);
    if (ms !== null) facts.push({ kind: 'session-time', durationMs: ms });
  }
  if (target.kind === 'course') {
    if (verb === VERBS.completed) facts.push({ kind: 'course-completed' });
    if (verb === VERBS.passed || verb === VERBS.failed)
      facts.push({ kind: 'course-result', passed: verb === VERBS.passed, percent });
  } else if ('itemId' in target) {
    if (target.kind === 'modules' && verb === VERBS.completed) {
      facts.push({ kind: 'module-completed', moduleId: target.itemId });
    } else if (target.kind === 'quizzes' && (verb === VERBS.passed || verb === VERBS.failed)) {
      facts.push({ kind: 'assessment-result', quizId: target.itemId, passed: verb === VERBS.passed, percent });
    } else if (target.kind === 'questions' && verb === VERBS.answered) {
      const attempt = extension(statement, 'attempt');
      facts.push({
        kind: 'answered',
        questionId: target.itemId,
        success: result?.success === true,
        response: typeof result?.response === 'string' ? result.response : '',
        attempt: typeof attempt === 'number' ? attempt : null,
      });
    } else if (target.kind === 'roleplays' && target.nodeId && verb === VERBS.answered) {
      facts.push({
        kind: 'roleplay-choice',
        roleplayId: target.itemId,
        nodeId: target.nodeId,
        replyId: typeof result?.response === 'string' ? result.response : '',
      });
    } else if (target.kind === 'roleplays' && !target.nodeId && verb === VERBS.completed) {
      const ending = extension(statement, 'ending');
      if (typeof ending === 'string')
        facts.push({ kind: 'roleplay-ending', roleplayId: target.itemId, endingId: ending });
    }
  }
  return { ...base, facts };
}
