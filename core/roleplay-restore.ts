/**
 * Putting a role-play back as the learner left it. Plain functions without DOM: `<role-play>` calls them for a state
 * handed in from outside (see `ReportedState`), never for its own updates.
 */
import type { RolePlayState } from './interactions.js';
import { isValidState, startState } from './roleplay.js';
import type { RolePlay } from './types.js';

/**
 * The state to show for `saved`: the saved state exactly when it fits the role-play; otherwise (nothing saved, or
 * saved for content that has changed since) a fresh start that keeps the learner's runs and best result.
 */
export function restoreRolePlay(rp: RolePlay, saved: RolePlayState | null): RolePlayState {
  if (isValidState(rp, saved)) return saved;
  const partial = saved as Partial<RolePlayState> | null;
  const runs = typeof partial?.runs === 'number' ? partial.runs : 0;
  const best = runs > 0 && partial?.best?.roleplayId === rp.id ? partial.best : null;
  return { ...startState(rp), runs, best };
}
