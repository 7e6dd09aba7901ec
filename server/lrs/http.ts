/**
 * The xAPI 1.0.3 HTTP interface of the embedded store, mounted under `/xapi/`: version header, CORS, Basic auth,
 * the alternate request syntax (Communication 1.3), statements, documents, agents, activities and about.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { type EventEmitter } from 'node:events';
import { agentKey, isObject, type JsonObject } from './agents.js';
import type { CredentialStore, Principal } from './credentials.js';
import type { DocumentKey, DocumentKind, DocumentStore } from './documents.js';
import { LrsError, badRequest } from './errors.js';
import { boundaryOf, parseMultipart, writeMultipart, type Part } from './multipart.js';
import {
  canonicalFormat,
  canonicalJson,
  idsFormat,
  isoNow,
  type Attachment,
  type StatementQuery,
  type StatementStore,
} from './statements.js';
import { assertValidStatements } from './validate.js';

export const XAPI_VERSION = '1.0.3';
const SIGNATURE = 'http://adlnet.gov/expapi/attachments/signature';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const ALTERNATE_HEADERS = [
  'authorization',
  'x-experience-api-version',
  'content-type',
  'content-length',
  'if-match',
  'if-none-match',
];

export interface XapiRequest {
  method: string;
  /** The resource path below the endpoint, e.g. `statements`, `activities/state`. */
  resource: string;
  params: Map<string, string>;
  headers: Record<string, string | undefined>;
  body: Buffer;
}

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

export interface XapiEvents {
  /** Statements just stored (new ones only), with the principal that sent them. */
  statements: [statements: JsonObject[], principal: Principal];
}

export interface XapiHandlerOptions {
  statements: StatementStore;
  documents: DocumentStore;
  credentials: CredentialStore;
  /** Path prefix of the endpoint, e.g. `/xapi` (used in `more` links). */
  prefix: string;
  /** The authority recorded on statements. */
  authority: JsonObject;
  /** Largest accepted request body in bytes. */
  bodyLimit: number;
  events: EventEmitter<XapiEvents>;
  /** Extra checks on statements a launch credential sends (the cmi5 rules live in the LMS). */
  checkLaunchStatements?: (statements: JsonObject[], principal: Principal & { admin: false }) => void;
}

export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers':
    'Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match, X-Experience-API-Consistent-Through',
  'Access-Control-Expose-Headers':
    'ETag, Last-Modified, Content-Type, X-Experience-API-Version, X-Experience-API-Consistent-Through',
  'Access-Control-Max-Age': '86400',
};

