import type { DiagnosticList } from './diagnostics.js';
import type { PathSegment, YamlSource } from './yaml-source.js';

const DIGITS = '零一二三四五六七八九';

/** 0–99 in Chinese numerals: 四, 十, 十二, 二十, 二十一. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${tens > 1 ? DIGITS[tens] : ''}十${units ? DIGITS[units] : ''}`;
}

/** The number a chapter label such as 第四章, 第十二章 or 第 4 章 names; null when it is none. */
export function parseChapterNumber(numeral: string): number | null {
  const text = numeral.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text.replace(/^零$/, ''));
  if (text === '零') return 0;
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  if (!m[2]) return m[3] ? null : DIGITS.indexOf(m[1]!);
  return (m[1] ? DIGITS.indexOf(m[1]) : 1) * 10 + (m[3] ? DIGITS.indexOf(m[3]) : 0);
}

const LABEL = /第\s*([零一二三四五六七八九十]{1,3}|\d{1,2})\s*章/g;

/** A title whose text the checker should compare with its module's place in the course order. */
export interface LabelledText {
  text: string;
  moduleId: string;
  source: YamlSource;
  path: PathSegment[];
}

/**
 * Chapter labels written in titles ("第四章测验") go stale when modules are reordered. Chapters are numbered by their
 * place in course.yaml's `modules`, from 1, or from 0 when the first module is an introduction (folder `00-…`): a
 * label naming another number is reported as a warning with the right one.
 */
export function checkChapterLabels(
  texts: readonly LabelledText[],
  order: readonly string[],
  firstIsIntroduction: boolean,
  diagnostics: DiagnosticList,
): void {
  const base = firstIsIntroduction ? 0 : 1;
  for (const { text, moduleId, source, path } of texts) {
    const index = order.indexOf(moduleId);
    if (index < 0) continue;
    const expected = index + base;
    for (const m of text.matchAll(LABEL)) {
      const written = parseChapterNumber(m[1]!);
      if (written === null || written === expected) continue;
      const right = `第${chineseNumber(expected)}章`;
      diagnostics.warn(
        source.file,
        source.valueAt(path),
        'chapter-label',
        {
          zh: `“${text}”中写的是“${m[0]}”，但按 course.yaml 中 modules 的顺序，章节“${moduleId}”现在是${right}。`,
          en: `"${m[0]}" in "${text}" no longer matches the course order: module "${moduleId}" is now chapter ${expected}.`,
        },
        {
          zh: `把“${m[0]}”改成“${right}”；或者去掉标题中的章号，以后调整顺序就不用再改。`,
          en: `Change "${m[0]}" to "${right}", or drop the chapter number from the title.`,
        },
      );
    }
  }
}
