/**
 * Test support: every interaction record the real course can produce (each question answered right and in every
 * wrong way we can name, each role-play reply), in the structured form the player emits.
 */
import type { InteractionResponse, QuestionResponse } from '../../../core/interactions.js';
import { bestReplies, bestScore, replyChoices, scaledScore } from '../../../core/roleplay.js';
import { interactionRecord, scoreResponse } from '../../../core/scoring.js';
import type { Question, Quiz, RolePlay } from '../../../core/types.js';
import type { BuiltCourse } from '../../../tools/content/load-course.js';
import type { TrackedInteraction } from '../../../tracking/interaction.js';

const NOW = new Date('2026-11-27T08:30:12.345Z');

export function structuredResponse(question: Question, response: QuestionResponse): InteractionResponse {
  switch (question.type) {
    case 'single':
      return { type: 'choice', choiceIds: [response as string] };
    case 'multiple':
      return { type: 'choice', choiceIds: response as string[] };
    case 'true-false':
      return { type: 'true-false', value: response as boolean };
    case 'fill-in':
      return { type: 'fill-in', text: response as string };
    case 'sequencing':
      return { type: 'sequencing', itemIds: response as string[] };
    case 'matching':
      return {
        type: 'matching',
        pairs: Object.entries(response as Record<string, string>).map(([source, target]) => ({ source, target })),
      };
  }
}

/** The course's right answer(s) as correct responses: every accepted fill-in variant its own entry. */
export function correctResponses(question: Question): InteractionResponse[] {
  if (question.type === 'fill-in') return question.answer.map((text) => ({ type: 'fill-in', text }));
  return [structuredResponse(question, question.answer)];
}

/** Right answer first, then wrong ones: each other option, a partial and a reversed list, awkward typed text. */
export function answersOf(question: Question): QuestionResponse[] {
  switch (question.type) {
    case 'single':
      return [question.answer, ...question.options.map((o) => o.id).filter((id) => id !== question.answer)];
    case 'multiple':
      return [question.answer, question.answer.slice(1), question.options.map((o) => o.id)];
    case 'true-false':
      return [question.answer, !question.answer];
    case 'fill-in':
      return [
        question.answer[0]!,
        '不知道',
        '{lang=en}[,]' + '很长的回答'.repeat(80),
        `  ${question.answer.at(-1)!.toUpperCase()}。 `,
      ];
    case 'sequencing':
      return [question.answer, [...question.answer].reverse()];
    case 'matching': {
      const targets = Object.values(question.answer);
      const rotated = Object.fromEntries(
        Object.keys(question.answer).map((source, i) => [source, targets[(i + 1) % targets.length]!]),
      );
      return [question.answer, rotated];
    }
  }
}

export function questionRecord(quiz: Quiz, question: Question, response: QuestionResponse): TrackedInteraction {
  const record = interactionRecord(question, response, scoreResponse(question, response), {
    parentId: quiz.id,
    attempt: 1,
    durationMs: 12_345.6,
    now: NOW,
  });
  return {
    ...record,
    response: structuredResponse(question, response),
    correctResponses: correctResponses(question),
    parentKind: 'quiz',
  };
}

export function replyRecords(rp: RolePlay): TrackedInteraction[] {
  return rp.nodes.flatMap((node) =>
    (node.replies ?? []).map((reply): TrackedInteraction => {
      const best = bestScore(node);
      const raw = Math.max(0, reply.score);
      return {
        id: `${rp.id}.${node.id}`,
        parentId: rp.id,
        parentKind: 'roleplay',
        type: 'choice',
        description: node.line ?? node.narration ?? '',
        response: { type: 'choice', choiceIds: [reply.id] },
        correctResponses: bestReplies(node).map((id) => ({ type: 'choice', choiceIds: [id] })),
        success: bestReplies(node).includes(reply.id),
        score: { raw, min: 0, max: Math.max(0, best), scaled: scaledScore(raw, best) },
        durationMs: 3_000,
        attempt: 1,
        timestamp: NOW.toISOString(),
        choices: replyChoices(node),
      };
    }),
  );
}

export function quizzesOf(course: BuiltCourse): Quiz[] {
  return course.modules.flatMap((m) => m.items.flatMap((item) => (item.kind === 'quiz' ? [item.quiz] : [])));
}

export function rolePlaysOf(course: BuiltCourse): RolePlay[] {
  return course.modules.flatMap((m) => m.items.flatMap((item) => (item.kind === 'roleplay' ? [item.roleplay] : [])));
}

/** Every record: each question with each of its answers, and every role-play reply. */
export function allRecords(course: BuiltCourse): TrackedInteraction[] {
  const questions = quizzesOf(course).flatMap((quiz) =>
    quiz.pools.flatMap((pool) =>
      pool.questions.flatMap((q) => answersOf(q).map((answer) => questionRecord(quiz, q, answer))),
    ),
  );
  return [...questions, ...rolePlaysOf(course).flatMap(replyRecords)];
}
