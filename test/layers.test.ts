/**
 * The rooms import only downwards (docs/architecture.md). The type check enforces it too (each room is a TypeScript
 * project that references only the rooms below it); this test says plainly which import breaks which rule.
 */
import { describe, expect, it } from 'vitest';
import { courseRoot } from '../tools/paths.js';
import { ROOMS, importViolations, sourceFiles, type Room } from './support/layers.js';

describe('layers: every import points down', () => {
  it('no file in the project imports against the arrow', () => {
    const files = sourceFiles(courseRoot);
    expect(files.length).toBeGreaterThan(50);
    expect(importViolations(courseRoot, files)).toEqual([]);
  });

  describe('the checker itself', () => {
    const check = (file: string, source: string): string[] =>
      importViolations('/project/', [file], () => source).map((v) => v.split(': ')[0] ?? '');

    it('flags core/ importing components/ and names the rule', () => {
      const violations = importViolations('/project/', ['core/route.ts'], () => {
        return "import { emit } from '../components/shared/emit.js';\n";
      });
      expect(violations).toEqual([
        'core/route.ts:1 imports components/shared/emit.js: core/ may import only core/ ' +
          '(rooms import downwards: app → components → core, studio → components → core, app → tracking → core, ' +
          'server → report → core, tools → core)',
      ]);
    });

    it('flags a Node module or a package in core/, and the DOM side importing tools/', () => {
      expect(check('core/a.ts', "import { readFileSync } from 'node:fs';")).toEqual(['core/a.ts:1 imports node:fs']);
      expect(check('core/a.ts', "import { html } from 'lit';")).toEqual(['core/a.ts:1 imports lit']);
      expect(check('components/x/x.ts', "import type { Course } from '../../tools/content/load-course.js';")).toEqual([
        'components/x/x.ts:1 imports tools/content/load-course.js',
      ]);
    });

    it('flags anything but app/ importing components/, dynamic imports included', () => {
      expect(check('tracking/t.ts', "const c = await import('../components/course-player/define.js');")).toEqual([
        'tracking/t.ts:1 imports components/course-player/define.js',
      ]);
      expect(check('server/s.ts', "export * from '../report/r.js';\nexport * from '../tracking/t.js';")).toEqual([
        'server/s.ts:2 imports tracking/t.js',
      ]);
      expect(check('app/main.ts', "import './../components/course-player/define.js';")).toEqual([]);
      expect(check('studio/main.ts', "import '../components/course-page/define.js';")).toEqual([]);
      expect(check('studio/x/x.ts', "import { lint } from '../../tools/content/lint.js';")).toEqual([
        'studio/x/x.ts:1 imports tools/content/lint.js',
      ]);
    });

    it('flags a file outside every room', () => {
      expect(check('stray/x.ts', '')).toEqual(['stray/x.ts is in no room']);
    });
  });

  it('lists every room the architecture names', () => {
    const names: Room[] = ['core', 'components', 'app', 'studio', 'tracking', 'server', 'report', 'tools', 'test'];
    expect(Object.keys(ROOMS)).toEqual(expect.arrayContaining(names));
  });
});
