/**
 * The part of a SCORM session both versions share: values set through the LMS's API, each refused call logged with
 * its error code and tried again at the next commit, and the learner's save state kept in step.
 */
import type { SaveState } from '../tracker.js';

/** The four calls both API versions have, under their own names. */
export interface ScormCalls {
  get(element: string): string;
  set(element: string, value: string): string;
  commit(): string;
  lastError(): string;
  errorString(code: string): string;
}

export class ScormSession {
  /** Values the LMS has not accepted yet, in the order they were set (a later value replaces an earlier one). */
  private readonly pending = new Map<string, string>();
  private listeners: ((state: SaveState) => void)[] = [];
  private state: SaveState = 'saved';
  finished = false;

  constructor(
    private readonly calls: ScormCalls,
    private readonly log: (message: string) => void = (m) => console.warn(m),
  ) {}

  get(element: string): string {
    try {
      return this.calls.get(element) ?? '';
    } catch {
      return '';
    }
  }

  /** Sets a value; one the LMS refuses is logged and kept to try again at the next commit. */
  set(element: string, value: string): void {
    if (this.finished) return;
    this.pending.delete(element);
    this.pending.set(element, value);
    this.trySet(element, value);
  }

  /** Retries refused values, then commits; the learner is warned while anything is not saved. */
  commit(): boolean {
    if (this.finished) return false;
    for (const [element, value] of [...this.pending]) this.trySet(element, value);
    let ok = false;
    try {
      ok = String(this.calls.commit()) === 'true';
    } catch {
      ok = false;
    }
    if (!ok) this.logError('Commit');
    this.setState(ok && this.pending.size === 0 ? 'saved' : 'failed');
    return ok;
  }

  onState(listener: (state: SaveState) => void): void {
    this.listeners.push(listener);
    listener(this.state);
  }

  private trySet(element: string, value: string): void {
    let ok = false;
    try {
      ok = String(this.calls.set(element, value)) === 'true';
    } catch {
      ok = false;
    }
    if (ok) this.pending.delete(element);
    else this.logError(`SetValue(${element}, ${JSON.stringify(value.slice(0, 60))})`);
  }

  private logError(call: string): void {
    let code = '';
    let text = '';
    try {
      code = String(this.calls.lastError());
      text = this.calls.errorString(code);
    } catch {
      // An API that throws on its own error calls has nothing more to say.
    }
    this.log(`SCORM ${call} returned false: error ${code} ${text}; will retry at the next commit`);
  }

  private setState(state: SaveState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}
