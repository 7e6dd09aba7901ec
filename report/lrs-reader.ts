/**
 * Reads a course's statements from any conformant xAPI 1.0.3 LRS through the standard statements resource only:
 * filtered by the course's activity (with `related_activities`, so questions, pages and role-play nodes come too),
 * ascending by stored time, following `more` links. Failures become a `ReportError` that says what is wrong in
 * Chinese and English.
 */
import type { Statement } from './classify.js';

export class ReportError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly exitCode = 2,
  ) {
    super(`${zh}\n${en}`);
  }
}

export interface LrsOptions {
  endpoint: string;
  user: string;
  password: string;
  /** Statements per page asked of the LRS (it may send fewer). */
  pageSize?: number;
  fetch?: typeof fetch;
}

export interface StatementPage {
  statements: Statement[];
  /** The LRS's `X-Experience-API-Consistent-Through`, when sent. */
  consistentThrough: string | null;
}

export class LrsReader {
  private readonly base: URL;
  private readonly auth: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: LrsOptions) {
    let base: URL;
    try {
      base = new URL(options.endpoint.endsWith('/') ? options.endpoint : `${options.endpoint}/`);
    } catch {
      throw new ReportError(
        `--endpoint「${options.endpoint}」不是有效的网址，例如 http://127.0.0.1:8000/xapi/。`,
        `--endpoint "${options.endpoint}" is not a URL, e.g. http://127.0.0.1:8000/xapi/.`,
      );
    }
    this.base = base;
    this.auth = `Basic ${Buffer.from(`${options.user}:${options.password}`).toString('base64')}`;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** Every page of statements about `activityId` stored after `since` (exclusive), oldest first. */
  async *pages(activityId: string, since: string | null): AsyncGenerator<StatementPage> {
    const query = new URLSearchParams({
      activity: activityId,
      related_activities: 'true',
      ascending: 'true',
      format: 'exact',
      limit: String(this.options.pageSize ?? 500),
    });
    if (since) query.set('since', since);
    let url: URL | null = new URL(`statements?${query.toString()}`, this.base);
    while (url) {
      const response = await this.get(url);
      const body = (await this.json(response, url)) as { statements?: unknown; more?: unknown };
      if (!Array.isArray(body.statements)) throw this.notAnLrs(url);
      yield {
        statements: body.statements as Statement[],
        consistentThrough: response.headers.get('x-experience-api-consistent-through'),
      };
      url = typeof body.more === 'string' && body.more !== '' ? new URL(body.more, this.base.origin) : null;
    }
  }

  /** A voided statement by id (to take it back out of an earlier run's figures); null when the LRS has none. */
  async voided(id: string): Promise<Statement | null> {
    const url = new URL(
      `statements?${new URLSearchParams({ voidedStatementId: id, format: 'exact' }).toString()}`,
      this.base,
    );
    const response = await this.get(url, true);
    if (response.status === 404) return null;
    return (await this.json(response, url)) as Statement;
  }

  private async get(url: URL, allowNotFound = false): Promise<Response> {
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        headers: { Authorization: this.auth, 'X-Experience-API-Version': '1.0.3', Accept: 'application/json' },
      });
    } catch (error) {
      const reason =
        error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new ReportError(
        `无法连接到 ${this.base.origin}（${reason}）。请检查 --endpoint 的地址和端口，以及 LRS 是否在运行。`,
        `Cannot reach ${this.base.origin} (${reason}). Check the --endpoint address and port, and that the LRS is running.`,
      );
    }
    if (response.status === 401 || response.status === 403) {
      throw new ReportError(
        `LRS 拒绝了用户名或密码（HTTP ${response.status}）。请检查 --user 和 --password（LRS 的 key 和 secret）。`,
        `The LRS refused the credentials (HTTP ${response.status}). Check --user and --password (the LRS key and secret).`,
      );
    }
    if (allowNotFound && response.status === 404) return response;
    if (!response.ok) {
      if (!response.headers.has('x-experience-api-version')) throw this.notAnLrs(url);
      const text = (await response.text()).slice(0, 300);
      throw new ReportError(
        `LRS 返回错误 HTTP ${response.status}：${text}`,
        `The LRS answered HTTP ${response.status}: ${text}`,
      );
    }
    if (!response.headers.has('x-experience-api-version')) throw this.notAnLrs(url);
    return response;
  }

  private async json(response: Response, url: URL): Promise<unknown> {
    try {
      return await response.json();
    } catch {
      throw this.notAnLrs(url);
    }
  }

  private notAnLrs(url: URL): ReportError {
    return new ReportError(
      `${url.origin}${this.base.pathname} 不像是 xAPI LRS 的地址（没有 xAPI 的应答）。--endpoint 应指向 LRS 的 xAPI 根地址，例如 http://127.0.0.1:8000/xapi/。`,
      `${url.origin}${this.base.pathname} does not answer like an xAPI LRS. --endpoint must be the LRS's xAPI root, e.g. http://127.0.0.1:8000/xapi/.`,
    );
  }
}
