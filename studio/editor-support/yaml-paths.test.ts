import { expect } from '@open-wc/testing';
import type { Diagnostic } from '../../core/studio-api.js';
import { isUnder, parseYaml, pathAt, placeDiagnostics } from './yaml-paths.js';

const FILE = `id: quiz-a
pools:
  - id: pool
    questions:
      - id: q1
        type: single
        answer: z
        options:
          - id: a
            text: 甲
`;

describe('yaml paths', () => {
  const parsed = parseYaml(FILE);

  it('finds the field at a line', () => {
    expect(pathAt(parsed, 1)).to.deep.equal(['id']);
    expect(pathAt(parsed, 7)).to.deep.equal(['pools', 0, 'questions', 0, 'answer']);
    expect(pathAt(parsed, 7, 9)).to.deep.equal(['pools', 0, 'questions', 0, 'answer']);
    expect(pathAt(parsed, 10, 13)).to.deep.equal(['pools', 0, 'questions', 0, 'options', 0, 'text']);
  });

  it('gives an empty path past the end', () => {
    expect(pathAt(parsed, 99)).to.deep.equal([]);
  });

  it('places only the diagnostics of the edited file', () => {
    const d = (file: string, line: number): Diagnostic => ({
      file,
      line,
      column: 9,
      code: 'x',
      message: { zh: '错', en: 'wrong' },
      fix: { zh: '改', en: 'fix' },
    });
    const placed = placeDiagnostics(parsed, 'quizzes/a.yaml', [d('quizzes/a.yaml', 7), d('course.yaml', 7)]);
    expect(placed.map((p) => p.path)).to.deep.equal([['pools', 0, 'questions', 0, 'answer'], []]);
  });

  it('tells whether a path lies under another', () => {
    expect(isUnder(['pools', 0, 'questions', 1, 'prompt'], ['pools', 0, 'questions', 1])).to.equal(true);
    expect(isUnder(['pools', 0, 'questions', 1], ['pools', 0, 'questions', 1, 'prompt'])).to.equal(false);
  });
});
