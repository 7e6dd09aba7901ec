/**
 * A stand-in for the studio server in browser tests: `window.fetch` answers `/api/*` from in-memory files, shaped by
 * core/studio-api.ts, and records every request; anything else (the schemas) goes to the test server. PATCH applies
 * the edits with the yaml library, as the server does; validation and rendering answer what the test sets.
 */
import { parseDocument } from 'yaml';
import type {
  Diagnostic,
  FileResponse,
  Outline,
  PatchYamlRequest,
  RenderQuizResponse,
  RenderRoleplayResponse,
  SaveResponse,
} from '../../core/studio-api.js';
import { applyEdits } from './yaml-edits.js';

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

export interface StubOptions {
  files: Record<string, string>;
  outline?: Outline;
  /** Problems `POST /api/validate` reports for a text (default none). */
  validate?: (text: string) => Diagnostic[];
  /** Problems that make a save answer 422 (default none). */
  refuse?: (text: string) => Diagnostic[];
  renderQuiz?: (text: string) => RenderQuizResponse;
  renderRoleplay?: (text: string) => RenderRoleplayResponse;
}

export interface ApiStub {
  requests: RecordedRequest[];
  files: Record<string, string>;
  restore: () => void;
}

export function diagnostic(file: string, line: number, zh: string, code = 'schema'): Diagnostic {
  return { file, line, column: 1, code, message: { zh, en: `EN ${zh}` }, fix: { zh: `改正：${zh}`, en: 'Fix it' } };
}

export function stubApi(options: StubOptions): ApiStub {
  const realFetch = window.fetch;
  const files = { ...options.files };
  const requests: RecordedRequest[] = [];
  let version = 0;
  const json = (status: number, body: unknown): Response =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  const etag = (path: string): string => `"${path}:${files[path]?.length ?? 0}:${version}"`;

  window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      location.href,
    );
    if (!url.pathname.startsWith('/api/')) return realFetch(input, init);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    requests.push({ method, path: url.pathname + url.search, body });
    await Promise.resolve();
    switch (`${method} ${url.pathname}`) {
      case 'GET /api/outline':
        return json(200, options.outline);
      case 'GET /api/file': {
        const path = url.searchParams.get('path') ?? '';
        if (files[path] === undefined) return json(404, { error: { zh: '没有这个文件', en: 'No such file' } });
        return json(200, { path, text: files[path], etag: etag(path) } satisfies FileResponse);
      }
      case 'POST /api/validate': {
        const change = (body as { changes: { text: string }[] }).changes[0];
        return json(200, { problems: options.validate?.(change?.text ?? '') ?? [] });
      }
      case 'PATCH /api/yaml': {
        const request = body as PatchYamlRequest;
        if (request.etag !== etag(request.path))
          return json(409, { error: { zh: '文件已被修改', en: 'Changed on disk' } });
        const doc = parseDocument(files[request.path] ?? '');
        applyEdits(doc, request.edits);
        const text = doc.toString({ lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false });
        const problems = options.refuse?.(text) ?? [];
        if (problems.length > 0) return json(422, { problems });
        files[request.path] = text;
        version++;
        return json(200, { etag: etag(request.path) } satisfies SaveResponse);
      }
      case 'PUT /api/file': {
        const request = body as { path: string; text: string; etag: string };
        if (request.etag !== etag(request.path))
          return json(409, { error: { zh: '文件已被修改', en: 'Changed on disk' } });
        const problems = options.refuse?.(request.text) ?? [];
        if (problems.length > 0) return json(422, { problems });
        files[request.path] = request.text;
        version++;
        return json(200, { etag: etag(request.path) } satisfies SaveResponse);
      }
      case 'POST /api/render/quiz':
        return json(200, options.renderQuiz?.((body as { text: string }).text) ?? { quiz: null, problems: [] });
      case 'POST /api/render/roleplay':
        return json(
          200,
          options.renderRoleplay?.((body as { text: string }).text) ?? {
            roleplay: null,
            graph: { unreachable: [], deadEnds: [] },
            problems: [],
          },
        );
      default:
        return json(404, { error: { zh: '没有这个接口', en: 'No such endpoint' } });
    }
  };
  return { requests, files, restore: () => (window.fetch = realFetch) };
}
