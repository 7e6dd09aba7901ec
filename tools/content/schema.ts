import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import type { DiagnosticList } from './diagnostics.js';
import type { PathSegment, YamlSource } from './yaml-source.js';

export type SchemaName = 'course' | 'module' | 'page' | 'quiz' | 'roleplay';

const schemaDir = fileURLToPath(new URL('../../schemas/', import.meta.url));
// verbose: errors carry their parent schema, which names the allowed fields for typo suggestions.
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const compiled = new Map<SchemaName, ValidateFunction>();

function validatorFor(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(`${schemaDir}${name}.schema.json`, 'utf8')));
    compiled.set(name, validate);
  }
  return validate;
}

/** Validates `source.data` against a schema; reports each problem at its line. Returns true when valid. */
export function checkSchema(source: YamlSource, name: SchemaName, diagnostics: DiagnosticList): boolean {
  const validate = validatorFor(name);
  if (validate(source.data)) return true;
  const errors = validate.errors ?? [];
  // A misspelt field also makes its correct spelling "missing": report the typo alone.
  const typoFixes = new Set(
    errors.flatMap((e) => {
      const guess = typoGuess(e);
      return guess ? [`${e.instancePath}|${guess}`] : [];
    }),
  );
  const seen = new Set<string>();
  for (const error of errors) {
    // `if`/`then` wrappers repeat what the inner errors already say.
    if (error.keyword === 'if') continue;
    // A field-name rule reports an inner `enum` error for the name too; the `propertyNames` error says it better.
    if (
      (error as ErrorObject & { propertyName?: string }).propertyName !== undefined &&
      error.keyword !== 'propertyNames'
    )
      continue;
    if (error.keyword === 'required' && typoFixes.has(`${error.instancePath}|${String(error.params.missingProperty)}`))
      continue;
    const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    report(source, error, diagnostics);
  }
  return false;
}

