import { expect } from '@open-wc/testing';
import { convertQuestion, freeId, newQuestion } from './question-templates.js';
import { getAt, setAt, type Plain } from './yaml-edits.js';

describe('question templates', () => {
  it('makes a new question of every type with its own parts', () => {
    expect(newQuestion('single', 'q9')).to.include({ id: 'q9', type: 'single', answer: 'a' });
    expect(newQuestion('true-false', 'q9')).to.include({ answer: true });
    expect(newQuestion('fill-in', 'q9')['answer']).to.deep.equal(['答案']);
    expect(newQuestion('matching', 'q9')['answer']).to.deep.equal({ s1: 't1', s2: 't2' });
  });

  it('keeps the options when a single choice becomes a multiple one, and back', () => {
    const single: { [key: string]: Plain } = { ...newQuestion('single', 'q1'), prompt: '我的题干', objective: 'o1' };
    const multiple = convertQuestion(single, 'multiple');
    expect(multiple).to.include({ prompt: '我的题干', objective: 'o1', type: 'multiple' });
    expect(multiple['answer']).to.deep.equal(['a']);
    expect(multiple['options']).to.deep.equal(single['options']);
    expect(convertQuestion({ ...multiple, answer: ['b', 'a'] }, 'single')['answer']).to.equal('b');
  });

  it('drops the parts of the old type', () => {
    const tf = convertQuestion(newQuestion('single', 'q1'), 'true-false');
    expect(tf).to.not.have.property('options');
    expect(tf['feedback']).to.have.keys('true', 'false');
  });

  it('finds a free id', () => {
    expect(freeId('q1', new Set(['q2']))).to.equal('q1');
    expect(freeId('q1', new Set(['q1', 'q1-2']))).to.equal('q1-3');
  });
});

describe('plain paths', () => {
  it('reads and writes values by path', () => {
    const data: Plain = { pools: [{ questions: [{ id: 'a' }] }] };
    expect(getAt(data, ['pools', 0, 'questions', 0, 'id'])).to.equal('a');
    setAt(data, ['pools', 0, 'questions', 0, 'prompt'], '新');
    setAt(data, ['pools', 0, 'title'], '池');
    setAt(data, ['pools', 0, 'questions', 0, 'id'], undefined);
    expect(data).to.deep.equal({ pools: [{ title: '池', questions: [{ prompt: '新' }] }] });
    setAt(data, ['feedback', 'correct'], '对');
    expect(getAt(data, ['feedback'])).to.deep.equal({ correct: '对' });
    expect(getAt(data, ['nope', 3])).to.equal(undefined);
  });
});
