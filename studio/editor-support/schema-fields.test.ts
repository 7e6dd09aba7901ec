import { expect } from '@open-wc/testing';
import { describe as split, objectFields, questionFields, questionTypes, type JsonSchema } from './schema-fields.js';

async function schema(name: string): Promise<JsonSchema> {
  const response = await fetch(`/schemas/${name}.schema.json`);
  return (await response.json()) as JsonSchema;
}

describe('schema fields', () => {
  let quiz: JsonSchema;
  let roleplay: JsonSchema;
  before(async () => {
    quiz = await schema('quiz');
    roleplay = await schema('roleplay');
  });

  it('splits a bilingual description into label and hint', () => {
    expect(split('及格线（百分比 0–100）；期末测验默认 / Pass mark in percent')).to.deep.equal({
      label: { zh: '及格线', en: 'Pass mark in percent' },
      hint: { zh: '及格线（百分比 0–100）；期末测验默认', en: 'Pass mark in percent' },
    });
    expect(split(undefined)).to.equal(null);
  });

  it('describes the quiz settings from the real schema', () => {
    const fields = Object.fromEntries(objectFields(quiz, quiz).map((f) => [f.key, f]));
    expect(fields['passingScore']).to.include({ kind: 'number', min: 0, max: 100, required: false });
    expect(fields['attempts']).to.include({ kind: 'integer', min: 0 });
    expect(fields['questionAttempts']).to.include({ kind: 'integer', min: 1 });
    expect(fields['feedback']!.options).to.deep.equal(['each-question', 'after-submit']);
    expect(fields['revealAnswer']!.options).to.deep.equal(['always', 'after-last-attempt', 'never']);
    expect(fields['shuffle']!.kind).to.equal('boolean');
    expect(fields['final']!.kind).to.equal('flag');
    expect(fields['title']).to.include({ kind: 'line', required: true });
    expect(fields['intro']!.kind).to.equal('text');
    expect(fields['pools']!.kind).to.equal('list');
    const pool = Object.fromEntries(objectFields(quiz, fields['pools']!.schema!).map((f) => [f.key, f]));
    expect(pool['draw']).to.include({ kind: 'integer', min: 1 });
    expect(pool['id']).to.include({ kind: 'id', required: true });
  });

  it('knows every question type', () => {
    expect(questionTypes(quiz)).to.deep.equal([
      'single',
      'multiple',
      'true-false',
      'fill-in',
      'sequencing',
      'matching',
    ]);
  });

  it("gives each question type its own fields, in the type's order", () => {
    const keys = (type: string): string[] => questionFields(quiz, type).map((f) => f.key);
    expect(keys('single')).to.include.members(['options', 'answer']).and.not.include('feedback');
    expect(keys('true-false')).to.include.members(['answer', 'feedback']).and.not.include('options');
    expect(keys('matching')).to.include.members(['sources', 'targets', 'answer', 'feedback']);
    const single = Object.fromEntries(questionFields(quiz, 'single').map((f) => [f.key, f]));
    expect(single['options']).to.include({ kind: 'list', required: true });
    expect(single['answer']).to.include({ kind: 'line', required: true });
    expect(single['weight']).to.include({ kind: 'number', above: 0 });
    expect(single['tags']!.kind).to.equal('words');
    const option = objectFields(quiz, single['options']!.schema!).map((f) => [f.key, f.required]);
    expect(option).to.deep.equal([
      ['id', true],
      ['text', true],
      ['feedback', true],
    ]);
    const fillIn = Object.fromEntries(questionFields(quiz, 'fill-in').map((f) => [f.key, f]));
    expect(fillIn['answer']!.kind).to.equal('words');
    expect(fillIn['feedback']!.kind).to.equal('object');
  });

  it('describes role-play nodes and replies', () => {
    const nodes = objectFields(roleplay, roleplay).find((f) => f.key === 'nodes')!;
    const node = Object.fromEntries(objectFields(roleplay, nodes.schema!).map((f) => [f.key, f]));
    expect(node['mood']!.options).to.include('angry');
    expect(node['line']!.kind).to.equal('text');
    const reply = Object.fromEntries(objectFields(roleplay, node['replies']!.schema!).map((f) => [f.key, f]));
    expect(reply['score']).to.include({ kind: 'number', required: true });
    expect(reply['harmful']!.kind).to.equal('boolean');
    expect(reply['next']).to.include({ kind: 'line', required: true });
    expect(node['ending']!.kind).to.equal('object');
  });
});
