/**
 * The course's data model, shared by the build tools (which validate and emit it) and the learner's runtime
 * (which renders it). Source YAML files are validated against the JSON Schemas in `schemas/`, which mirror these
 * types; the build then emits them as JSON the player loads per module.
 */

/** When the correct answer of a question is shown to the learner. */
export type RevealPolicy = 'always' | 'after-last-attempt' | 'never';

export type QuestionType = 'single' | 'multiple' | 'true-false' | 'fill-in' | 'sequencing' | 'matching';

interface QuestionBase {
  /** Unique across the course; becomes the interaction id reported to the LMS. */
  id: string;
  type: QuestionType;
  /** Id of the module objective this question assesses. */
  objective?: string;
  prompt: string;
  /** Relative weight in the quiz score (default 1). */
  weight?: number;
  /** Shown in review mode and when the answer is revealed. */
  explanation?: string;
  /** Free tags; `application` marks a question that applies a rule to a situation (rather than recalling it). */
  tags?: string[];
  /** Overrides the quiz's `questionAttempts`. */
  attempts?: number;
  /** Overrides the quiz's `revealAnswer`. */
  revealAnswer?: RevealPolicy;
}

/** A selectable option of a choice question, with the feedback shown when the learner picks it. */
export interface ChoiceOption {
  id: string;
  text: string;
  feedback: string;
}

/** An item to order or to pair, with feedback that explains where it belongs. */
export interface ListItem {
  id: string;
  text: string;
  feedback?: string;
}

export interface OutcomeFeedback {
  correct: string;
  incorrect: string;
}

export interface SingleChoiceQuestion extends QuestionBase {
  type: 'single';
  options: ChoiceOption[];
  answer: string;
}

export interface MultipleChoiceQuestion extends QuestionBase {
  type: 'multiple';
  options: ChoiceOption[];
  answer: string[];
}

export interface TrueFalseQuestion extends QuestionBase {
  type: 'true-false';
  answer: boolean;
  /** Feedback for choosing "true" and for choosing "false". */
  feedback: { true: string; false: string };
}

export interface FillInQuestion extends QuestionBase {
  type: 'fill-in';
  /** Accepted answers; compared after normalisation (width, spaces, punctuation, Latin case). */
  answer: string[];
  feedback: OutcomeFeedback;
}

export interface SequencingQuestion extends QuestionBase {
  type: 'sequencing';
  items: ListItem[];
  /** Item ids in the correct order. */
  answer: string[];
  feedback: OutcomeFeedback;
}

export interface MatchingQuestion extends QuestionBase {
  type: 'matching';
  sources: ListItem[];
  targets: ListItem[];
  /** Source id → target id. */
  answer: Record<string, string>;
  feedback: OutcomeFeedback;
}

export type Question =
  | SingleChoiceQuestion
  | MultipleChoiceQuestion
  | TrueFalseQuestion
  | FillInQuestion
  | SequencingQuestion
  | MatchingQuestion;

export interface QuestionPool {
  id: string;
  title?: string;
  /** How many questions to draw at random per attempt; all when absent. */
  draw?: number;
  questions: Question[];
}

/** When a quiz tells the learner whether an answer is right: at each question's check, or only once submitted. */
export type QuizFeedback = 'each-question' | 'after-submit';

/** When the learner may see the correct answers after submitting (in the review). */
export type ShowAnswers = 'after-each-attempt' | 'after-pass-or-last-attempt' | 'never';