/** Reads a request body, refusing (413) past the limit without buffering the rest. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new LrsError(413, `Request body is larger than ${limit} bytes`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new LrsError(413, `Request body is larger than ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function createXapiHandler(options: XapiHandlerOptions) {
  const { statements, documents, credentials } = options;

  return async function handle(req: IncomingMessage, res: ServerResponse, resource: string, url: URL): Promise<void> {
    let reply: Reply;
    try {
      const body =
        req.method === 'GET' || req.method === 'HEAD' ? Buffer.alloc(0) : await readBody(req, options.bodyLimit);
      const request = toXapiRequest(req, resource, url, body);
      reply = route(request);
    } catch (error) {
      reply = errorReply(error);
      if (process.env.LRS_LOG_ERRORS)
        console.error(`${req.method} ${url.pathname}${url.search} → ${reply.status} ${String(reply.body)}`);
      if (resource === 'statements')
        reply.headers = { ...reply.headers, 'X-Experience-API-Consistent-Through': isoNow() };
    }
    send(res, req.method === 'HEAD', reply);
  };

  function route(r: XapiRequest): Reply {
    if (r.method === 'OPTIONS') return { status: 204 };
    if (r.resource === 'about') {
      if (r.method !== 'GET' && r.method !== 'HEAD') throw new LrsError(405, 'about supports GET only');
      return json(200, { version: ['1.0.0', '1.0.1', '1.0.2', XAPI_VERSION], extensions: {} });
    }
    const version = r.headers['x-experience-api-version'];
    if (!version) throw badRequest('Missing X-Experience-API-Version header (send 1.0.3)');
    if (!/^1\.0(\.\d+)?$/.test(version)) throw badRequest(`Unsupported X-Experience-API-Version ${version}: use 1.0.3`);
    const principal = credentials.authenticate(r.headers.authorization);
    if (!principal) throw new LrsError(401, 'Missing or wrong credentials (HTTP Basic: key and secret)');

    switch (r.resource) {
      case 'statements':
        return statementsResource(r, principal);
      case 'activities/state':
        return documentResource(r, principal, 'state');
      case 'activities/profile':
        return documentResource(r, principal, 'activityProfile');
      case 'agents/profile':
        return documentResource(r, principal, 'agentProfile');
      case 'activities': {
        onlyGet(r);
        const id = requiredIri(r.params, 'activityId');
        return json(200, statements.activity(id) ?? { objectType: 'Activity', id });
      }
      case 'agents': {
        onlyGet(r);
        const agent = agentParam(r.params, 'agent', true)!;
        assertOwnAgent(principal, agent);
        return json(200, statements.person(agent));
      }
      default:
        throw new LrsError(404, `No xAPI resource ${r.resource}`);
    }
  }

  function statementsResource(r: XapiRequest, principal: Principal): Reply {
    if (r.method === 'GET' || r.method === 'HEAD') return getStatements(r, principal);
    if (r.method !== 'PUT' && r.method !== 'POST') throw new LrsError(405, `statements does not support ${r.method}`);
    const { list, attachments } = parseStatementBody(r);
    if (r.method === 'PUT') {
      const id = r.params.get('statementId');
      if (!id) throw badRequest('PUT statements needs the statementId parameter');
      if (!UUID.test(id)) throw badRequest(`statementId ${id} is not a UUID`);
      for (const key of r.params.keys()) {
        if (key !== 'statementId') throw badRequest(`PUT statements takes only statementId, not ${key}`);
      }
      if (list.length !== 1 || !isObject(list[0])) throw badRequest('PUT statements takes one statement object');
      const s = list[0];
      if (s.id !== undefined && (typeof s.id !== 'string' || s.id.toLowerCase() !== id.toLowerCase())) {
        const given = typeof s.id === 'string' ? s.id : JSON.stringify(s.id);
        throw badRequest(`The statement's id ${given} differs from statementId ${id}`);
      }
      s.id = id;
    } else if (r.params.size > 0) {
      throw badRequest(`POST statements takes no parameters, got ${[...r.params.keys()].join(', ')}`);
    }
    for (const s of list) normaliseContextActivities(s);
    assertValidStatements(list);
    const objects = list as JsonObject[];
    checkSignatures(objects, attachments);
    if (!principal.admin) {
      assertLaunchStatements(objects, principal);
      options.checkLaunchStatements?.(objects, principal);
    }
    const before = statements.ceiling();
    const ids = statements.store(objects, options.authority, attachments);
    const fresh = statements.query({ ascending: true }, before, Number.MAX_SAFE_INTEGER).statements;
    if (fresh.length) options.events.emit('statements', fresh, principal);
    return r.method === 'PUT' ? { status: 204 } : json(200, ids);
  }

  function getStatements(r: XapiRequest, principal: Principal): Reply {
    const p = r.params;
    const more = p.get('more');
    const consistent = { 'X-Experience-API-Consistent-Through': isoNow() };
    if (more !== undefined) return queryReply(decodeMore(more), principal, r, consistent);

    const allowed = [
      'statementId',
      'voidedStatementId',
      'agent',
      'verb',
      'activity',
      'registration',
      'related_activities',
      'related_agents',
      'since',
      'until',
      'limit',
      'format',
      'attachments',
      'ascending',
    ];
    for (const key of p.keys()) if (!allowed.includes(key)) throw badRequest(`Unknown statements parameter ${key}`);
    const format = p.get('format') ?? 'exact';
    if (!['exact', 'ids', 'canonical'].includes(format)) throw badRequest('format must be exact, ids or canonical');
    const withAttachments = bool(p, 'attachments');
    const single = p.get('statementId') ?? p.get('voidedStatementId');
    if (single !== undefined) {
      if (p.has('statementId') && p.has('voidedStatementId')) {
        throw badRequest('Send statementId or voidedStatementId, not both');
      }
      for (const key of p.keys()) {
        if (!['statementId', 'voidedStatementId', 'format', 'attachments'].includes(key)) {
          throw badRequest(`${key} cannot be combined with statementId or voidedStatementId`);
        }
      }
      if (!UUID.test(single)) throw badRequest(`${single} is not a UUID`);
      const s = statements.get(single, p.has('voidedStatementId'));
      if (!s) throw new LrsError(404, `No statement ${single}`);
      if (!principal.admin && agentKey(s.actor) !== agentKey(principal.scope.actor)) {
        throw new LrsError(403, "This launch may read only its own learner's statements");
      }
      const shaped = shape(s, format, r);
      const headers = { ...consistent, 'Last-Modified': new Date(s.stored as string).toUTCString() };
      return withAttachments ? multipartReply(shaped, [s], headers) : json(200, shaped, headers);
    }
    const q: StatementQuery & { format: string; attachments: boolean } = { format, attachments: withAttachments };
    const agent = agentParam(p, 'agent', false);
    if (agent) q.agent = agentKey(agent)!;
    if (p.has('verb')) q.verb = requiredIri(p, 'verb');
    if (p.has('activity')) q.activity = requiredIri(p, 'activity');
    if (p.has('registration')) q.registration = uuidParam(p, 'registration');
    q.relatedActivities = bool(p, 'related_activities');
    q.relatedAgents = bool(p, 'related_agents');
    q.ascending = bool(p, 'ascending');
    if (p.has('since')) q.since = timeParam(p, 'since');
    if (p.has('until')) q.until = timeParam(p, 'until');
    if (p.has('limit')) {
      const limit = p.get('limit')!;
      if (!/^\d+$/.test(limit)) throw badRequest('limit must be a whole number (0 = as many as the server allows)');
      q.limit = Number(limit);
    }
    return queryReply({ q, after: null, ceiling: statements.ceiling() }, principal, r, consistent);
  }

  function queryReply(
    cursor: { q: StatementQuery & { format: string; attachments: boolean }; after: number | null; ceiling: number },
    principal: Principal,
    r: XapiRequest,
    headers: Record<string, string>,
  ): Reply {
    const { q } = cursor;
    if (!principal.admin) {
      const own = agentKey(principal.scope.actor);
      if (q.agent !== own && q.registration !== principal.scope.registration.toLowerCase()) {
        throw new LrsError(403, "A launch may query only its own learner's statements (agent) or its registration");
      }
    }
    const page = statements.query(q, cursor.after, cursor.ceiling);
    const result: JsonObject = {
      statements: page.statements.map((s) => shape(s, q.format, r)),
      more:
        page.next === null
          ? ''
          : `${options.prefix}/statements?more=${Buffer.from(JSON.stringify({ ...cursor, after: page.next })).toString('base64url')}`,
    };
    return q.attachments ? multipartReply(result, page.statements, headers) : json(200, result, headers);
  }

  function multipartReply(result: object, sources: JsonObject[], headers: Record<string, string>): Reply {
    const parts: Part[] = [
      { headers: { 'Content-Type': 'application/json' }, body: Buffer.from(JSON.stringify(result)) },
    ];
    const seen = new Set<string>();
    const collect = (s: JsonObject) => {
      if (!Array.isArray(s.attachments)) return;
      for (const a of s.attachments) {
        if (!isObject(a) || typeof a.sha2 !== 'string' || seen.has(a.sha2)) continue;
        const stored = statements.attachment(a.sha2);
        if (!stored) continue;
        seen.add(a.sha2);
        parts.push({
          headers: {
            'Content-Type': stored.contentType,
            'Content-Transfer-Encoding': 'binary',
            'X-Experience-API-Hash': a.sha2,
          },
          body: stored.data,
        });
      }
    };
    for (const s of sources) {
      collect(s);
      if (isObject(s.object) && s.object.objectType === 'SubStatement') collect(s.object);
    }
    const { contentType, body } = writeMultipart(parts);
    return { status: 200, headers: { ...headers, 'Content-Type': contentType }, body };
  }

  function shape(s: JsonObject, format: string, r: XapiRequest): JsonObject {
    if (format === 'ids') return idsFormat(s);
    if (format === 'canonical') {
      const languages = (r.headers['accept-language'] ?? '')
        .split(',')
        .map((l) => l.split(';')[0]!.trim().toLowerCase())
        .filter((l) => l && l !== '*');
      return canonicalFormat(s, languages);
    }
    return s;
  }

  function documentResource(r: XapiRequest, principal: Principal, kind: DocumentKind): Reply {
    const p = r.params;
    const idName = kind === 'state' ? 'stateId' : 'profileId';
    const key: DocumentKey = { kind, activityId: '', agent: '', registration: '' };
    if (kind !== 'agentProfile') key.activityId = requiredIri(p, 'activityId');
    if (kind !== 'activityProfile') {
      const agent = agentParam(p, 'agent', true)!;
      assertOwnAgent(principal, agent);
      key.agent = agentKey(agent)!;
    }
    if (kind === 'state' && p.has('registration')) {
      key.registration = uuidParam(p, 'registration');
      if (!principal.admin && key.registration !== principal.scope.registration.toLowerCase()) {
        throw new LrsError(403, 'This launch may use only its own registration');
      }
    }
    const id = p.get(idName);
    const pre = { ifMatch: r.headers['if-match'], ifNoneMatch: r.headers['if-none-match'] };
    switch (r.method) {
      case 'GET':
      case 'HEAD': {
        if (id === undefined) {
          const since = p.has('since') ? timeParam(p, 'since') : undefined;
          return json(200, documents.ids(key, since));
        }
        const doc = documents.get(key, id);
        if (!doc) throw new LrsError(404, `No document ${id}`);
        return {
          status: 200,
          headers: {
            'Content-Type': doc.contentType,
            ETag: doc.etag,
            'Last-Modified': new Date(doc.updated).toUTCString(),
          },
          body: doc.content,
        };
      }
      case 'PUT':
      case 'POST': {
        if (id === undefined) throw badRequest(`${r.method} needs the ${idName} parameter`);
        const type = r.headers['content-type'] ?? 'application/octet-stream';
        const etag = documents.write(key, id, type, r.body, r.method === 'PUT' ? 'put' : 'post', pre, kind !== 'state');
        return { status: 204, headers: { ETag: etag } };
      }
      case 'DELETE':
        if (id === undefined && kind !== 'state') throw badRequest(`DELETE needs the ${idName} parameter`);
        documents.delete(key, id, pre);
        return { status: 204 };
      default:
        throw new LrsError(405, `${r.method} is not supported here`);
    }
  }
}

function toXapiRequest(req: IncomingMessage, resource: string, url: URL, body: Buffer): XapiRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  const params = new Map<string, string>();
  for (const [k, v] of url.searchParams) params.set(k, v);
  const method = (req.method ?? 'GET').toUpperCase();
  if (!params.has('method')) return { method, resource, params, headers, body };

  // Alternate request syntax: a POST whose form carries the real method's headers, parameters and content.
  if (method !== 'POST') throw badRequest('The method parameter (alternate request syntax) is allowed on POST only');
  if (params.size > 1)
    throw badRequest('Alternate request syntax: every parameter except method goes in the form body');
  const target = params.get('method')!.toUpperCase();
  if (!['GET', 'HEAD', 'PUT', 'POST', 'DELETE'].includes(target)) throw badRequest(`Unknown method ${target}`);
  if (!/^application\/x-www-form-urlencoded\b/i.test(headers['content-type'] ?? '')) {
    throw badRequest('Alternate request syntax needs Content-Type: application/x-www-form-urlencoded');
  }
  const form = new URLSearchParams(body.toString('utf8'));
  const out: XapiRequest = {
    method: target,
    resource,
    params: new Map(),
    headers: { ...headers },
    body: Buffer.alloc(0),
  };
  delete out.headers['content-type'];
  for (const [k, v] of form) {
    const lower = k.toLowerCase();
    if (ALTERNATE_HEADERS.includes(lower)) out.headers[lower] = v;
    else if (k === 'content') out.body = Buffer.from(v, 'utf8');
    else out.params.set(k, v);
  }
  if ((target === 'PUT' || target === 'POST') && !form.has('content')) {
    throw badRequest('Alternate request syntax: send the content as the form parameter "content"');
  }
  if (form.has('content') && !out.headers['content-type']) out.headers['content-type'] = 'application/json';
  return out;
}

function parseStatementBody(r: XapiRequest): { list: unknown[]; attachments: Map<string, Attachment> } {
  const type = r.headers['content-type'] ?? '';
  const attachments = new Map<string, Attachment>();
  let jsonText: string;
  if (/^multipart\/mixed\b/i.test(type)) {
    const boundary = boundaryOf(type);
    if (!boundary) throw badRequest('multipart/mixed Content-Type without a boundary');
    const parts = parseMultipart(r.body, boundary);
    const first = parts.shift();
    if (!first || !/^application\/json\b/i.test(first.headers['content-type'] ?? '')) {
      throw badRequest('The first part of a multipart statement request must be application/json');
    }
    jsonText = first.body.toString('utf8');
    for (const part of parts) {
      const sha2 = part.headers['x-experience-api-hash'];
      if (!sha2) throw badRequest('Every attachment part needs an X-Experience-API-Hash header');
      if ((part.headers['content-transfer-encoding'] ?? '').toLowerCase() !== 'binary') {
        throw badRequest('Every attachment part needs Content-Transfer-Encoding: binary');
      }
      const actual = createHash('sha256').update(part.body).digest('hex');
      if (actual !== sha2.toLowerCase()) throw badRequest(`Attachment part hash ${sha2} does not match its content`);
      attachments.set(sha2.toLowerCase(), {
        contentType: part.headers['content-type'] ?? 'application/octet-stream',
        data: part.body,
      });
    }
  } else if (/^application\/json\b/i.test(type)) {
    jsonText = r.body.toString('utf8');
  } else {
    throw badRequest(
      `Statements must be sent as application/json or multipart/mixed, not ${type || 'no Content-Type'}`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(jsonText);
  } catch (error) {
    throw badRequest(`The body is not valid JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw badRequest('Empty batch: send at least one statement');
  return { list, attachments };
}

/** Signed statements (Data 2.6): the JWS must be RS256/384/512 and its payload the statement itself. */
function checkSignatures(list: JsonObject[], parts: Map<string, Attachment>): void {
  for (const s of list) {
    if (!Array.isArray(s.attachments)) continue;
    for (const a of s.attachments) {
      if (!isObject(a) || a.usageType !== SIGNATURE) continue;
      if (a.contentType !== 'application/octet-stream') {
        throw badRequest('A signature attachment must have contentType application/octet-stream');
      }
      const part = typeof a.sha2 === 'string' ? parts.get(a.sha2.toLowerCase()) : undefined;
      if (!part) throw badRequest('A signed statement must carry its signature as a multipart part');
      const segments = part.data.toString('utf8').trim().split('.');
      if (segments.length !== 3) throw badRequest('The signature is not a compact JWS');
      let header: unknown;
      let payload: unknown;
      try {
        header = JSON.parse(Buffer.from(segments[0]!, 'base64url').toString('utf8'));
        payload = JSON.parse(Buffer.from(segments[1]!, 'base64url').toString('utf8'));
      } catch {
        throw badRequest('The signature JWS header or payload is not valid JSON');
      }
      if (!isObject(header) || typeof header.alg !== 'string' || !['RS256', 'RS384', 'RS512'].includes(header.alg)) {
        throw badRequest('The signature must use RS256, RS384 or RS512');
      }
      if (!isObject(payload)) throw badRequest('The signature payload must be the statement');
      const strip = (x: JsonObject) => {
        const { attachments: _a, id, stored: _s, authority: _au, version: _v, ...rest } = x;
        return canonicalJson({
          ...rest,
          ...(id !== undefined && payload && payload.id !== undefined
            ? { id: typeof id === 'string' ? id.toLowerCase() : JSON.stringify(id) }
            : {}),
        });
      };
      if (strip(payload) !== strip(s)) throw badRequest('The signature payload does not match the statement');
    }
  }
}

