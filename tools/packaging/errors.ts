import type { Bilingual } from '../content/diagnostics.js';

/**
 * A reason not to package, said to a trainer: where, what is wrong and how to fix it, in Chinese and English.
 * Thrown before any zip is written, so an earlier good package is never replaced by a bad one.
 */
export class PackagingError extends Error {
  constructor(
    readonly where: string,
    readonly problem: Bilingual,
    readonly fix: Bilingual,
  ) {
    super(
      [
        `${where}  错误 error`,
        `  ${problem.zh}`,
        `  ${problem.en}`,
        `  修改方法：${fix.zh}`,
        `  How to fix: ${fix.en}`,
        '',
        '未生成课程包。 / No package was written.',
      ].join('\n'),
    );
    this.name = 'PackagingError';
  }
}
