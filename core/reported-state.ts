/**
 * The one rule every stateful element uses to tell a restored state from its own update. An element reports each
 * new state upwards and its parent may hand it straight back; only a state the element did not report itself is a
 * restore (from storage, or another item's state). Compared by identity: a parent passes back the very object.
 */
export class ReportedState<T> {
  private last: T | null = null;

  /** Remembers `state` as the element's own, and returns it to be reported. */
  report(state: T): T {
    this.last = state;
    return state;
  }

  /** Whether `state` comes from outside: anything other than what the element last reported. */
  isRestore(state: T | null): boolean {
    return state !== this.last;
  }
}