/** A single context activity is stored as a one-element array (Data 2.4.6.2), as the validator expects. */
function normaliseContextActivities(s: unknown): void {
  if (!isObject(s)) return;
  const ca = isObject(s.context) ? s.context.contextActivities : undefined;
  if (isObject(ca)) {
    for (const [k, v] of Object.entries(ca)) if (isObject(v)) ca[k] = [v];
  }
  if (isObject(s.object) && s.object.objectType === 'SubStatement') normaliseContextActivities(s.object);
}

function assertLaunchStatements(list: JsonObject[], principal: Principal & { admin: false }): void {
  const own = agentKey(principal.scope.actor);
  for (const s of list) {
    if (agentKey(s.actor) !== own) throw new LrsError(403, 'This launch may send statements only for its own learner');
    const reg = isObject(s.context) ? s.context.registration : undefined;
    if (typeof reg !== 'string' || reg.toLowerCase() !== principal.scope.registration.toLowerCase()) {
      throw new LrsError(403, 'This launch may send statements only in its own registration');
    }
  }
}

function assertOwnAgent(principal: Principal, agent: JsonObject): void {
  if (!principal.admin && agentKey(agent) !== agentKey(principal.scope.actor)) {
    throw new LrsError(403, "This launch may use only its own learner's documents");
  }
}

