import { describe, expect, it } from 'vitest';
import { applyYamlEdits } from './yaml-edit.js';

const FILE = `# 课程设置（注释要保留）
id: demo
title: "演示"   # 行尾注释
description: >-
  很长的一段说明，折行写在两行里，
  第二行。
modules:
  - a
  - b
  - c
nested: { x: 1, y: [1, 2] }
`;

describe('applyYamlEdits', () => {
  it('changes only the edited line; comments, quotes, folded text and flow style stay byte-identical', () => {
    const out = applyYamlEdits(FILE, [{ op: 'set', at: ['id'], value: 'demo-2' }]);
    expect(out).toBe(FILE.replace('id: demo\n', 'id: demo-2\n'));
  });

  it('moves, inserts and deletes list items without touching the rest', () => {
    expect(applyYamlEdits(FILE, [{ op: 'move', at: ['modules'], from: 0, to: 2 }])).toBe(
      FILE.replace('  - a\n  - b\n  - c\n', '  - b\n  - c\n  - a\n'),
    );
    expect(applyYamlEdits(FILE, [{ op: 'insert', at: ['modules'], index: 3, value: 'd' }])).toBe(
      FILE.replace('  - c\n', '  - c\n  - d\n'),
    );
    expect(applyYamlEdits(FILE, [{ op: 'delete', at: ['modules', 1] }])).toBe(FILE.replace('  - b\n', ''));
  });

  it('rewrites the folded text only when the edit is to it, on one line', () => {
    const out = applyYamlEdits(FILE, [{ op: 'set', at: ['description'], value: '短说明' }]);
    expect(out).toBe(FILE.replace(/description: >-\n.*\n.*\n/, 'description: 短说明\n'));
  });

  it('keeps CRLF line ends', () => {
    const crlf = FILE.replace(/\n/g, '\r\n');
    expect(applyYamlEdits(crlf, [{ op: 'set', at: ['id'], value: 'x' }])).toBe(crlf.replace('id: demo', 'id: x'));
  });

  it('refuses a path that is not there and a file with a syntax error', () => {
    expect(() => applyYamlEdits(FILE, [{ op: 'delete', at: ['nope'] }])).toThrow(/No value at nope/);
    expect(() => applyYamlEdits(FILE, [{ op: 'move', at: ['modules'], from: 0, to: 9 }])).toThrow(/out of range/);
    expect(() => applyYamlEdits('a: [1\n', [{ op: 'set', at: ['a'], value: 1 }])).toThrow(/syntax error/);
  });
});
