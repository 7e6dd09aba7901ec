/**
 * Agent and group identity: the inverse functional identifier (IFI) that makes two agents "the same" under xAPI
 * 1.0.3 (Data 2.4.2.3), as one string key used by the database indexes and by credential scopes.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The IFI key of an agent or identified group (`mbox:mailto:a@b.c`, `account:home|name`), or null when it has none. */
export function agentKey(agent: unknown): string | null {
  if (!isObject(agent)) return null;
  if (typeof agent.mbox === 'string') return `mbox:${agent.mbox.toLowerCase()}`;
  if (typeof agent.mbox_sha1sum === 'string') return `mbox_sha1sum:${agent.mbox_sha1sum.toLowerCase()}`;
  if (typeof agent.openid === 'string') return `openid:${agent.openid}`;
  const account = agent.account;
  if (isObject(account) && typeof account.homePage === 'string' && typeof account.name === 'string') {
    return `account:${account.homePage}|${account.name}`;
  }
  return null;
}

/** Only the identifying properties of an agent or group (format=ids). */
export function agentIds(agent: JsonObject): JsonObject {
  const out: JsonObject = {};
  if (agent.objectType !== undefined) out.objectType = agent.objectType;
  for (const ifi of ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const) {
    if (agent[ifi] !== undefined) out[ifi] = agent[ifi]!;
  }
  // An anonymous group is identified by its members.
  if (agent.objectType === 'Group' && agentKey(agent) === null && Array.isArray(agent.member)) {
    out.member = agent.member.filter(isObject).map(agentIds);
  }
  return out;
}

/** Every agent IFI a statement names, split into the actor/object ("direct") and the rest ("related"). */
export function statementAgents(statement: JsonObject): { direct: Set<string>; related: Set<string> } {
  const direct = new Set<string>();
  const related = new Set<string>();
  const addAgent = (agent: unknown, target: Set<string>) => {
    if (!isObject(agent)) return;
    const key = agentKey(agent);
    if (key) target.add(key);
    if (Array.isArray(agent.member)) for (const m of agent.member) addAgent(m, related);
  };
  const walk = (s: JsonObject, top: boolean) => {
    addAgent(s.actor, top ? direct : related);
    const object = s.object;
    if (isObject(object) && (object.objectType === 'Agent' || object.objectType === 'Group')) {
      addAgent(object, top ? direct : related);
    }
    if (isObject(s.context)) {
      addAgent(s.context.instructor, related);
      addAgent(s.context.team, related);
    }
    if (top) addAgent(s.authority, related);
    if (isObject(object) && object.objectType === 'SubStatement') walk(object, false);
  };
  walk(statement, true);
  for (const key of direct) related.add(key);
  return { direct, related };
}

/** Every activity id a statement names: its object ("direct") and context activities or sub-statement ("related"). */
export function statementActivities(statement: JsonObject): { direct: Set<string>; related: Set<string> } {
  const direct = new Set<string>();
  const related = new Set<string>();
  const walk = (s: JsonObject, top: boolean) => {
    const object = s.object;
    if (isObject(object) && (object.objectType === undefined || object.objectType === 'Activity')) {
      if (typeof object.id === 'string') (top ? direct : related).add(object.id);
    }
    const ca = isObject(s.context) ? s.context.contextActivities : undefined;
    if (isObject(ca)) {
      for (const kind of ['parent', 'grouping', 'category', 'other']) {
        const list = ca[kind];
        for (const a of Array.isArray(list) ? list : [list]) {
          if (isObject(a) && typeof a.id === 'string') related.add(a.id);
        }
      }
    }
    if (isObject(object) && object.objectType === 'SubStatement') walk(object, false);
  };
  walk(statement, true);
  for (const id of direct) related.add(id);
  return { direct, related };
}
