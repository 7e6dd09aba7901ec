import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { DiagnosticList, Position } from './diagnostics.js';
import { syntaxCauses } from './yaml-mistakes.js';

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

  /**
   * Reports YAML syntax errors, and mistakes that parse but lose text; returns false when the file cannot be used.
   * A mistake trainers make often (full-width colon, tab indent, over-long line) is reported once by its name, in
   * place of the parser's cascade of follow-on errors.
   */
  reportSyntax(diagnostics: DiagnosticList): boolean {
    const causes = syntaxCauses(this.text, this.doc.errors, (offset) => this.position(offset));
    for (const cause of causes) diagnostics.add(this.file, cause.at, cause.code, cause.message, cause.fix);
    if (causes.length) return false;
    if (this.syntaxOk) {
      this.reportCutText(diagnostics);
      return true;
    }
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

  /**
   * A plain value followed on its line by ` #` loses the rest of the line to a comment. On a line of Chinese text
   * that is rarely meant (“拨打 #123”), and curly quotes do not protect it as YAML's straight quotes would.
   */
  private reportCutText(diagnostics: DiagnosticList): void {
    visit(this.doc, {
      Scalar: (_key, node) => {
        if (node.type !== 'PLAIN' || typeof node.value !== 'string' || !node.range) return;
        const value = node.value;
        const [start, end] = node.range;
        const eol = this.text.indexOf('\n', end);
        const lineEnd = eol < 0 ? this.text.length : eol;
        const rest = this.text.slice(end, lineEnd);
        const comment = /^[ \t]+#/.exec(rest);
        const opensCurly = /^[“‘]/.test(value);
        const shown = value.length > 30 ? `${value.slice(0, 30)}……` : value;
        if (comment) {
          const lost = rest.slice(comment[0].length).trim();
          // Chinese text or curly quotes cut short; an English value with a Chinese comment (outcome: good  # 好结局) is fine.
          if (!/[\u3400-\u9fff\uf900-\ufaff“”‘’]/.test(value)) return;
          const at = this.position(end + comment[0].length - 1);
          if (opensCurly) {
            diagnostics.add(
              this.file,
              at,
              'curly-quotes',
              {
                zh: `这段文字用中文引号“…”包住了，但 YAML 只认英文引号 "…"：空格加 # 之后的“${lost}”被当成注释丢掉了，学员只会看到“${shown}”。`,
                en: `The text is wrapped in curly quotes, which YAML does not treat as quotes: everything after " #" ("${lost}") became a comment, so learners see only "${shown}".`,
              },
              {
                zh: '在整段文字外面再加一对英文双引号，例如 prompt: "“拨打 #123 查询”"；或者去掉 # 前面的空格。',
                en: 'Wrap the whole text in straight double quotes, e.g. prompt: "“dial #123”", or remove the space before #.',
              },
            );
          } else {
            diagnostics.warn(
              this.file,
              at,
              'text-cut-by-comment',
              {
                zh: `这一行空格加 # 后面的“${lost}”是注释，学员看不到；学员只会看到“${shown}”。`,
                en: `Everything after " #" on this line ("${lost}") is a comment that learners never see; they see only "${shown}".`,
              },
              {
                zh: '如果 # 后面是要给学员看的文字，给整段文字加英文双引号 "…"；如果确实是注释，请把注释移到单独的一行。',
                en: 'If the text after # is meant for learners, put the whole text in straight double quotes "…"; if it is a comment, move it to a line of its own.',
              },
            );
          }
          return;
        }
        if (opensCurly && /[”’]$/.test(value)) {
          diagnostics.warn(
            this.file,
            this.position(start),
            'curly-quoted-value',
            {
              zh: `整段文字被中文引号包住（${shown}）：学员会看到这对引号。YAML 只认英文引号 "…"，中文引号不能保护 # 或“: ”后面的文字。`,
              en: `The whole text is wrapped in curly quotes (${shown}): learners see them, and they do not protect text the way YAML's straight quotes do.`,
            },
            {
              zh: '如果只是想给文字加引号，改用英文双引号 "…"；如果确实要让学员看到中文引号，写成 "“…”"（外面再加一对英文双引号），这条警告就会消失。',
              en: 'Use straight double quotes "…" instead; to show the curly quotes on purpose, wrap them in straight quotes: "“…”".',
            },
          );
        }
      },
    });
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
  KEY_OVER_1024_CHARS: '冒号前面的文字超过了 1024 个字符：文字中的英文冒号加空格“: ”被当成了字段名后面的冒号',
};

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