export interface Quiz {
  id: string;
  title: string;
  /** The module this quiz belongs to; absent for the final assessment. */
  module?: string;
  /** True for the course's final assessment. */
  final?: boolean;
  intro?: string;
  /** Percentage (0–100) of the weighted score needed to pass. */
  passingScore: number;
  /** Attempts at the whole quiz; 0 means unlimited. */
  attempts: number;
  /** Attempts per question within one quiz attempt. */
  questionAttempts: number;
  revealAnswer: RevealPolicy;
  /**
   * Share (0–1) of a question's marks a right answer keeps on each try after the first: try n earns at most
   * retryCredit^(n−1). The loader fills in the default (0.5, `DEFAULT_RETRY_CREDIT`); 0 gives no credit for a retry.
   */
  retryCredit?: number;
  /** Shuffle option order (stable within one learner's attempt). */
  shuffle: boolean;
  /** Default: `after-submit` for the final assessment, `each-question` otherwise. */
  feedback?: QuizFeedback;
  /** Default: `after-pass-or-last-attempt` for the final assessment, `after-each-attempt` otherwise. */
  showAnswers?: ShowAnswers;
  pools: QuestionPool[];
}

export type Mood = 'angry' | 'upset' | 'anxious' | 'confused' | 'impatient' | 'neutral' | 'calm' | 'satisfied';

export type Outcome = 'good' | 'neutral' | 'bad';

export interface RolePlayReply {
  id: string;
  text: string;
  /** Points for this reply; the best reply at a node scores highest. */
  score: number;
  /** Why this reply is good or bad, naming the rule from the sources that applies. */
  feedback: string;
  /** Short name of that rule, e.g. 先处理心情，再处理事情. */
  rule?: string;
  /** A harmful reply (denial, argument, blame, forbidden phrase): a run that takes one cannot reach a good ending. */
  harmful?: boolean;
  next: string;
}

export interface RolePlayEnding {
  outcome: Outcome;
  title: string;
  debrief: string;
}

export interface RolePlayNode {
  id: string;
  /** Narration of what happens, shown before the customer's line. */
  narration?: string;
  /** What the customer says. */
  line?: string;
  mood?: Mood;
  replies?: RolePlayReply[];
  ending?: RolePlayEnding;
}

/** What a learner must achieve for a required checkpoint to count towards module completion. */
export interface RolePlayRequirement {
  outcome?: Outcome;
  minScore?: number;
}

export interface RolePlay {
  id: string;
  title: string;
  scenario: string;
  customer: { name: string; description?: string };
  /** The learner's role, e.g. 10086 热线客服代表. */
  learnerRole: string;
  start: string;
  required?: RolePlayRequirement;
  nodes: RolePlayNode[];
}

export interface Objective {
  id: string;
  text: string;
}

export interface CompletionRules {
  module: { pages: boolean; quiz: boolean; checkpoints: boolean };
  course: { modules: boolean; finalAssessment: boolean };
  /** When the final assessment opens: with `opensAfterModules`, only once every module is complete. */
  finalAssessment?: { opensAfterModules: boolean };
}

/** One entry of a module's reading sequence; its renderer is chosen by `kind`. */
export type ModuleItem =
  | { kind: 'page'; id: string; title: string; minutes: number; objectives: string[]; sources: string[]; html: string }
  | { kind: 'roleplay'; id: string; title: string; roleplay: RolePlay }
  | { kind: 'quiz'; id: string; title: string; quiz: Quiz };

export type ItemKind = ModuleItem['kind'];

/** What the table of contents needs of an item, without its content. */
export interface ItemSummary {
  kind: ItemKind;
  id: string;
  title: string;
  minutes?: number;
  /** For role-plays: whether the module's completion requires it, and what it requires. */
  required?: RolePlayRequirement;
}

export interface ModuleSummary {
  id: string;
  title: string;
  description: string;
  objectives: Objective[];
  /** URL of the module's data, relative to the course index. */
  href: string;
  items: ItemSummary[];
}

/** The course index the player loads first; module content is loaded on demand. */
export interface CourseIndex {
  id: string;
  title: string;
  description: string;
  language: string;
  version: string;
  passingScore: number;
  completion: CompletionRules;
  modules: ModuleSummary[];
  /** The final assessment, loaded like a module with a single quiz item. */
  finalAssessment?: ModuleSummary;
}

export interface ModuleData {
  id: string;
  items: ModuleItem[];
}
