import type { InteractionRecord, InteractionResponse } from '../core/interactions.js';

/**
 * An interaction as the tracker consumes it: the player's `InteractionRecord` with its response and correct
 * responses in structured form, and the kind of item it belongs to. Once `InteractionRecord` itself carries these
 * fields (the structured-response change in core), this type is that record unchanged.
 */
export type TrackedInteraction = Omit<InteractionRecord, 'response' | 'correctResponsesPattern'> & {
  response: InteractionResponse;
  correctResponses: InteractionResponse[];
  parentKind: 'quiz' | 'roleplay';
};

/** What a notation needs to know of the course: its language, for SCORM 2004 `{lang=}` and xAPI language maps. */
export interface NotationContext {
  language: string;
}
