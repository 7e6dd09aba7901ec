/**
 * Statement validation: Learning Locker's `xapi-validation` (the rules of xAPI 1.0.3 Data section), turned into
 * messages that say where the problem is, plus the few checks it leaves to the store.
 */
import xapiValidation from 'xapi-validation';
import { isObject, type JsonObject } from './agents.js';
import { badRequest } from './errors.js';

interface Warning {
  path: string[];
  data: unknown;
  name: string;
  typeName?: string;
  requiredValue?: unknown;
  usedIfis?: string[];
  invalidComponents?: string[];
  message: string;
}

// The package is CommonJS with a `default` export; tsx and Node expose it one level deep or two.
const validator = ((xapiValidation as unknown as { default?: unknown }).default ?? xapiValidation) as (
  data: unknown,
) => Warning[];

function describe(w: Warning): string {
  const where = w.path.join('.');
  const got = JSON.stringify(w.data)?.slice(0, 80) ?? 'nothing';
  switch (w.name) {
    case 'TypeWarning':
      return w.data === undefined
        ? `${where}: missing (must be ${w.typeName})`
        : `${where}: must be ${w.typeName}, got ${got}`;
    case 'RestrictedValueWarning':
      return `${where}: must be ${JSON.stringify(w.requiredValue)}, got ${got}`;
    case 'IfiCountWarning':
      return `${where}: an agent must have exactly one identifier (mbox, mbox_sha1sum, openid or account), found ${w.usedIfis?.join(', ') || 'none'}`;
    case 'NoIfiWarning':
      return `${where}: an agent must have one identifier (mbox, mbox_sha1sum, openid or account)`;
    case 'InvalidComponentsWarning':
      return `${where}: not allowed for this interaction type: ${w.invalidComponents?.join(', ')}`;
    case 'VoidWarning':
      return `${where}: a voiding statement's object must be a StatementRef`;
    default:
      return `${where}: ${w.name.replace(/Warning$/, '')} (${got})`;
  }
}

/** The validator's problems with one statement, as readable lines; empty when it is valid. */
export function statementProblems(statement: unknown): string[] {
  const warnings = validator(statement);
  const problems = warnings.map(describe);
  if (isObject(statement)) problems.push(...extraProblems(statement));
  return problems;
}

// Checks xapi-validation leaves out.
function extraProblems(s: JsonObject): string[] {
  const problems: string[] = [];
  if (typeof s.version === 'string' && !/^1\.0(\.\d+)?$/.test(s.version)) {
    problems.push(`statement.version: must be 1.0.x, got ${JSON.stringify(s.version)}`);
  }
  return problems;
}

/** Throws a 400 naming every problem of every statement in the batch. */
export function assertValidStatements(statements: unknown[]): void {
  const problems: string[] = [];
  statements.forEach((s, i) => {
    for (const p of statementProblems(s)) problems.push(statements.length > 1 ? `[${i}] ${p}` : p);
  });
  if (problems.length) throw badRequest(`Invalid statement: ${problems.join('; ')}`, problems);
}
