import { expect } from '@open-wc/testing';
import {
  fieldAtLine,
  joinPage,
  moduleObjectives,
  readFields,
  splitPage,
  writeField,
  yamlScalar,
} from './front-matter.js';

const PAGE = `---
id: service-concepts-what-is-service
title: 什么是服务 # 页面标题
objectives: [service-concepts-o1]
minutes: 4
sources:
  - 000_752fc6dac3c4367f.txt
  - 004_fd4152532fe667e8.txt
---

开始之前，先问自己两个问题。
`;

describe('front matter', () => {
  it('splits a page and joins it back byte for byte', () => {
    const parts = splitPage(PAGE);
    expect(parts.bodyLine).to.equal(10);
    expect(parts.body).to.equal('\n开始之前，先问自己两个问题。\n');
    expect(joinPage(parts.frontMatter, parts.body)).to.equal(PAGE);
    expect(splitPage('# no front matter\n')).to.deep.equal({
      frontMatter: null,
      body: '# no front matter\n',
      bodyLine: 1,
    });
  });

  it('reads the fields, flow and block lists, without the comment', () => {
    expect(readFields(splitPage(PAGE).frontMatter)).to.deep.equal({
      id: 'service-concepts-what-is-service',
      title: '什么是服务',
      objectives: ['service-concepts-o1'],
      minutes: 4,
      sources: ['000_752fc6dac3c4367f.txt', '004_fd4152532fe667e8.txt'],
    });
  });

  it('rewrites only the changed field, keeping the list style', () => {
    const fm = splitPage(PAGE).frontMatter;
    const objectives = writeField(fm, 'objectives', ['service-concepts-o1', 'service-concepts-o2']);
    expect(objectives).to.equal(fm!.replace('[service-concepts-o1]', '[service-concepts-o1, service-concepts-o2]'));
    const sources = writeField(fm, 'sources', ['a.txt']);
    expect(sources).to.equal(fm!.replace(/sources:[\s\S]*$/, 'sources:\n  - a.txt\n'));
    expect(writeField(fm, 'minutes', 6)).to.contain('minutes: 6\n');
    expect(writeField(fm, 'title', '服务: 含义')).to.contain('title: "服务: 含义"\n');
  });

  it('quotes what plain YAML would misread', () => {
    expect(yamlScalar('什么是服务')).to.equal('什么是服务');
    expect(yamlScalar('yes')).to.equal('"yes"');
    expect(yamlScalar('- 列表')).to.equal('"- 列表"');
    expect(yamlScalar('a #b')).to.equal('"a #b"');
  });

  it('names the field on a file line', () => {
    const fm = splitPage(PAGE).frontMatter;
    expect(fieldAtLine(fm, 3)).to.equal('title');
    expect(fieldAtLine(fm, 8)).to.equal('sources');
  });

  it("reads a module's objectives", () => {
    const yaml = `id: m\ntitle: 章节\nobjectives:\n  - id: m-o1\n    text: 说出服务的含义\n  - id: m-o2\n    text: "区分: 四类"\n`;
    expect(moduleObjectives(yaml)).to.deep.equal([
      { id: 'm-o1', text: '说出服务的含义' },
      { id: 'm-o2', text: '区分: 四类' },
    ]);
  });
});
