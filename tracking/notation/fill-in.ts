import { normaliseFillIn } from '../../core/normalise.js';
import type { InteractionResponse } from '../../core/interactions.js';

/**
 * The accepted answers of a fill-in as the course compares them: each variant normalised (`normaliseFillIn`: width,
 * whitespace, punctuation, Latin case), duplicates removed. A learner's answer is right exactly when its normalised
 * form is one of these, so these patterns describe what the course accepts, no more and no less.
 */
export function fillInKeys(correct: readonly InteractionResponse[]): string[] {
  const keys = correct.flatMap((r) => (r.type === 'fill-in' ? [normaliseFillIn(r.text)] : [])).filter(Boolean);
  return [...new Set(keys)];
}

/**
 * A typed answer made safe for `[,]`-delimited notations (SCORM 2004, xAPI): a leading `{` would read as a
 * delimiter and `[,]` as a second answer, so they become their full-width forms, which the course's normalisation
 * treats as the same characters. Then cut to `max` characters (whole code points).
 */
export function delimiterSafeText(text: string, max: number): string {
  const safe = text.replace(/^\{/u, '｛').replaceAll('[,]', '[，]');
  return truncate(safe, max);
}

/** `text` cut to at most `max` code points (never splitting a surrogate pair). */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}
