/**
 * Scoring and interaction records for every question type. Plain functions without DOM, shared by the question
 * components (which report interactions) and anything that needs to re-score a saved response. Records carry
 * responses in structured form; each tracker turns them into its standard's notation.
 */
import type {
  InteractionComponent,
  InteractionRecord,
  InteractionResponse,
  InteractionType,
  QuestionResponse,
  Score,
} from './interactions.js';
import { matchesFillIn } from './normalise.js';
import type { Question } from './types.js';

export interface ScoreResult {
  score: Score;
  success: boolean;
}

/** The response as a string (single choice, fill-in), or null when it is something else. */
function asText(response: QuestionResponse | null | undefined): string | null {
  return typeof response === 'string' ? response : null;
}

/** The response as a list of ids (multiple choice, sequencing), or an empty list. */
function asList(response: QuestionResponse | null | undefined): string[] {
  return Array.isArray(response) ? response.filter((id): id is string => typeof id === 'string') : [];
}

/** The response as source → target pairs (matching), or an empty record. */
function asPairs(response: QuestionResponse | null | undefined): Record<string, string> {
  if (response === null || response === undefined || typeof response !== 'object' || Array.isArray(response)) return {};
  return response;
}

/** Rounds away floating-point noise such as 0.30000000000000004. */
export function tidy(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** A score for a fraction (0–1) of a question's weight. */
export function scoreOf(question: Question, fraction: number): Score {
  const max = question.weight ?? 1;
  const scaled = tidy(Math.min(1, Math.max(0, fraction)));
  return { raw: tidy(scaled * max), min: 0, max, scaled };
}

/** The fraction (0–1) of the question answered rightly. */
function fractionCorrect(question: Question, response: QuestionResponse | null): number {
  switch (question.type) {
    case 'single':
      return asText(response) === question.answer ? 1 : 0;
    case 'true-false':
      return typeof response === 'boolean' && response === question.answer ? 1 : 0;
    case 'fill-in': {
      const text = asText(response);
      return text !== null && matchesFillIn(question.answer, text) ? 1 : 0;
    }
    case 'multiple': {
      const correct = new Set(question.answer);
      if (correct.size === 0) return 0;
      const picks = new Set(asList(response));
      let right = 0;
      let wrong = 0;
      for (const id of picks) {
        if (correct.has(id)) right++;
        else wrong++;
      }
      return Math.max(0, (right - wrong) / correct.size);
    }
    case 'sequencing': {
      if (question.answer.length === 0) return 0;
      const order = asList(response);
      const inPlace = question.answer.filter((id, index) => order[index] === id).length;
      return inPlace / question.answer.length;
    }
    case 'matching': {
      const expected = Object.entries(question.answer);
      if (expected.length === 0) return 0;
      const given = asPairs(response);
      const right = expected.filter(([source, target]) => given[source] === target).length;
      return right / expected.length;
    }
  }
}

/**
 * Scores a response. Partial credit: multiple = max(0, (right picks − wrong picks) / correct options);
 * sequencing = items in the right position / items; matching = right pairs / pairs; single, true-false and fill-in
 * are all-or-nothing. `score.max` is the question's weight (default 1); success means full marks.
 */
export function scoreResponse(question: Question, response: QuestionResponse | null): ScoreResult {
  const score = scoreOf(question, fractionCorrect(question, response));
  return { score, success: score.scaled === 1 };
}

/** The xAPI interactionType of a question: single and multiple choice are both 'choice'. */
export function interactionType(question: Question): InteractionType {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return 'choice';
    default:
      return question.type;
  }
}

/**
 * The learner's response in structured form: choice ids (in the question's option order), true/false, the fill-in
 * text as typed, sequencing ids in the learner's order, matching pairs (in the question's source order).
 */
