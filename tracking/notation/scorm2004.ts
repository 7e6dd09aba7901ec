/**
 * SCORM 2004 4th edition notation (RTE §4.2.9): `[,]` lists, `[.]` pairs, `true`/`false`, `{lang=}` localized
 * strings of at most 250 characters, `{case_matters=false}` fill-in patterns, ISO 8601 latencies in hundredths.
 */
import type { InteractionResponse, Score } from '../../core/interactions.js';
import type { NotationContext, TrackedInteraction } from '../interaction.js';
import { delimiterSafeText, fillInKeys, truncate } from './fill-in.js';
import { isoDuration, isoTimestamp } from './time.js';

/** Smallest permitted maximum of a localized string (description, fill-in response). */
export const SCORM2004_MAX_TEXT = 250;
/** Smallest permitted maximum of cmi.interactions entries. */
export const SCORM2004_MAX_INTERACTIONS = 250;

export interface Scorm2004Interaction {
  id: string;
  type: 'choice' | 'true-false' | 'fill-in' | 'sequencing' | 'matching';
  description: string;
  learner_response: string;
  correct_responses: string[];
  result: 'correct' | 'incorrect';
  weighting: string;
  latency: string;
  timestamp: string;
  objectiveId?: string;
}

/** A localized_string_type value: `{lang=xx}` then at most 250 characters. */
export function localizedString(text: string, context: NotationContext): string {
  return `{lang=${context.language}}${truncate(text, SCORM2004_MAX_TEXT)}`;
}

/** A response in SCORM 2004 (and xAPI) notation; typed fill-in text is made delimiter-safe and cut to `maxText`. */
export function scorm2004Response(
  response: InteractionResponse,
  context: NotationContext,
  maxText = SCORM2004_MAX_TEXT,
): string {
  switch (response.type) {
    case 'choice':
      return response.choiceIds.join('[,]');
    case 'true-false':
      return String(response.value);
    case 'fill-in':
      return `{lang=${context.language}}${delimiterSafeText(response.text, maxText)}`;
    case 'sequencing':
      return response.itemIds.join('[,]');
    case 'matching':
      return response.pairs.map((p) => `${p.source}[.]${p.target}`).join('[,]');
  }
}

/**
 * Correct-response patterns in SCORM 2004 (and xAPI) notation: fill-in patterns are the normalised accepted answers
 * with `{case_matters=false}`, each best role-play reply its own pattern.
 */
export function scorm2004CorrectResponses(record: TrackedInteraction, context: NotationContext): string[] {
  if (record.type === 'fill-in') {
    return fillInKeys(record.correctResponses).map((key) => `{case_matters=false}${truncate(key, SCORM2004_MAX_TEXT)}`);
  }
  return record.correctResponses.map((r) => scorm2004Response(r, context));
}

export function scorm2004Interaction(record: TrackedInteraction, context: NotationContext): Scorm2004Interaction {
  const out: Scorm2004Interaction = {
    id: record.id,
    type: record.type,
    description: localizedString(record.description, context),
    learner_response: scorm2004Response(record.response, context),
    correct_responses: scorm2004CorrectResponses(record, context),
    result: record.success ? 'correct' : 'incorrect',
    weighting: String(Number(record.score.max.toFixed(2))),
    latency: isoDuration(record.durationMs),
    timestamp: isoTimestamp(new Date(record.timestamp)),
  };
  if (record.objective) out.objectiveId = record.objective;
  return out;
}

/** cmi.score.* for SCORM 2004: scaled in −1…1 with raw, min and max as the course scored them. */
export function scorm2004Score(score: Score): { scaled: string; raw: string; min: string; max: string } {
  const fixed = (n: number, digits: number) => String(Number(n.toFixed(digits)));
  return {
    scaled: fixed(Math.min(1, Math.max(0, score.scaled)), 4),
    raw: fixed(score.raw, 2),
    min: fixed(score.min, 2),
    max: fixed(score.max, 2),
  };
}
