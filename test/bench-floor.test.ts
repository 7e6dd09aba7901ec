// The bench's floor page (bench/fixtures/floor/index.html) is compared with our first page: both must ask for the same
// fonts, since finding and shaping the Chinese glyphs is most of a first frame's work (the `font` design token).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseRoot } from '../tools/paths.js';

const families = (list: string): string[] => list.split(',').map((f) => f.trim().replace(/^['"]|['"]$/g, ''));

describe('the bench floor page', () => {
  it('uses the course font stack (the font token)', () => {
    const tokens = readFileSync(join(courseRoot, 'components/shared/tokens.styles.ts'), 'utf8');
    const token = /^\s*font: "([^"]+)",$/m.exec(tokens)?.[1];
    const floor = readFileSync(join(courseRoot, 'bench/fixtures/floor/index.html'), 'utf8');
    const shorthand = /font:\s*[\d.]+rem\/[\d.]+\s+([^;]+);/.exec(floor)?.[1];
    expect(token, 'the font token in components/shared/tokens.styles.ts').toBeDefined();
    expect(shorthand, 'the body font shorthand in the floor page').toBeDefined();
    expect(families(shorthand!)).toEqual(families(token!));
  });
});
