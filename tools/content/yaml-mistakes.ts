import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { YAMLError } from 'yaml';
import type { Bilingual, Position } from './diagnostics.js';

/** A trainer's mistake named for what it is, in place of the YAML parser's generic (often cascading) errors. */
export interface SyntaxCause {
  at: Position;
  code: string;
  message: Bilingual;
  fix: Bilingual;
}

/** The longest implicit key YAML accepts; a longer line with a stray ": " fails with a confusing error. */
export const MAX_KEY_CHARS = 1024;

const schemaDir = fileURLToPath(new URL('../../schemas/', import.meta.url));
let fieldNames: Set<string> | undefined;

/** Every field name any content schema defines: `answer：a` is a full-width colon only after a real field name. */
function knownFields(): Set<string> {
  if (fieldNames) return fieldNames;
  fieldNames = new Set();
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(collect);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'properties' && value && typeof value === 'object') {
        for (const name of Object.keys(value)) if (name !== '$schema') fieldNames!.add(name);
      }
      collect(value);
    }
  };
  for (const file of readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')))
    collect(JSON.parse(readFileSync(`${schemaDir}${file}`, 'utf8')));
  return fieldNames;
}

/**
 * Finds the cause of a file's syntax errors when it is one trainers make often. Returns an empty list when there is
 * none, so the parser's own errors are reported. A full-width colon after a field name is reported even when the file
 * parses: the line then silently joins the text above it.
 */
export function syntaxCauses(
  text: string,
  errors: readonly YAMLError[],
  position: (offset: number) => Position,
): SyntaxCause[] {
  const lines = text.split('\n');
  const lineStarts: number[] = [];
  lines.reduce((offset, line) => (lineStarts.push(offset), offset + line.length + 1), 0);
  const at = (line: number, column: number): Position => {
    const p = position(lineStarts[line]!);
    return { line: p.line, column };
  };
  const causes: SyntaxCause[] = [];

  const fields = knownFields();
  lines.forEach((line, i) => {
    const m = /^(\s*(?:-\s+)?)([A-Za-z][A-Za-z0-9_-]*)(\s*)：/.exec(line);
    if (!m || !fields.has(m[2]!)) return;
    const field = m[2]!;
    const column = m[1]!.length + field.length + m[3]!.length + 1;
    causes.push({
      at: at(i, column),
      code: 'full-width-colon',
      message: {
        zh: `字段名“${field}”后面用了中文（全角）冒号“：”。YAML 只认英文冒号“:”，所以这一行没有被当成字段。`,
        en: `The field name "${field}" is followed by a full-width colon "："; YAML only accepts ":", so the line is not read as a field.`,
      },
      fix: {
        zh: `把“${field}：”改成“${field}: ”（英文冒号，后面加一个空格）。切换到英文输入法再输入冒号。`,
        en: `Write "${field}: " (ASCII colon and a space) instead of "${field}：".`,
      },
    });
  });

  if (!errors.length) return causes;

  if (errors.some((e) => e.code === 'TAB_AS_INDENT')) {
    const tabLines = lines.flatMap((line, i) => (/^[ ]*\t/.test(line) ? [i] : []));
    if (tabLines.length) {
      const first = tabLines[0]!;
      const others = tabLines.slice(1).map((i) => position(lineStarts[i]!).line);
      const more = others.length ? `（还有第 ${others.join('、')} 行也是）` : '';
      const moreEn = others.length ? ` (also lines ${others.join(', ')})` : '';
      causes.push({
        at: at(first, lines[first]!.indexOf('\t') + 1),
        code: 'yaml-tab-indent',
        message: {
          zh: `这一行用 Tab 键缩进${more}。YAML 只能用空格缩进，一个 Tab 会让后面的很多行都读错，所以只报这一处。`,
          en: `This line is indented with a tab${moreEn}. YAML allows only spaces; one tab confuses every line after it, so only this is reported.`,
        },
        fix: {
          zh: '删掉行首的 Tab，改用空格，与同一层的字段对齐。VS Code：右下角点“制表符长度”或“空格: 2”→“将缩进转换为空格”，可以一次全部改好。',
          en: 'Replace the tab with spaces, aligned with the fields at the same level (VS Code: "Convert Indentation to Spaces").',
        },
      });
    }
  }

  const errorLines = new Set(errors.map((e) => position(e.pos[0]).line));
  lines.forEach((line, i) => {
    if ([...line].length <= MAX_KEY_CHARS) return;
    const lineNo = position(lineStarts[i]!).line;
    const concerned =
      errorLines.has(lineNo) ||
      errorLines.has(lineNo + 1) ||
      errors.some((e) => e.code === 'KEY_OVER_1024_CHARS' && Math.abs(position(e.pos[0]).line - lineNo) <= 1);
    if (!concerned) return;
    // The ": " YAML took for the end of a key: the first one after the field's own colon.
    const fieldColon = /^\s*(?:-\s+)?[A-Za-z][A-Za-z0-9_-]*:(?:\s|$)/.exec(line);
    const from = fieldColon ? fieldColon[0].length : 0;
    const stray = line.slice(from).search(/:(?:\s|$)/);
    const column = stray >= 0 ? [...line.slice(0, from + stray)].length + 1 : from || 1;
    const length = [...line].length;
    causes.push({
      at: at(i, column),
      code: 'yaml-long-line',
      message: {
        zh: `这一行有 ${length} 个字符，第 ${column} 个字符处的英文冒号“:”被 YAML 当成了字段名后面的冒号；YAML 规定冒号前面的文字不能超过 ${MAX_KEY_CHARS} 个字符，所以整行读不出来。`,
        en: `This line has ${length} characters; YAML took the colon at column ${column} for the end of a key, and a key may not exceed ${MAX_KEY_CHARS} characters.`,
      },
      fix: {
        zh: '把这个冒号改成中文冒号“：”，或者给整段文字加英文双引号 "…"。很长的文字最好用 >- 分成几行写（见指南 2 节）。',
        en: 'Make that colon a full-width "：" or put the whole text in double quotes; better, write long text over several lines with >-.',
      },
    });
  });
  return causes;
}
