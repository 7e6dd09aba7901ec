import { describe, expect, it } from 'vitest';
import { ReportedState } from './reported-state.js';

describe('ReportedState', () => {
  it('treats any state the element did not report itself as a restore', () => {
    const own = new ReportedState<{ n: number }>();
    const saved = { n: 1 };
    expect(own.isRestore(saved)).toBe(true);
    expect(own.isRestore(null)).toBe(false);
    const next = own.report({ n: 2 });
    expect(own.isRestore(next)).toBe(false);
    // An equal copy is still a restore: only the very object handed back is the element's own.
    expect(own.isRestore({ n: 2 })).toBe(true);
    expect(own.isRestore(saved)).toBe(true);
  });
});