export function interactionResponse(question: Question, response: QuestionResponse | null): InteractionResponse {
  switch (question.type) {
    case 'single': {
      const id = asText(response);
      return { type: 'choice', choiceIds: id === null ? [] : [id] };
    }
    case 'multiple': {
      const picks = new Set(asList(response));
      const known = question.options.map((option) => option.id).filter((id) => picks.has(id));
      const unknown = [...picks].filter((id) => !question.options.some((option) => option.id === id));
      return { type: 'choice', choiceIds: [...known, ...unknown] };
    }
    case 'true-false':
      // Only called for a checked response, which is always a boolean.
      return { type: 'true-false', value: response === true };
    case 'fill-in':
      return { type: 'fill-in', text: asText(response) ?? '' };
    case 'sequencing':
      return { type: 'sequencing', itemIds: asList(response) };
    case 'matching': {
      const pairs = asPairs(response);
      return {
        type: 'matching',
        pairs: question.sources
          .filter((source) => pairs[source.id])
          .map((source) => ({ source: source.id, target: pairs[source.id]! })),
      };
    }
  }
}

/** The correct responses: one, except for fill-in, where each accepted answer is an entry of its own. */
export function correctResponses(question: Question): InteractionResponse[] {
  switch (question.type) {
    case 'single':
      return [{ type: 'choice', choiceIds: [question.answer] }];
    case 'multiple':
      return [{ type: 'choice', choiceIds: [...question.answer] }];
    case 'true-false':
      return [{ type: 'true-false', value: question.answer }];
    case 'fill-in':
      return question.answer.map((text) => ({ type: 'fill-in', text }));
    case 'sequencing':
      return [{ type: 'sequencing', itemIds: [...question.answer] }];
    case 'matching': {
      const ordered = question.sources.map((source) => source.id).filter((id) => id in question.answer);
      const rest = Object.keys(question.answer).filter((id) => !ordered.includes(id));
      return [
        { type: 'matching', pairs: [...ordered, ...rest].map((id) => ({ source: id, target: question.answer[id]! })) },
      ];
    }
  }
}

/** The xAPI component lists of a question: `choices` (choice, sequencing) or `source` and `target` (matching). */
export function interactionComponents(question: Question): {
  choices?: InteractionComponent[];
  source?: InteractionComponent[];
  target?: InteractionComponent[];
} {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return { choices: asComponents(question.options) };
    case 'sequencing':
      return { choices: asComponents(question.items) };
    case 'matching':
      return { source: asComponents(question.sources), target: asComponents(question.targets) };
    default:
      return {};
  }
}

/** Options, items, sources or role-play replies as xAPI interaction components (id + text). */
export function asComponents(items: readonly { id: string; text: string }[]): InteractionComponent[] {
  return items.map(({ id, text }) => ({ id, description: text }));
}

/** The timing of an interaction: its duration in whole milliseconds (never below 0) and `now` in ISO 8601. */
export function interactionTiming(durationMs: number, now: Date): Pick<InteractionRecord, 'durationMs' | 'timestamp'> {
  return { durationMs: Math.max(0, Math.round(durationMs)), timestamp: now.toISOString() };
}

/** Where and when a question was answered, for its InteractionRecord. */
export interface InteractionContext {
  /** Id of the quiz the question belongs to. */
  parentId: string;
  /** 1 for the first try at this question in this quiz attempt. */
  attempt: number;
  /** Milliseconds from the question being shown (or reset, or retried) to the check. */
  durationMs: number;
  /** When the response was checked. */
  now: Date;
}

/**
 * The interaction a tracker reports for checking `response`, scored as `result` (see `scoreResponse`): the question
 * id and prompt, its interaction type, the response and correct responses in structured form (each accepted fill-in
 * answer an entry of its own), the component lists, and the question's objective when it has one.
 */
export function interactionRecord(
  question: Question,
  response: QuestionResponse | null,
  result: ScoreResult,
  context: InteractionContext,
): InteractionRecord {
  const timing = interactionTiming(context.durationMs, context.now);
  const record: InteractionRecord = {
    id: question.id,
    parentId: context.parentId,
    type: interactionType(question),
    description: question.prompt,
    parentKind: 'quiz',
    response: interactionResponse(question, response),
    correctResponses: correctResponses(question),
    success: result.success,
    score: result.score,
    durationMs: timing.durationMs,
    attempt: context.attempt,
    timestamp: timing.timestamp,
    ...interactionComponents(question),
  };
  if (question.objective) record.objective = question.objective;
  return record;
}
