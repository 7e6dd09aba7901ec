import { describe, expect, it } from 'vitest';
import { firstPageDecision, type FirstPageWindow } from './first-page.js';

const COURSE = 'https://example.com/course';
const FIRST = '#/intro/welcome';

/** A window with the given address and storages (keys → values). */
function win(
  { search = '', hash = '', api }: { search?: string; hash?: string; api?: Record<string, unknown> } = {},
  local: Record<string, string> = {},
  session: Record<string, string> = {},
): FirstPageWindow {
  const keys = Object.keys(local);
  const w: FirstPageWindow = {
    location: { search, hash },
    parent: null,
    opener: null,
    ...api,
    localStorage: { getItem: (k) => local[k] ?? null, key: (i) => keys[i] ?? null, length: keys.length },
    sessionStorage: { getItem: (k) => session[k] ?? null },
  };
  w.parent = w;
  return w;
}

const record = `course-resume:${COURSE}:王芳`;

describe('firstPageDecision', () => {
  it('standalone, nobody has progress in this browser → the prerendered first page', () => {
    expect(firstPageDecision(win(), COURSE, FIRST)).toEqual({ launch: 'standalone', show: true });
    expect(firstPageDecision(win({}, {}, { 'course-learner': '王芳' }), COURSE, FIRST).show).toBe(true);
    expect(firstPageDecision(win({ hash: FIRST }), COURSE, FIRST).show).toBe(true);
  });

  it('standalone, this learner has a record → placeholder (they resume where they were)', () => {
    expect(firstPageDecision(win({}, { [record]: '[1]' }, { 'course-learner': '王芳' }), COURSE, FIRST).show).toBe(
      false,
    );
  });

  it("another learner's record does not hide the first page from a named learner", () => {
    expect(firstPageDecision(win({}, { [record]: '[1]' }, { 'course-learner': '李雷' }), COURSE, FIRST).show).toBe(
      true,
    );
  });

  it('no name yet but some learner of this course has a record → placeholder; other courses do not count', () => {
    expect(firstPageDecision(win({}, { [record]: '[1]' }), COURSE, FIRST).show).toBe(false);
    expect(firstPageDecision(win({}, { 'course-resume:other:王芳': '[1]' }), COURSE, FIRST).show).toBe(true);
  });

  it('an address naming another item → placeholder', () => {
    expect(firstPageDecision(win({ hash: '#/intro/how-to' }), COURSE, FIRST).show).toBe(false);
  });

  it('an LMS or LRS launch → placeholder, whatever this browser holds', () => {
    const cmi5 = '?endpoint=e&fetch=f&actor=a&registration=r&activityId=i';
    expect(firstPageDecision(win({ search: cmi5 }), COURSE, FIRST)).toEqual({ launch: 'cmi5', show: false });
    expect(firstPageDecision(win({ search: '?endpoint=e&auth=x&actor=a' }), COURSE, FIRST).launch).toBe('xapi');
    const scorm12 = win({ api: { API: { LMSInitialize: () => 'true' } } });
    expect(firstPageDecision(scorm12, COURSE, FIRST)).toEqual({ launch: 'scorm12', show: false });
    const scorm2004 = win({ api: { API_1484_11: { Initialize: () => 'true' } } });
    expect(firstPageDecision(scorm2004, COURSE, FIRST)).toEqual({ launch: 'scorm2004', show: false });
  });

  it('storage that throws (blocked) → the first page: no record can have been kept', () => {
    const blocked = win();
    Object.defineProperty(blocked, 'sessionStorage', {
      get: () => ({
        getItem: () => {
          throw new DOMException('denied', 'SecurityError');
        },
      }),
    });
    expect(firstPageDecision(blocked, COURSE, FIRST).show).toBe(true);
  });
});
