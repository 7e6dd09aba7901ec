/**
 * Whether the page the build rendered into index.html (the course's first item, as a new learner sees it) may show
 * before the tracking runtime has started. Decided synchronously, before first paint, from what a page can know
 * without asking anyone; when in doubt the answer is no, since the wrong page first is worse than a later one:
 *
 * - an LMS or LRS launch (cmi5, xAPI, SCORM 2004, SCORM 1.2): no. Where the learner resumes is the LMS's to say, and
 *   it says so only after the runtime has initialised (SCORM's GetValue before Initialize is an error);
 * - an address naming another item (`#/module/item`): no, the player opens that item;
 * - standalone: yes only if this browser holds no progress this learner could resume: none for the learner of this
 *   browser session, or, before anyone has given a name, none for any learner of this course.
 *
 * Otherwise a placeholder of the same layout shows until the player renders the right page.
 */
import { detectLaunch, type LaunchKind, type LaunchWindow } from './launch.js';
import { LEARNER_KEY, resumeKeyPrefix } from './standalone/keys.js';
import { keysWithPrefix } from './storage-keys.js';

export interface FirstPageWindow extends LaunchWindow {
  location: { search: string; hash: string };
  readonly localStorage: Pick<Storage, 'getItem' | 'key' | 'length'>;
  readonly sessionStorage: Pick<Storage, 'getItem'>;
}

export interface FirstPageDecision {
  launch: LaunchKind;
  /** True: the prerendered first page may show; false: the placeholder shows. */
  show: boolean;
}

/** `firstHash` is the prerendered item's address, `#/module/item`. */
export function firstPageDecision(win: FirstPageWindow, courseId: string, firstHash: string): FirstPageDecision {
  const launch = detectLaunch(win).kind;
  if (launch !== 'standalone') return { launch, show: false };
  const hash = win.location.hash;
  if (hash.startsWith('#/') && hash !== firstHash) return { launch, show: false };
  return { launch, show: !hasStandaloneRecord(win, courseId) };
}

function hasStandaloneRecord(win: FirstPageWindow, courseId: string): boolean {
  try {
    const prefix = resumeKeyPrefix(courseId);
    const learner = win.sessionStorage.getItem(LEARNER_KEY);
    if (learner !== null) return win.localStorage.getItem(prefix + learner) !== null;
    return keysWithPrefix(win.localStorage, prefix).length > 0;
  } catch {
    // Storage blocked: the standalone runtime cannot have kept progress here either.
    return false;
  }
}
