import type {
  ApiError,
  Bilingual,
  Diagnostic,
  ExportResponse,
  FileChange,
  FileResponse,
  MediaResponse,
  Outline,
  OutlineOperation,
  OutlineResponse,
  PatchYamlRequest,
  PutFileRequest,
  RenderPageResponse,
  SaveResponse,
  Snapshot,
  ValidateResponse,
} from '../../core/studio-api.js';

/** An answer of the studio server: the body of a 2xx, or what went wrong (the build's problems or an error). */
export type ApiAnswer<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; problems: Diagnostic[]; error: Bilingual | null };

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

const NETWORK_ERROR: Bilingual = {
  zh: '连接不到创作工作室的服务器：请确认 npm start 仍在运行，然后再试。',
  en: 'Cannot reach the studio server: check that npm start is still running, then try again.',
};

/**
 * The studio's HTTP API (`core/studio-api.ts`, served by `tools/studio/`) with the token attached. A 401 calls
 * `onUnauthorized` (the shell shows the token form again). `fetchImpl` is a parameter so component tests can answer.
 */
export class StudioClient {
  constructor(
    readonly token: string,
    private readonly onUnauthorized: () => void = () => undefined,
    private readonly fetchImpl: FetchLike = (input, init) => fetch(input, init),
  ) {}

  outline(): Promise<ApiAnswer<Outline>> {
    return this.call('GET', '/api/outline');
  }

  file(path: string): Promise<ApiAnswer<FileResponse>> {
    return this.call('GET', `/api/file?path=${encodeURIComponent(path)}`);
  }

  validate(changes: FileChange[] = []): Promise<ApiAnswer<ValidateResponse>> {
    return this.call('POST', '/api/validate', { changes });
  }

  putFile(request: PutFileRequest): Promise<ApiAnswer<SaveResponse>> {
    return this.call('PUT', '/api/file', request);
  }

  patchYaml(request: PatchYamlRequest): Promise<ApiAnswer<SaveResponse>> {
    return this.call('PATCH', '/api/yaml', request);
  }

  changeOutline(operation: OutlineOperation): Promise<ApiAnswer<OutlineResponse>> {
    return this.call('POST', '/api/outline', operation);
  }

  renderPage(path: string, text: string): Promise<ApiAnswer<RenderPageResponse>> {
    return this.call('POST', '/api/render/page', { path, text });
  }

  uploadMedia(module: string, name: string, alt: string, bytes: Blob): Promise<ApiAnswer<MediaResponse>> {
    const query = new URLSearchParams({ module, name, alt });
    return this.call('POST', `/api/media?${query.toString()}`, bytes);
  }

  snapshots(): Promise<ApiAnswer<Snapshot[]>> {
    return this.call('GET', '/api/snapshots');
  }

  restore(id: string): Promise<ApiAnswer<OutlineResponse | SaveResponse>> {
    return this.call('POST', '/api/snapshots/restore', { id });
  }

  exportPackages(): Promise<ApiAnswer<ExportResponse>> {
    return this.call('POST', '/api/export');
  }

  /** Any API request; JSON bodies are serialized, a Blob is sent as it is. */
  async call<T>(method: string, url: string, body?: unknown): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    let payload: BodyInit | undefined;
    if (body instanceof Blob) {
      payload = body;
      headers['content-type'] = body.type || 'application/octet-stream';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    let response: Response;
    try {
      response = await this.fetchImpl(url, { method, headers, ...(payload === undefined ? {} : { body: payload }) });
    } catch {
      return { ok: false, status: 0, problems: [], error: NETWORK_ERROR };
    }
    const json: unknown = await response.json().catch(() => null);
    if (response.ok) return { ok: true, status: response.status, data: json as T };
    if (response.status === 401) this.onUnauthorized();
    const problems = (json as { problems?: Diagnostic[] } | null)?.problems ?? [];
    const error = (json as Partial<ApiError> | null)?.error ?? null;
    return {
      ok: false,
      status: response.status,
      problems,
      error: error ?? (problems.length ? null : httpError(response)),
    };
  }
}

function httpError(response: Response): Bilingual {
  return {
    zh: `服务器拒绝了请求（HTTP ${response.status}）。`,
    en: `The server refused the request (HTTP ${response.status}).`,
  };
}

/** A minimal `Response` for tests and stubs: JSON body with a status. */
export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