function onlyGet(r: XapiRequest): void {
  if (r.method !== 'GET' && r.method !== 'HEAD') throw new LrsError(405, `${r.method} is not supported here`);
}

function requiredIri(p: Map<string, string>, name: string): string {
  const value = p.get(name);
  if (value === undefined || value === '') throw badRequest(`Missing ${name} parameter`);
  if (!IRI.test(value)) throw badRequest(`${name} must be an IRI, got ${value}`);
  return value;
}

function uuidParam(p: Map<string, string>, name: string): string {
  const value = p.get(name)!;
  if (!UUID.test(value)) throw badRequest(`${name} must be a UUID, got ${value}`);
  return value.toLowerCase();
}

function bool(p: Map<string, string>, name: string): boolean {
  const value = p.get(name);
  if (value === undefined) return false;
  if (value !== 'true' && value !== 'false') throw badRequest(`${name} must be true or false`);
  return value === 'true';
}

function timeParam(p: Map<string, string>, name: string): string {
  const value = p.get(name)!;
  if (
    !/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d(:?\d\d)?)$/.test(value) ||
    Number.isNaN(Date.parse(value))
  ) {
    throw badRequest(`${name} must be an ISO 8601 timestamp with a time zone, got ${value}`);
  }
  return new Date(value).toISOString();
}

