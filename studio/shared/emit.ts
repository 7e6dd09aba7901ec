import type { Diagnostic, Outline, Snapshot } from '../../core/studio-api.js';

/** What the studio can open in its main area. */
export type StudioView =
  | { kind: 'home' }
  | { kind: 'settings' }
  | { kind: 'export' }
  | { kind: 'snapshots' }
  | { kind: 'page' | 'quiz' | 'roleplay'; path: string; line?: number };

/** The studio's own events (never seen by the learner's player): each bubbles and crosses shadow roots. */
export interface StudioEventMap {
  /** Open a file or a screen; `line` asks the editor to put the cursor there. */
  'studio-open': StudioView;
  /** The outline changed on disk (an outline operation, a save, a restore): the new outline. */
  'studio-outline': { outline: Outline };
  /** A file was saved (or a snapshot restored: path and etag empty): the course's problems may have changed. */
  'studio-saved': { path: string; etag: string; snapshot?: Snapshot };
  /** A form editor's unsaved state changed (a form edit, a save, a reload). */
  'studio-dirty': { path: string; dirty: boolean };
  /** A file's unsaved text, for the live problems panel. */
  'studio-draft': { path: string; text: string };
  /** The trainer typed the token the server printed. */
  'studio-token': { token: string };
  /** Problems to show in the problems panel (e.g. after a refused outline change). */
  'studio-problems': { problems: Diagnostic[] };
}

export type StudioEventName = keyof StudioEventMap;

/** Fires a studio event from `source`: bubbling and composed, like the course's events (`components/shared/emit.ts`). */
export function emit<K extends StudioEventName>(source: EventTarget, name: K, detail: StudioEventMap[K]): boolean {
  return source.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, cancelable: true, detail }));
}

declare global {
  interface HTMLElementEventMap {
    'studio-open': CustomEvent<StudioEventMap['studio-open']>;
    'studio-outline': CustomEvent<StudioEventMap['studio-outline']>;
    'studio-saved': CustomEvent<StudioEventMap['studio-saved']>;
    'studio-dirty': CustomEvent<StudioEventMap['studio-dirty']>;
    'studio-draft': CustomEvent<StudioEventMap['studio-draft']>;
    'studio-token': CustomEvent<StudioEventMap['studio-token']>;
    'studio-problems': CustomEvent<StudioEventMap['studio-problems']>;
  }
}
