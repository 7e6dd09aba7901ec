import {
  STUDIO_TOKEN_STORAGE_KEY,
  type ApiError,
  type Bilingual,
  type Diagnostic,
  type ProblemsResponse,
} from '../../core/studio-api.js';

/** What a refused request said: the build's problems (422) or one bilingual error (any other status). */
export interface Refusal {
  status: number;
  problems: Diagnostic[];
  error: Bilingual | null;
}

/** A request the studio API answered with something other than 2xx. */
export class ApiRefusal extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.error?.en ?? `HTTP ${refusal.status}`);
  }
}

/**
 * Calls the studio API with the session's token (`Authorization: Bearer`, see core/studio-api.ts) and JSON in and
 * out. Resolves with the answer's body; rejects with {@link ApiRefusal} for a refusal, or the network's error.
 */
export async function callApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  const token = sessionStorage.getItem(STUDIO_TOKEN_STORAGE_KEY);
  const headers: Record<string, string> = {};
  if (token) headers['Authorization'] = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const data = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return data as T;
  const problems = (data as Partial<ProblemsResponse> | null)?.problems ?? [];
  const error = (data as Partial<ApiError> | null)?.error ?? null;
  throw new ApiRefusal({ status: response.status, problems, error });
}

/** The text of a refusal or of any other failure, for a message to the trainer. */
export function describeFailure(failure: unknown): Bilingual {
  if (failure instanceof ApiRefusal) {
    const { error, problems, status } = failure.refusal;
    if (error) return error;
    if (problems.length > 0) return { zh: '保存被拒绝：课程有错误。', en: 'Refused: the course would have errors.' };
    return { zh: `请求失败（HTTP ${status}）。`, en: `The request failed (HTTP ${status}).` };
  }
  return {
    zh: '连不上创作工作室的服务器，请确认 npm start 仍在运行。',
    en: 'Cannot reach the studio server: check that npm start is still running.',
  };
}
