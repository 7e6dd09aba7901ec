/**
 * No LMS: progress is kept in this browser only, under a key per course and learner, so two people sharing a hall
 * PC never see each other's progress. Nothing is reported anywhere.
 */
import type { KeyValueStorage } from '../../core/progress-store.js';
import type { SaveState, SessionStart, TrackingAdapter } from '../tracker.js';

export class StandaloneAdapter implements TrackingAdapter {
  readonly kind = 'standalone';
  readonly resumeLimit = Infinity;
  private listeners: ((state: SaveState) => void)[] = [];
  private state: SaveState = 'local';

  /** `key`: the record's key in `storage`, per course and learner (see keys.ts). */
  constructor(
    private readonly key: string,
    private readonly storage: KeyValueStorage | null,
  ) {}

  start(): Promise<SessionStart> {
    let resume: string | null = null;
    try {
      resume = this.storage?.getItem(this.key) ?? null;
    } catch {
      resume = null;
    }
    return Promise.resolve({ resume, masteryScaled: null, mode: 'normal', language: null });
  }

  saveState(resume: string): void {
    let ok = false;
    try {
      this.storage?.setItem(this.key, resume);
      ok = !!this.storage;
    } catch {
      ok = false;
    }
    this.setState(ok ? 'local' : 'failed');
  }

  reportStatus(): void {}

  reportInteraction(): void {}

  flush(): void {}

  finish(): void {}

  onState(listener: (state: SaveState) => void): void {
    this.listeners.push(listener);
    listener(this.state);
  }

  private setState(state: SaveState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}
