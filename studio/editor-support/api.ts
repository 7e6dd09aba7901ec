import { STUDIO_TOKEN_STORAGE_KEY, type Bilingual, type Diagnostic } from '../../core/studio-api.js';
import { StudioClient } from '../shared/api.js';

/** What a refused request said: the build's problems (422) or one bilingual error (any other status). */
export interface Refusal {
  status: number;
  problems: Diagnostic[];
  error: Bilingual | null;
}

/** A request the studio API refused (or that never reached it). */
export class ApiRefusal extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.error?.en ?? `HTTP ${refusal.status}`);
  }
}

/** The client an editor uses: the shell's, or one with this tab's token when the editor is used on its own. */
export function clientOr(client: StudioClient | null): StudioClient {
  return client ?? new StudioClient(sessionStorage.getItem(STUDIO_TOKEN_STORAGE_KEY) ?? '');
}

/** Calls the studio API; resolves with the answer's body, rejects with {@link ApiRefusal}. */
export async function callApi<T>(client: StudioClient, method: string, path: string, body?: unknown): Promise<T> {
  const answer = await client.call<T>(method, path, body);
  if (answer.ok) return answer.data;
  throw new ApiRefusal({ status: answer.status, problems: answer.problems, error: answer.error });
}

/** The text of a refusal, for a message to the trainer. */
export function describeFailure(failure: unknown): Bilingual {
  if (failure instanceof ApiRefusal) {
    const { error, problems, status } = failure.refusal;
    if (status === 409) {
      return {
        zh: '文件在别处被修改过（例如在文本编辑器里）。请复制你的修改，重新打开这个文件后再改。',
        en: 'The file was changed elsewhere (e.g. in a text editor). Copy your changes, reopen the file and redo them.',
      };
    }
    if (error) return error;
    if (problems.length > 0) {
      return {
        zh: '没有保存：这样改会让课程无法构建，问题见下。',
        en: 'Not saved: the course would not build; see the problems.',
      };
    }
    return { zh: `请求失败（HTTP ${status}）。`, en: `The request failed (HTTP ${status}).` };
  }
  return { zh: '出了意外的错误，请重试。', en: 'Something unexpected went wrong; please try again.' };
}
