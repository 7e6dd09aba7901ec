import { describe, expect, it } from 'vitest';
import type { RolePlayResult, RolePlayState } from './interactions.js';
import { restoreRolePlay } from './roleplay-restore.js';
import type { RolePlay } from './types.js';

const rp: RolePlay = {
  id: 'rp',
  title: 'T',
  scenario: 'S',
  customer: { name: 'C' },
  learnerRole: 'L',
  start: 'a',
  nodes: [
    { id: 'a', line: 'A', replies: [{ id: 'ok', text: 'ok', score: 1, feedback: 'f', next: 'end' }] },
    { id: 'end', ending: { outcome: 'good', title: 'E', debrief: 'D' } },
  ],
};
const best: RolePlayResult = {
  roleplayId: 'rp',
  outcome: 'good',
  endingId: 'end',
  score: { raw: 1, min: 0, max: 1, scaled: 1 },
  path: [{ nodeId: 'a', replyId: 'ok', score: 1 }],
  met: true,
  durationMs: 10,
};

describe('restoreRolePlay', () => {
  it('starts afresh when nothing is saved', () => {
    expect(restoreRolePlay(rp, null)).toEqual({ path: [], nodeId: 'a', showingFeedback: false, runs: 0, best: null });
  });

  it('returns a state that fits the role-play exactly as saved', () => {
    const saved: RolePlayState = { path: best.path, nodeId: 'a', showingFeedback: true, runs: 1, best };
    expect(restoreRolePlay(rp, saved)).toBe(saved);
  });

  it("starts afresh from a state saved for other content, keeping the runs and this role-play's best", () => {
    const stale = { path: [{ nodeId: 'gone', replyId: 'x', score: 0 }], nodeId: 'gone', showingFeedback: false };
    expect(restoreRolePlay(rp, { ...stale, runs: 2, best })).toEqual({
      path: [],
      nodeId: 'a',
      showingFeedback: false,
      runs: 2,
      best,
    });
    const otherBest = { ...best, roleplayId: 'other' };
    expect(restoreRolePlay(rp, { ...stale, runs: 2, best: otherBest }).best).toBe(null);
  });
});
