/**
 * Form fields described from a JSON Schema (the build's own `schemas/*.schema.json`, draft-07): which fields an
 * object has, of what kind, with which limits, required or not, and the schema's bilingual description as label and
 * hint. The editors render these, so a field the schema adds or a limit it changes reaches the form without UI code.
 */

/** The subset of JSON Schema the course's schemas use. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  minItems?: number;
  required?: string[];
  properties?: Record<string, JsonSchema | boolean>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  definitions?: Record<string, JsonSchema>;
  allOf?: { if?: JsonSchema; then?: JsonSchema }[];
  propertyNames?: { enum?: string[] };
}

export type FieldKind =
  | 'id' // a short identifier (pattern)
  | 'line' // one line of text
  | 'text' // longer text: a textarea
  | 'number'
  | 'integer'
  | 'boolean'
  | 'choice' // one of `options`
  | 'flag' // `const: true`: present or absent
  | 'words' // a list of short strings (tags, ids)
  | 'list' // a list of objects (options, items, nodes, …): the editor renders its entries
  | 'object' // a nested object (feedback, ending, customer, required)
  | 'any'; // the schema leaves it open (per-type `answer`, `feedback` before the type is known)

export interface FieldLabel {
  zh: string;
  en: string;
}

export interface FieldSpec {
  key: string;
  kind: FieldKind;
  required: boolean;
  /** Short label from the description (its first clause), per language; null when the schema has no description. */
  label: FieldLabel | null;
  /** The whole description, per language, shown as the field's hint. */
  hint: FieldLabel | null;
  options?: string[];
  min?: number;
  max?: number;
  /** The value must be greater than this (JSON Schema `exclusiveMinimum`). */
  above?: number;
  pattern?: string;
  /** For `list` and `object`: the entries' or the object's own schema (refs resolved). */
  schema?: JsonSchema;
}

/** Keys of string fields that hold one short line rather than a paragraph. */
const SHORT_TEXT = new Set(['title', 'name', 'rule', 'objective', 'module', 'start', 'next', 'answer', 'learnerRole']);

/** Follows `$ref`s (`#/definitions/x`) within `root`. */
export function resolve(root: JsonSchema, schema: JsonSchema | boolean | undefined): JsonSchema {
  if (schema === undefined || typeof schema === 'boolean') return {};
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/definitions/', '');
  const target = root.definitions?.[name];
  if (!target) throw new Error(`Unknown schema reference ${schema.$ref}`);
  // A $ref beside a description: the local description wins, as in the schema files.
  const { $ref: _ref, ...local } = schema;
  return { ...resolve(root, target), ...local };
}

/** Splits `中文说明 / English text` into its two halves; the short label is each half's first clause. */
export function describe(description: string | undefined): { label: FieldLabel; hint: FieldLabel } | null {
  if (!description) return null;
  const cut = description.lastIndexOf(' / ');
  const zh = (cut === -1 ? description : description.slice(0, cut)).trim();
  const en = (cut === -1 ? description : description.slice(cut + 3)).trim();
  const first = (text: string, stops: RegExp): string => text.split(stops)[0]?.trim() || text;
  return { label: { zh: first(zh, /[，。：；（(]/), en: first(en, /[,.:;(]/) }, hint: { zh, en } };
}

function kindOf(key: string, schema: JsonSchema, items: JsonSchema): FieldKind {
  if (schema.const === true) return 'flag';
  if (schema.enum) return 'choice';
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      if (schema.pattern) return 'id';
      return SHORT_TEXT.has(key) ? 'line' : 'text';
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'boolean';
    case 'array':
      return items.type === 'object' || items.properties ? 'list' : 'words';
    case 'object':
      return 'object';
    default:
      return 'any';
  }
}

/** The field of `key` described by `schema` (already resolved). */
export function fieldOf(root: JsonSchema, key: string, raw: JsonSchema | boolean, required: boolean): FieldSpec {
  const schema = resolve(root, raw);
  const items = resolve(root, schema.items);
  const kind = kindOf(key, schema, items);
  const text = describe(schema.description);
  const spec: FieldSpec = { key, kind, required, label: text?.label ?? null, hint: text?.hint ?? null };
  if (schema.enum) spec.options = schema.enum.map(String);
  if (schema.minimum !== undefined) spec.min = schema.minimum;
  if (schema.maximum !== undefined) spec.max = schema.maximum;
  if (schema.exclusiveMinimum !== undefined) spec.above = schema.exclusiveMinimum;
  if (schema.pattern) spec.pattern = schema.pattern;
  if (kind === 'list') spec.schema = items;
  if (kind === 'object') spec.schema = schema;
  return spec;
}

/** The fields of an object schema, in the schema's order. */
export function objectFields(root: JsonSchema, object: JsonSchema): FieldSpec[] {
  const schema = resolve(root, object);
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([key, value]) => fieldOf(root, key, value, required.has(key)));
}

/**
 * The fields of a question of one `type`: the common ones with the type's own (`allOf` / `if` / `then`) in their
 * place, minus those the type does not allow (`propertyNames`), in the order the type lists them.
 */
export function questionFields(root: JsonSchema, type: string): FieldSpec[] {
  const question = resolve(root, root.definitions?.['question']);
  const branch = question.allOf?.find((rule) =>
    rule.if?.properties?.['type'] instanceof Object ? (rule.if.properties['type'] as JsonSchema).const === type : false,
  )?.then;
  const required = new Set([...(question.required ?? []), ...(branch?.required ?? [])]);
  const allowed = branch?.propertyNames?.enum ?? Object.keys(question.properties ?? {});
  return allowed.map((key) => {
    const own = branch?.properties?.[key];
    const common = question.properties?.[key];
    return fieldOf(root, key, own ?? common ?? true, required.has(key));
  });
}

/** The question types the schema knows, in its order. */
export function questionTypes(root: JsonSchema): string[] {
  const type = resolve(root, root.definitions?.['question']).properties?.['type'];
  return typeof type === 'object' ? (type.enum ?? []).map(String) : [];
}
