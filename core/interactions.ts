/**
 * What components report upwards and what the player persists to restore them. Responses are structured (the
 * course's own ids, booleans, text); each tracker turns them into its standard's notation.
 */
import type { Outcome } from './types.js';

/** xAPI interactionType values (and SCORM 2004 cmi.interactions.n.type) used by the course. */
export type InteractionType = 'choice' | 'true-false' | 'fill-in' | 'sequencing' | 'matching';

/** An entry of an interaction's component list (xAPI `choices`, `source`, `target`). */
export interface InteractionComponent {
  id: string;
  description: string;
}

export interface Score {
  raw: number;
  min: number;
  max: number;
  /** raw / max, 0–1 (the course never scores below zero). */
  scaled: number;
}

/**
 * A response in structured form: what the learner answered, or one correct answer. Components and core fill it
 * with the course's own ids; each tracker turns it into its standard's notation (xAPI / SCORM 2004 `[,]` and
 * `[.]`, SCORM 1.2 single characters and `t`/`f`, IRIs for xAPI), in one place per standard.
 */
export type InteractionResponse =
  /** single, multiple and role-play replies: the chosen option ids (one for single and role-play). */
  | { type: 'choice'; choiceIds: string[] }
  | { type: 'true-false'; value: boolean }
  /** fill-in: the text as typed (learner) or one accepted answer (correct response). */
  | { type: 'fill-in'; text: string }
  /** sequencing: item ids in order. */
  | { type: 'sequencing'; itemIds: string[] }
  /** matching: source → target pairs. */
  | { type: 'matching'; pairs: { source: string; target: string }[] };

/** One checked question or one role-play choice, as a tracker reports it. */
export interface InteractionRecord {
  /** Stable id: the question id, or `<roleplay id>.<node id>` for a role-play choice. */
  id: string;
  /** Id of the quiz or role-play it belongs to. */
  parentId: string;
  /** What `parentId` is: a quiz (the record is a question) or a role-play (a reply chosen). */
  parentKind: 'quiz' | 'roleplay';
  type: InteractionType;
  /** The prompt, or the customer's line. */
  description: string;
  /** What the learner answered. */
  response: InteractionResponse;
  /**
   * Every response that counts as right: fill-in has one entry per accepted answer (compared ignoring Latin case,
   * width and spacing); a role-play node with tied best replies has one entry per reply.
   */
  correctResponses: InteractionResponse[];
  success: boolean;
  score: Score;
  /** Milliseconds from the question being shown (or last reset) to the answer. */
  durationMs: number;
  /** 1 for the first try at this question in this quiz attempt. */
  attempt: number;
  /** ISO 8601 time of the answer. */
  timestamp: string;
  choices?: InteractionComponent[];
  source?: InteractionComponent[];
  target?: InteractionComponent[];
  /** The objective the question assesses, if any. */
  objective?: string;
}

/** A learner's response in its natural form, per question type. */
export type QuestionResponse =
  | string // single, fill-in
  | string[] // multiple, sequencing
  | boolean // true-false
  | Record<string, string>; // matching: source id → target id

/** Everything needed to put a question back exactly as it was. */
export interface QuestionState {
  /** The current response, checked or not; null when nothing is entered. */
  response: QuestionResponse | null;
  /** Tries checked so far. */
  tries: number;
  /** Whether the current response has been checked (feedback is showing). */
  checked: boolean;
  /** Result of the last check. */
  success: boolean | null;
  score: Score | null;
}

export interface QuizResult {
  quizId: string;
  attempt: number;
  score: Score;
  passed: boolean;
  /** Per question: id, success and score, in the order asked. */
  questions: { id: string; success: boolean; score: Score }[];
  durationMs: number;
}

export interface QuizAttemptState {
  /** 1-based number of the current attempt. */
  attempt: number;
  /** Seed of this attempt's draw and shuffles, so a reload shows the same questions in the same order. */
  seed: string;
  /** Ids of the questions drawn for this attempt, in order. */
  questionIds: string[];
  /** Index of the question on screen. */
  current: number;
  answers: Record<string, QuestionState>;
  /** 'intro' before starting, 'answering', 'result' after finishing, 'review' when reviewing. */
  phase: 'intro' | 'answering' | 'result' | 'review';
  startedAt: string | null;
  /** Results of finished attempts, oldest first. */
  results: QuizResult[];
}

export interface RolePlayStep {
  nodeId: string;
  replyId: string;
  score: number;
}

export interface RolePlayState {
  /** Choices made so far, in order. */
  path: RolePlayStep[];
  /** Node on screen. */
  nodeId: string;
  /** Whether the feedback of the last choice is showing (before moving on). */
  showingFeedback: boolean;
  /** How many times the learner has finished the role-play. */
  runs: number;
  /** Best result over finished runs. */
  best: RolePlayResult | null;
}

export interface RolePlayResult {
  roleplayId: string;
  outcome: Outcome;
  endingId: string;
  score: Score;
  path: RolePlayStep[];
  /** Whether this run meets the role-play's `required` rule (true when it has none). */
  met: boolean;
  durationMs: number;
}
