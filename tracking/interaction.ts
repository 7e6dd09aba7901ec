import type { InteractionRecord } from '../core/interactions.js';

/** An interaction as the tracker consumes it: the player's record, responses in structured form. */
export type TrackedInteraction = InteractionRecord;

/** What a notation needs to know of the course: its language, for SCORM 2004 `{lang=}` and xAPI language maps. */
export interface NotationContext {
  language: string;
}
