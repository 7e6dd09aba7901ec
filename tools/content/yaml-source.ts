import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { DiagnosticList, Position } from './diagnostics.js';

export type PathSegment = string | number;

/** A parsed YAML text that can tell where any value or key stands in its file. */
export class YamlSource {
  readonly data: unknown;
  private readonly doc: Document;
  private readonly lines: LineCounter;

  /**
   * @param file course-relative path, for messages
   * @param lineOffset lines before the YAML text in its file (front matter starts after a `---` line)
   */
  constructor(
    readonly file: string,
    private readonly text: string,
    private readonly lineOffset = 0,
  ) {
    this.lines = new LineCounter();
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    this.data = this.doc.errors.length ? undefined : this.doc.toJS();
  }

  get syntaxOk(): boolean {
    return this.doc.errors.length === 0;
  }

  /** Reports YAML syntax errors; returns false when there were any. */
  reportSyntax(diagnostics: DiagnosticList): boolean {
    for (const error of this.doc.errors) {
      const at = this.errorPosition(error.code, error.pos[0]);
      const duplicate = error.code === 'DUPLICATE_KEY';
      diagnostics.add(
        this.file,
        at,
        duplicate ? 'yaml-duplicate-key' : 'yaml-syntax',
        duplicate
          ? {
              zh: `同一层级中字段重复出现：${firstLine(error.message)}`,
              en: `A key appears twice at the same level: ${firstLine(error.message)}`,
            }
          : {
              zh: `YAML 格式错误：${YAML_ERRORS_ZH[error.code] ?? firstLine(error.message)}`,
              en: `YAML syntax error: ${firstLine(error.message)}`,
            },
        duplicate
          ? { zh: '删除或合并重复的字段。', en: 'Remove or merge the repeated key.' }
          : {
              zh: '检查这一行及上一行的缩进（用空格，不用 Tab）、冒号后的空格和引号是否成对；含有“: ”或以特殊符号开头的文字请加引号。',
              en: 'Check the indentation (spaces, not tabs), the space after each colon and matching quotes on this line and the one before; quote text that contains ": " or starts with a special character.',
            },
      );
    }
    return this.doc.errors.length === 0;
  }

  /** Position of the value at `path`, or of the nearest existing ancestor. */
  valueAt(path: readonly PathSegment[]): Position {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = this.doc.getIn(path.slice(0, depth), true) as Node | undefined;
      if (node && (isScalar(node) || isMap(node) || isSeq(node)) && node.range) return this.position(node.range[0]);
    }
    return { line: 1 + this.lineOffset, column: 1 };
  }

  /** Position of the key `key` in the map at `path` (falls back to the map itself). */
  keyAt(path: readonly PathSegment[], key: string): Position {
    const parent = path.length ? this.doc.getIn(path, true) : this.doc.contents;
    if (isMap(parent)) {
      for (const pair of parent.items) {
        if (isPair(pair) && isScalar(pair.key) && pair.key.value === key && pair.key.range) {
          return this.position(pair.key.range[0]);
        }
      }
    }
    return this.valueAt(path);
  }

  /**
   * An unclosed quote is only noticed at the end of the file; point at the line whose quotes do not pair up,
   * which is where the trainer has to look.
   */
  private errorPosition(code: string, offset: number): Position {
    if (code === 'MISSING_CHAR') {
      const lines = this.text.split('\n');
      const unbalanced = lines.findIndex((line) => {
        const body = line.replace(/\s+#.*$/, '');
        return (body.match(/(?<!\\)"/g)?.length ?? 0) % 2 === 1;
      });
      if (unbalanced >= 0)
        return { line: unbalanced + 1 + this.lineOffset, column: lines[unbalanced]!.indexOf('"') + 1 };
    }
    return this.position(offset);
  }

  private position(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line: line + this.lineOffset, column: col };
  }
}

/** The yaml library's messages in Chinese, for the mistakes trainers make most. */
const YAML_ERRORS_ZH: Record<string, string> = {
  MISSING_CHAR: '缺少配对的引号或括号',
  BAD_INDENT: '缩进不对齐',
  TAB_AS_INDENT: '用了 Tab 缩进（只能用空格）',
  MULTILINE_IMPLICIT_KEY: '冒号后面缺少空格，或一行文字被拆成了多行',
  BLOCK_AS_IMPLICIT_KEY: '冒号后面缺少空格，或缩进不对',
  IMPLICIT_KEY_TOO_LONG: '字段名太长：冒号后面可能缺少空格',
  UNEXPECTED_TOKEN: '出现了不该出现的符号',
  BAD_SCALAR_START: '文字以特殊符号开头，需要加引号',
  MISSING_KEY: '缺少字段名',
  DUPLICATE_KEY: '字段重复',
};

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
