import type { Snapshot } from '../../core/studio-api.js';

/** The events an editor fires for the shell: whether it has unsaved changes, and each save. */
export interface StudioEditorEventMap {
  /** The editor's unsaved state changed (a form edit, a save, a reload). */
  'studio-dirty': { path: string; dirty: boolean };
  /** A save was written to disk. */
  'studio-saved': { path: string; etag: string; snapshot?: Snapshot };
}

export type StudioEditorEventName = keyof StudioEditorEventMap;

/** Fires a studio event from `source`: bubbling and composed, like the course events (components/shared/emit.ts). */
export function emit<K extends StudioEditorEventName>(
  source: EventTarget,
  name: K,
  detail: StudioEditorEventMap[K],
): boolean {
  return source.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, cancelable: true, detail }));
}

declare global {
  interface HTMLElementEventMap {
    'studio-dirty': CustomEvent<StudioEditorEventMap['studio-dirty']>;
    'studio-saved': CustomEvent<StudioEditorEventMap['studio-saved']>;
  }
}