function pathOf(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Human form of a path: pools[0].questions[2].options */
export function describePath(path: readonly PathSegment[]): string {
  return (
    path.reduce<string>((out, s) => (typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${s}` : s), '') ||
    '(文件顶层 top level)'
  );
}

function report(source: YamlSource, error: ErrorObject, diagnostics: DiagnosticList): void {
  const path = pathOf(error.instancePath);
  const where = describePath(path);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const field = String(p.missingProperty);
      diagnostics.add(
        source.file,
        source.valueAt(path),
        'missing-field',
        { zh: `${where} 缺少必填字段“${field}”。`, en: `${where} is missing the required field "${field}".` },
        {
          zh: `在这里加上“${field}: …”。字段说明见 schemas/ 中的说明或培训师指南。`,
          en: `Add "${field}: …" here; see the schema or the authoring guide for what it holds.`,
        },
      );
      return;
    }
    case 'additionalProperties':
    case 'propertyNames': {
      const field = String(p.additionalProperty ?? p.propertyName);
      if (error.keyword === 'propertyNames' && !field) return;
      const allowed = allowedFields(error);
      const guess = typoGuess(error);
      const near = guess !== undefined;
      diagnostics.add(
        source.file,
        source.keyAt(path, field),
        near ? 'unknown-field-typo' : 'unknown-field',
        near
          ? {
              zh: `未知字段“${field}”，是不是想写“${guess}”？`,
              en: `Unknown field "${field}": did you mean "${guess}"?`,
            }
          : { zh: `${where} 中不允许出现字段“${field}”。`, en: `The field "${field}" is not allowed in ${where}.` },
        near
          ? { zh: `把“${field}”改成“${guess}”。`, en: `Rename "${field}" to "${guess}".` }
          : {
              zh: `删除它，或改成允许的字段：${allowed.join('、')}。`,
              en: `Remove it, or use one of: ${allowed.join(', ')}.`,
            },
      );
      return;
    }
    case 'type': {
      const expected = typeNames(String(p.type));
      if (p.type === 'string' && (typeof error.data === 'number' || typeof error.data === 'boolean')) {
        diagnostics.add(
          source.file,
          source.valueAt(path),
          'wrong-type',
          {
            zh: `${where} 应该是文字，但 YAML 把 ${String(error.data)} 读成了${typeof error.data === 'number' ? '数字' : ' true/false'}。`,
            en: `${where} must be text, but YAML reads ${String(error.data)} as a ${typeof error.data}.`,
          },
          { zh: `给它加上引号，例如 "${String(error.data)}"。`, en: `Put it in quotes, e.g. "${String(error.data)}".` },
        );
        return;
      }
      diagnostics.add(
        source.file,
        source.valueAt(path),
        'wrong-type',
        { zh: `${where} 应该是${expected.zh}。`, en: `${where} must be ${expected.en}.` },
        { zh: `把这里的值改成${expected.zh}。`, en: `Change the value here to ${expected.en}.` },
      );
      return;
    }
    case 'enum':
    case 'const': {
      const allowed = (p.allowedValues as unknown[] | undefined) ?? [p.allowedValue];
      diagnostics.add(
        source.file,
        source.valueAt(path),
        'invalid-value',
        { zh: `${where} 的值不在允许范围内。`, en: `${where} has a value that is not allowed.` },
        {
          zh: `改成以下之一：${allowed.map(String).join('、')}。`,
          en: `Use one of: ${allowed.map(String).join(', ')}.`,
        },
      );
      return;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const bound = {
        minimum: ['不能小于', 'at least'],
        maximum: ['不能大于', 'at most'],
        exclusiveMinimum: ['必须大于', 'more than'],
        exclusiveMaximum: ['必须小于', 'less than'],
      }[error.keyword] as [string, string];
      diagnostics.add(
        source.file,
        source.valueAt(path),
        'out-of-range',
        {
          zh: `${where} 的值 ${String(error.data)} 超出范围：${bound[0]} ${String(p.limit)}。`,
          en: `${where} is ${String(error.data)}; it must be ${bound[1]} ${String(p.limit)}.`,
        },
        {
          zh: `改成${bound[0].replace('不能', '不').replace('必须', '')} ${String(p.limit)} 的数字。`,
          en: `Use a number ${bound[1]} ${String(p.limit)}.`,
        },
      );
      return;
    }
    case 'pattern': {
      const field = path.filter((s) => typeof s === 'string').at(-1);
      if (field === 'sources') {
        diagnostics.add(
          source.file,
          source.valueAt(path),
          'invalid-source',
          { zh: `${where} 不是素材文件名。`, en: `${where} is not a source file name.` },
          {
            zh: '写 ../shared/seeds/ 中的文件名，例如 000_752fc6dac3c4367f.txt。',
            en: 'Use a file name from ../shared/seeds/, e.g. 000_752fc6dac3c4367f.txt.',
          },
        );
        return;
      }
      if (field === 'language') {
        diagnostics.add(
          source.file,
          source.valueAt(path),
          'invalid-value',
          { zh: `${where} 不是语言代码。`, en: `${where} is not a language tag.` },
          { zh: '写语言代码，例如 zh-CN。', en: 'Use a language tag such as zh-CN.' },
        );
        return;
      }
      diagnostics.add(
        source.file,
        source.valueAt(path),
        'invalid-id',
        { zh: `${where} 的格式不对。`, en: `${where} is not in the required form.` },
        {
          zh: 'id 只能用小写英文字母、数字和连字符，例如 complaint-handling-o1；课程 id 须是 https://… 形式的网址。',
          en: 'Ids use lowercase letters, digits and hyphens, e.g. complaint-handling-o1; the course id must be an IRI such as https://….',
        },
      );
      return;
    }
    case 'minItems':
    case 'minLength':
    case 'minProperties': {
      diagnostics.add(
        source.file,
        source.valueAt(path),
        'too-short',
        {
          zh: `${where} 内容太少或为空（至少需要 ${String(p.limit)} 项/个字符）。`,
          en: `${where} is empty or too short (at least ${String(p.limit)}).`,
        },
        { zh: '补充内容，或删除这个字段。', en: 'Fill it in, or remove the field.' },
      );
      return;
    }
    case 'uniqueItems': {
      diagnostics.add(
        source.file,
        source.valueAt(path),
        'duplicate-item',
        {
          zh: `${where} 中有重复的项（第 ${Number(p.j) + 1} 项与第 ${Number(p.i) + 1} 项相同）。`,
          en: `${where} lists the same item twice (items ${Number(p.j) + 1} and ${Number(p.i) + 1}).`,
        },
        { zh: '删除重复的一项。', en: 'Remove the repeated item.' },
      );
      return;
    }
    default: {
      diagnostics.add(
        source.file,
        source.valueAt(path),
        'invalid-value',
        {
          zh: `${where} 的值不符合要求（${error.keyword}: ${error.message ?? ''}）。`,
          en: `${where} is not valid: ${error.message ?? error.keyword}.`,
        },
        { zh: '对照 schemas/ 中的说明修改这个值。', en: 'Correct the value as the schema describes.' },
      );
    }
  }
}

/** For an unknown field that is a near miss of an allowed one, the allowed one. */
function typoGuess(error: ErrorObject): string | undefined {
  if (error.keyword !== 'additionalProperties' && error.keyword !== 'propertyNames') return undefined;
  const field = String(error.params.additionalProperty ?? error.params.propertyName ?? '');
  const allowed = allowedFields(error).filter((f) => f !== field);
  if (!field || !allowed.length) return undefined;
  const guess = closest(field, allowed);
  return distance(field, guess) <= Math.max(2, Math.floor(field.length / 3)) ? guess : undefined;
}

function allowedFields(error: ErrorObject): string[] {
  const schema = error.parentSchema as
    { properties?: Record<string, unknown>; propertyNames?: { enum?: string[] } } | undefined;
  if (schema?.propertyNames?.enum) return schema.propertyNames.enum;
  return Object.keys(schema?.properties ?? {}).filter((k) => k !== '$schema');
}

function typeNames(type: string): { zh: string; en: string } {
  const names: Record<string, [string, string]> = {
    string: ['文字', 'text'],
    number: ['数字', 'a number'],
    integer: ['整数', 'a whole number'],
    boolean: ['true 或 false', 'true or false'],
    array: ['列表（每项以“- ”开头）', 'a list (items starting with "- ")'],
    object: ['一组“字段: 值”', 'a set of "key: value" fields'],
  };
  const [zh, en] = names[type] ?? [type, type];
  return { zh, en };
}
