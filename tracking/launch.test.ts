import { describe, expect, it } from 'vitest';
import { detectLaunch, type LaunchWindow } from './launch.js';

const api12 = { LMSInitialize: () => 'true' };
const api2004 = { Initialize: () => 'true' };

function frame(search = '', extra: Partial<LaunchWindow> = {}, parent: LaunchWindow | null = null): LaunchWindow {
  const win: LaunchWindow = { location: { search }, parent: null, opener: null, ...extra };
  win.parent = parent ?? win;
  return win;
}

describe('detectLaunch', () => {
  it('cmi5 launch parameters → cmi5', () => {
    const search =
      '?endpoint=http%3A%2F%2F127.0.0.1%2Fxapi%2F&fetch=http%3A%2F%2F127.0.0.1%2Ftoken&actor=%7B%7D&registration=r-1&activityId=https%3A%2F%2Fx';
    expect(detectLaunch(frame(search, { API: api12 })).kind).toBe('cmi5');
  });
  it('TinCan launch parameters → xAPI', () => {
    expect(detectLaunch(frame('?endpoint=http%3A%2F%2F127.0.0.1%2F&auth=Basic%20eA%3D%3D&actor=%7B%7D')).kind).toBe(
      'xapi',
    );
  });
  it('API_1484_11 up the frame chain → SCORM 2004, preferred to a 1.2 API', () => {
    const top = frame('', { API_1484_11: api2004, API: api12 });
    const middle = frame('', {}, top);
    expect(detectLaunch(frame('', {}, middle)).kind).toBe('scorm2004');
  });
  it('API on the opener → SCORM 1.2', () => {
    const opener = frame('', { API: api12 });
    expect(detectLaunch(frame('', { opener })).kind).toBe('scorm12');
  });
  it('nothing, or something that is not an API → standalone', () => {
    expect(detectLaunch(frame()).kind).toBe('standalone');
    expect(detectLaunch(frame('?endpoint=x', { API: { LMSInitialize: 'no' } })).kind).toBe('standalone');
  });
  it('a cross-origin parent stops the walk without throwing', () => {
    const hostile = new Proxy({} as LaunchWindow, {
      get() {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    expect(detectLaunch(frame('', {}, hostile)).kind).toBe('standalone');
  });
});
