import { emptyProgress, type LearnerProgress } from './completion.js';
import type { Location } from './route.js';

/** What the player keeps for one learner and course until the tracking layer takes over persistence. */
export interface SavedProgress {
  version: 1;
  /** Where the learner last was, to resume there. */
  location: Location | null;
  /** Seeds quiz draws and option shuffles, so a reload shows the same questions in the same order. */
  learnerSeed: string;
  progress: LearnerProgress;
  /** UI language chosen by the learner, if any. */
  locale?: string;
}

/**
 * Where the player loads a learner's progress from and saves it to: this browser's storage (`ProgressStore`), or an
 * LMS-backed one the tracking layer provides. The player receives one and never reaches for storage itself.
 */
export interface ProgressStorage {
  /** The saved record, or a fresh one (with a new learner seed) when there is none. */
  load(): SavedProgress;
  /** Saves the record; false when it could not be kept, so the learner can be told. */
  save(saved: SavedProgress): boolean;
}

/** The slice of the Web Storage API the store needs (localStorage in the browser, a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Reads and writes a learner's progress for one course in browser storage. */
export class ProgressStore implements ProgressStorage {
  private readonly key: string;

  constructor(
    courseId: string,
    private readonly storage: KeyValueStorage | null,
    private readonly makeSeed: () => string = randomSeed,
  ) {
    this.key = `course-progress:${courseId}`;
  }

  /**
   * The saved record, or a fresh one. A record that cannot be read is kept aside under a backup key rather than
   * overwritten, so nothing saved is lost to a bug or a manual edit.
   */
  load(): SavedProgress {
    const text = this.read(this.key);
    if (text) {
      try {
        const saved = JSON.parse(text) as Partial<SavedProgress>;
        if (saved?.version === 1 && typeof saved.learnerSeed === 'string' && saved.progress) {
          return {
            version: 1,
            location: saved.location ?? null,
            learnerSeed: saved.learnerSeed,
            progress: { ...emptyProgress(), ...saved.progress },
            ...(saved.locale ? { locale: saved.locale } : {}),
          };
        }
      } catch {
        // Fall through to the backup below.
      }
      this.write(`${this.key}:unreadable:${Date.now()}`, text);
    }
    return { version: 1, location: null, learnerSeed: this.makeSeed(), progress: emptyProgress() };
  }

  /** Saves the record; returns false when storage refused it (full, or blocked by privacy settings). */
  save(saved: SavedProgress): boolean {
    return this.write(this.key, JSON.stringify(saved));
  }

  private read(key: string): string | null {
    try {
      return this.storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  private write(key: string, value: string): boolean {
    try {
      if (!this.storage) return false;
      this.storage.setItem(key, value);
      return true;
    } catch {
      return false;
    }
  }
}

// Web Crypto is a global in browsers and in Node 19+; core, which sees neither platform's types, declares the one call.
declare const crypto: { getRandomValues(array: Uint8Array): Uint8Array };

function randomSeed(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
