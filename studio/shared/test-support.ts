/** Test helpers for the studio's components: a recorded, scripted stand-in for the studio server's HTTP answers. */
import type { Diagnostic, Outline } from '../../core/studio-api.js';
import { StudioClient, jsonResponse } from './api.js';

export interface Recorded {
  method: string;
  url: string;
  body: unknown;
}

type Route = (request: Recorded) => Response | Promise<Response>;

/**
 * A client whose requests are answered by `routes` (`'POST /api/outline'` → a function of the request) and recorded in
 * `requests`; an unknown route answers 404. Only for component unit tests: the e2e test uses the real server.
 */
export function stubClient(routes: Record<string, Route>, onUnauthorized: () => void = () => undefined) {
  const requests: Recorded[] = [];
  const client = new StudioClient('test-token', onUnauthorized, async (url, init) => {
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : (init?.body ?? null);
    const request = { method, url, body };
    requests.push(request);
    const route = routes[`${method} ${url.split('?')[0]}`];
    return route ? route(request) : jsonResponse(404, { error: { zh: '没有这个接口', en: 'No such route' } });
  });
  return { client, requests };
}

export const OUTLINE: Outline = {
  course: {
    path: 'course.yaml',
    id: 'https://training.example.com/courses/test',
    title: '电信客户服务基础',
    passingScore: 80,
    completion: {
      module: { pages: true, quiz: true, checkpoints: true },
      course: { modules: true, finalAssessment: true },
      finalAssessment: { opensAfterModules: true },
    },
    language: 'zh-CN',
    finalAssessment: 'final',
  },
  modules: [
    {
      id: 'introduction',
      folder: '00-introduction',
      path: 'modules/00-introduction/module.yaml',
      title: '课程导入',
      items: [
        { kind: 'page', id: 'welcome', title: '欢迎', path: 'modules/00-introduction/01-welcome.md' },
        { kind: 'page', id: 'how-to-learn', title: '怎样学习', path: 'modules/00-introduction/02-how-to-learn.md' },
      ],
    },
    {
      id: 'service-concepts',
      folder: '01-service-concepts',
      path: 'modules/01-service-concepts/module.yaml',
      title: '客户服务基本概念',
      items: [
        {
          kind: 'page',
          id: 'service-concepts-what-is-service',
          title: '什么是服务',
          path: 'modules/01-service-concepts/01-what-is-service.md',
        },
        {
          kind: 'roleplay',
          id: 'weather-forecast',
          title: '天气预报',
          path: 'modules/01-service-concepts/10-weather-forecast.roleplay.yaml',
        },
      ],
      quiz: { id: 'service-concepts-quiz', title: '章节测验', path: 'quizzes/service-concepts.yaml' },
    },
    {
      id: 'service-etiquette',
      folder: '02-service-etiquette',
      path: 'modules/02-service-etiquette/module.yaml',
      title: '服务规范与礼仪',
      items: [],
    },
  ],
  finalQuiz: { id: 'final', title: '期末测验', path: 'quizzes/final.yaml' },
  seeds: ['000_752fc6dac3c4367f.txt', '004_fd4152532fe667e8.txt', '010_aaaa.txt'],
  problems: [],
};

export const PROBLEM: Diagnostic = {
  file: 'modules/01-service-concepts/01-what-is-service.md',
  line: 4,
  column: 13,
  code: 'unknown-objective',
  message: { zh: '学习目标 nope 不存在。', en: 'Learning objective nope does not exist.' },
  fix: { zh: '从 module.yaml 的 objectives 中选一个。', en: 'Pick one from the objectives in module.yaml.' },
};

/** A copy of the outline with module `id` moved to `to`. */
export function movedModule(outline: Outline, id: string, to: number): Outline {
  const modules = outline.modules.filter((m) => m.id !== id);
  modules.splice(
    to,
    0,
    outline.modules.find((m) => m.id === id)!,
  );
  return { ...outline, modules };
}