function agentParam(p: Map<string, string>, name: string, required: boolean): JsonObject | null {
  const raw = p.get(name);
  if (raw === undefined) {
    if (required) throw badRequest(`Missing ${name} parameter (a JSON agent, e.g. {"mbox":"mailto:a@example.com"})`);
    return null;
  }
  let agent: unknown;
  try {
    agent = JSON.parse(raw);
  } catch {
    throw badRequest(`${name} is not valid JSON`);
  }
  if (!isObject(agent) || agentKey(agent) === null) {
    throw badRequest(`${name} must be an agent with one identifier (mbox, mbox_sha1sum, openid or account)`);
  }
  const ifis = ['mbox', 'mbox_sha1sum', 'openid', 'account'].filter((k) => agent[k] !== undefined);
  if (ifis.length !== 1) throw badRequest(`${name} must have exactly one identifier, found ${ifis.join(', ')}`);
  if (typeof agent.mbox === 'string' && !/^mailto:[^@\s]+@[^@\s]+$/.test(agent.mbox)) {
    throw badRequest(`${name}.mbox must be mailto:address`);
  }
  if (agent.objectType !== undefined && agent.objectType !== 'Agent' && agent.objectType !== 'Group') {
    throw badRequest(`${name}.objectType must be Agent or Group`);
  }
  return agent;
}

function decodeMore(token: string) {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      q: StatementQuery & { format: string; attachments: boolean };
      after: number | null;
      ceiling: number;
    };
  } catch {
    throw badRequest('The more link is not one this server issued');
  }
}

const json = (status: number, value: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  body: Buffer.from(JSON.stringify(value)),
});

function errorReply(error: unknown): Reply {
  if (error instanceof LrsError) {
    const headers: Record<string, string> = error.status === 401 ? { 'WWW-Authenticate': 'Basic realm="xAPI"' } : {};
    return json(error.status, { error: error.message, ...(error.details ? { details: error.details } : {}) }, headers);
  }
  console.error(error);
  return json(500, { error: 'Internal error; nothing was stored' });
}

function send(res: ServerResponse, head: boolean, reply: Reply): void {
  const body =
    reply.body === undefined ? undefined : Buffer.isBuffer(reply.body) ? reply.body : Buffer.from(String(reply.body));
  res.writeHead(reply.status, {
    ...CORS_HEADERS,
    'X-Experience-API-Version': XAPI_VERSION,
    'Cache-Control': 'no-store',
    ...(body ? { 'Content-Length': String(body.length) } : {}),
    ...reply.headers,
  });
  res.end(head ? undefined : body);
}
