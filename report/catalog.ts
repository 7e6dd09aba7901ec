/**
 * What the report needs to know of the course: its IRI, modules, questions and role-play decisions, with titles in
 * the course language. Built from the course index and module data the build emits (`dist/content/`), so the report
 * reads the same course the learners took.
 */
import type { CourseIndex, ModuleData, Question } from '../core/types.js';

export interface CatalogQuestion {
  id: string;
  prompt: string;
  /** The quiz it was drawn in (a chapter quiz or the final assessment). */
  quizId: string;
  quizTitle: string;
  /** Option / item ids to their text, to name a wrong answer in words. */
  labels: Record<string, string>;
}

export interface CatalogDecision {
  roleplayId: string;
  roleplayTitle: string;
  nodeId: string;
  /** What the customer says at this decision. */
  line: string;
  replies: { id: string; text: string; score: number; harmful: boolean }[];
}

export interface CatalogRolePlay {
  id: string;
  title: string;
  endings: { id: string; title: string; outcome: string }[];
}

export interface Catalog {
  courseIri: string;
  title: string;
  language: string;
  passingScore: number;
  modules: { id: string; title: string }[];
  finalQuizId: string | null;
  questions: CatalogQuestion[];
  decisions: CatalogDecision[];
  roleplays: CatalogRolePlay[];
}

function labelsOf(question: Question): Record<string, string> {
  const labels: Record<string, string> = {};
  switch (question.type) {
    case 'single':
    case 'multiple':
      for (const o of question.options) labels[o.id] = o.text;
      break;
    case 'sequencing':
      for (const i of question.items) labels[i.id] = i.text;
      break;
    case 'matching':
      for (const i of [...question.sources, ...question.targets]) labels[i.id] = i.text;
      break;
    case 'true-false':
      labels['true'] = '对';
      labels['false'] = '错';
      break;
    case 'fill-in':
      break;
  }
  return labels;
}

export function buildCatalog(index: CourseIndex, modules: ModuleData[]): Catalog {
  const questions: CatalogQuestion[] = [];
  const decisions: CatalogDecision[] = [];
  const roleplays: CatalogRolePlay[] = [];
  const seen = new Set<string>();
  let finalQuizId: string | null = null;
  for (const data of modules) {
    for (const item of data.items) {
      if (item.kind === 'quiz') {
        if (item.quiz.final) finalQuizId = item.quiz.id;
        for (const pool of item.quiz.pools) {
          for (const q of pool.questions) {
            if (seen.has(q.id)) continue;
            seen.add(q.id);
            questions.push({
              id: q.id,
              prompt: q.prompt,
              quizId: item.quiz.id,
              quizTitle: item.quiz.title,
              labels: labelsOf(q),
            });
          }
        }
      } else if (item.kind === 'roleplay') {
        const rp = item.roleplay;
        roleplays.push({
          id: rp.id,
          title: rp.title,
          endings: rp.nodes.flatMap((n) =>
            n.ending ? [{ id: n.id, title: n.ending.title, outcome: n.ending.outcome }] : [],
          ),
        });
        for (const node of rp.nodes) {
          if (!node.replies) continue;
          decisions.push({
            roleplayId: rp.id,
            roleplayTitle: rp.title,
            nodeId: node.id,
            line: node.line ?? node.narration ?? '',
            replies: node.replies.map((r) => ({ id: r.id, text: r.text, score: r.score, harmful: r.harmful === true })),
          });
        }
      }
    }
  }
  return {
    courseIri: index.id,
    title: index.title,
    language: index.language,
    passingScore: index.passingScore,
    modules: index.modules.map((m) => ({ id: m.id, title: m.title })),
    finalQuizId,
    questions,
    decisions,
    roleplays,
  };
}
