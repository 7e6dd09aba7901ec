import { buildCatalog, type Catalog } from '../catalog.js';
import type { Statement } from '../classify.js';
import type { CourseIndex, ModuleData } from '../../core/types.js';

/** A small course (two modules, one question, one role-play, a final assessment) and statements about it. */
export const IRI = 'https://training.example.net/courses/service';
export const REG1 = '6f1c1d2e-1111-4111-8111-000000000001';
export const REG2 = '6f1c1d2e-2222-4222-8222-000000000002';

export function catalog(): Catalog {
  const index = {
    id: IRI,
    title: '服务课程',
    description: '',
    language: 'zh-CN',
    version: '1',
    passingScore: 80,
    completion: {
      module: { pages: true, quiz: true, checkpoints: true },
      course: { modules: true, finalAssessment: true },
    },
    modules: [
      { id: 'm1', title: '模块一', description: '', objectives: [], href: 'modules/m1.json', items: [] },
      { id: 'm2', title: '模块二', description: '', objectives: [], href: 'modules/m2.json', items: [] },
    ],
  } as CourseIndex;
  const modules: ModuleData[] = [
    {
      id: 'm1',
      items: [
        {
          kind: 'quiz',
          id: 'quiz-1',
          title: '测验一',
          quiz: {
            id: 'quiz-1',
            title: '测验一',
            passingScore: 80,
            attempts: 0,
            questionAttempts: 1,
            revealAnswer: 'always',
            shuffle: false,
            pools: [
              {
                id: 'p',
                questions: [
                  {
                    id: 'q1',
                    type: 'single',
                    prompt: '问题一',
                    answer: 'a',
                    options: [
                      { id: 'a', text: '对的', feedback: '' },
                      { id: 'b', text: '错的', feedback: '' },
                      { id: 'c', text: '也错', feedback: '' },
                    ],
                  },
                ],
              },
            ],
          },
        },
        {
          kind: 'roleplay',
          id: 'rp',
          title: '投诉',
          roleplay: {
            id: 'rp',
            title: '投诉',
            scenario: '',
            customer: { name: '客户' },
            learnerRole: '客服',
            start: 'n1',
            nodes: [
              {
                id: 'n1',
                line: '你们乱收费！',
                replies: [
                  { id: 'calm', text: '您先别急', score: 2, feedback: '', next: 'good' },
                  { id: 'deny', text: '不可能', score: 0, feedback: '', next: 'bad', harmful: true },
                ],
              },
              { id: 'good', ending: { outcome: 'good', title: '满意', debrief: '' } },
              { id: 'bad', ending: { outcome: 'bad', title: '投诉升级', debrief: '' } },
            ],
          },
        },
      ],
    },
    {
      id: 'final',
      items: [
        {
          kind: 'quiz',
          id: 'final',
          title: '结业测评',
          quiz: {
            id: 'final',
            title: '结业测评',
            final: true,
            passingScore: 80,
            attempts: 3,
            questionAttempts: 1,
            revealAnswer: 'never',
            shuffle: false,
            pools: [],
          },
        },
      ],
    },
  ];
  return buildCatalog(index, modules);
}

let n = 0;
export function statement(
  actor: NonNullable<Statement['actor']>,
  verb: string,
  objectId: string,
  extra: Partial<Statement> = {},
): Statement {
  n++;
  const at = new Date(Date.UTC(2026, 10, 1, 8, 0, n)).toISOString();
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    actor,
    verb: { id: `http://adlnet.gov/expapi/verbs/${verb}` },
    object: { id: objectId, objectType: 'Activity' },
    timestamp: at,
    stored: at,
    ...extra,
    // As the course sends them: every activity below the course names the course as its grouping.
    context: {
      registration: REG1,
      ...(objectId.startsWith(`${IRI}/`) ? { contextActivities: { grouping: [{ id: IRI }] } } : {}),
      ...extra.context,
    },
  };
}

export const zhang = { name: '张伟', account: { homePage: 'https://lms.example.net', name: 'zhangwei' } };
export const li = { name: '李娜', mbox: 'mailto:lina@example.net' };
