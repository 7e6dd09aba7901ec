/**
 * Which standard launched the course, decided once at start: cmi5 launch parameters → cmi5; TinCan launch
 * parameters → xAPI; `API_1484_11` up the frame and opener chain → SCORM 2004; `API` → SCORM 1.2; none → standalone.
 */

/** The SCORM 1.2 API an LMS exposes as `window.API` (RTE 1.2 §3.3). */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
}

/** The SCORM 2004 API an LMS exposes as `window.API_1484_11` (RTE 4th ed. §3.1). */
export interface Scorm2004Api {
  Initialize(arg: ''): string;
  Terminate(arg: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(arg: ''): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
}

export interface Cmi5Launch {
  endpoint: string;
  fetch: string;
  actor: string;
  registration: string;
  activityId: string;
}

export interface TinCanLaunch {
  endpoint: string;
  auth: string;
  actor: string;
  registration: string | null;
}

export type Launch =
  | { kind: 'cmi5'; params: Cmi5Launch }
  | { kind: 'xapi'; params: TinCanLaunch }
  | { kind: 'scorm2004'; api: Scorm2004Api }
  | { kind: 'scorm12'; api: Scorm12Api }
  | { kind: 'standalone' };

export type LaunchKind = Launch['kind'];

/** The slice of `window` detection looks at, so it can run on any frame. */
export interface LaunchWindow {
  location: { search: string };
  parent: LaunchWindow | null;
  opener: LaunchWindow | null;
  API?: unknown;
  API_1484_11?: unknown;
}

/** The ADL discovery walk: this window and its parents (at most 500 levels), then the opener and its parents. */
export function findApi<K extends 'API' | 'API_1484_11'>(win: LaunchWindow, name: K): unknown {
  const climb = (start: LaunchWindow | null): unknown => {
    let current = start;
    for (let depth = 0; current && depth < 500; depth++) {
      try {
        const api = current[name];
        if (api) return api;
      } catch {
        return null; // A cross-origin frame: the walk cannot go further up.
      }
      if (!current.parent || current.parent === current) break;
      current = current.parent;
    }
    return null;
  };
  let opener: LaunchWindow | null = null;
  try {
    opener = win.opener;
  } catch {
    opener = null;
  }
  return climb(win) ?? climb(opener);
}

export function detectLaunch(win: LaunchWindow): Launch {
  const query = new URLSearchParams(win.location.search);
  const param = (name: string) => query.get(name);
  const endpoint = param('endpoint');
  const actor = param('actor');
  const fetchUrl = param('fetch');
  const registration = param('registration');
  const activityId = param('activityId');
  if (endpoint && fetchUrl && actor && registration && activityId) {
    return { kind: 'cmi5', params: { endpoint, fetch: fetchUrl, actor, registration, activityId } };
  }
  const auth = param('auth');
  if (endpoint && actor && auth) return { kind: 'xapi', params: { endpoint, auth, actor, registration } };
  const api2004 = findApi(win, 'API_1484_11');
  if (isApi(api2004, 'Initialize')) return { kind: 'scorm2004', api: api2004 as Scorm2004Api };
  const api12 = findApi(win, 'API');
  if (isApi(api12, 'LMSInitialize')) return { kind: 'scorm12', api: api12 as Scorm12Api };
  return { kind: 'standalone' };
}

function isApi(value: unknown, method: string): boolean {
  return (
    typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)[method] === 'function'
  );
}
