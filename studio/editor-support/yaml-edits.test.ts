import { expect } from '@open-wc/testing';
import { parseDocument } from 'yaml';
import type { YamlEdit } from '../../core/studio-api.js';
import { applyEdits, diffEdits, samePlain, type Plain } from './yaml-edits.js';

const FILE = `# a comment that must stay
id: quiz-a
title: 测验 # trailing comment
questions:
  - id: q1
    prompt: 一
    answer: [a, b]
  - id: q2
    prompt: 二

  - id: q3
    prompt: 三
`;

/** Applies the diff of `change` to FILE and returns the new text and the edits. */
function edit(change: (data: { [key: string]: Plain }) => void): { text: string; edits: YamlEdit[] } {
  const doc = parseDocument(FILE);
  const before = doc.toJS() as { [key: string]: Plain };
  const after = structuredClone(before);
  change(after);
  const edits = diffEdits(before, after);
  applyEdits(doc, edits);
  expect(samePlain(doc.toJS() as Plain, after), 'the document holds the edited data').to.equal(true);
  return { text: doc.toString(), edits };
}

type Questions = { id: string; prompt: string }[];
const questions = (data: { [key: string]: Plain }): Questions => data['questions'] as unknown as Questions;

describe('yaml edits', () => {
  it('makes no edit when nothing changed', () => {
    expect(edit(() => {}).edits).to.deep.equal([]);
  });

  it('sets one changed value and keeps comments and formatting elsewhere', () => {
    const { text, edits } = edit((d) => {
      questions(d)[1]!.prompt = '二改';
    });
    expect(edits).to.deep.equal([{ op: 'set', at: ['questions', 1, 'prompt'], value: '二改' }]);
    // Only the edited line differs from the document as the yaml library writes it back unedited.
    expect(text).to.equal(parseDocument(FILE).toString().replace('prompt: 二', 'prompt: 二改'));
  });

  it('deletes a removed key and adds a new one', () => {
    const { edits } = edit((d) => {
      delete d['title'];
      d['intro'] = '说明';
    });
    expect(edits).to.deep.equal([
      { op: 'delete', at: ['title'] },
      { op: 'set', at: ['intro'], value: '说明' },
    ]);
  });

  it('sets a list without ids whole', () => {
    const { edits } = edit((d) => {
      (questions(d)[0] as unknown as { answer: string[] }).answer = ['a'];
    });
    expect(edits).to.deep.equal([{ op: 'set', at: ['questions', 0, 'answer'], value: ['a'] }]);
  });

  it('moves a reordered entry instead of rewriting the list', () => {
    const { text, edits } = edit((d) => {
      const list = questions(d);
      list.unshift(list.pop()!);
    });
    expect(edits).to.deep.equal([{ op: 'move', at: ['questions'], from: 2, to: 0 }]);
    expect(text).to.contain('# a comment that must stay');
    expect(text.indexOf('id: q3')).to.be.lessThan(text.indexOf('id: q1'));
  });

  it('inserts a new entry and deletes a removed one', () => {
    const { edits } = edit((d) => {
      const list = questions(d);
      list.splice(1, 1);
      list.push({ id: 'q4', prompt: '四' });
    });
    expect(edits).to.deep.equal([
      { op: 'delete', at: ['questions', 1] },
      { op: 'insert', at: ['questions'], index: 2, value: { id: 'q4', prompt: '四' } },
    ]);
  });

  it('treats an entry whose id changed as the same entry', () => {
    const { edits } = edit((d) => {
      questions(d)[1]!.id = 'q2-renamed';
    });
    expect(edits).to.deep.equal([{ op: 'set', at: ['questions', 1, 'id'], value: 'q2-renamed' }]);
  });

  it('duplicates an entry as an insert after it', () => {
    const { edits } = edit((d) => {
      const list = questions(d);
      list.splice(1, 0, { ...list[0]!, id: 'q1-copy' });
    });
    expect(edits).to.have.length(1);
    expect(edits[0]).to.include({ op: 'insert', index: 1 });
  });

  it('refuses a list edit on something that is not a list', () => {
    const doc = parseDocument(FILE);
    expect(() => applyEdits(doc, [{ op: 'insert', at: ['title'], index: 0, value: 'x' }])).to.throw(/Not a list/);
  });
});
