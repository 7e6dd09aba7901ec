/**
 * SCORM 1.2 notation (CMI data model, RTE 1.2 §3.4): single characters for options, `t`/`f`, `correct`/`wrong`,
 * CMIIdentifier ids, 255-character strings, CMITimespan latencies and 0–100 scores.
 */
import type { InteractionComponent, InteractionResponse, Score } from '../../core/interactions.js';
import type { TrackedInteraction } from '../interaction.js';
import { fillInKeys, truncate } from './fill-in.js';
import { scorm12TimeOfDay, scorm12Timespan } from './time.js';

/** The characters SCORM 1.2 allows for an option, in the order positions take them. */
const POSITION_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const SCORM12_MAX_STRING = 255;

export interface Scorm12Interaction {
  id: string;
  type: 'choice' | 'true-false' | 'fill-in' | 'sequencing' | 'matching';
  student_response: string;
  correct_responses: string[];
  result: 'correct' | 'wrong';
  weighting: string;
  latency: string;
  time: string;
  objectiveId?: string;
}

/** A CMIIdentifier: letters, digits, `_` and `-` only (many LMSs refuse `.`), at most 255 characters. */
export function scorm12Identifier(id: string): string {
  const safe = id.replace(/[^A-Za-z0-9_-]/g, '_');
  if (safe.length <= SCORM12_MAX_STRING) return safe;
  const hash = shortHash(id);
  return `${safe.slice(0, SCORM12_MAX_STRING - hash.length - 1)}_${hash}`;
}

/**
 * The single character of the component with `id` in `list`: its position as a–z then 0–9. Throws for an id not
 * in the list or past the 36th position, which SCORM 1.2 cannot express.
 */
export function positionChar(list: readonly InteractionComponent[] | undefined, id: string): string {
  const index = list?.findIndex((c) => c.id === id) ?? -1;
  const char = index >= 0 ? POSITION_CHARS[index] : undefined;
  if (!char) throw new RangeError(`SCORM 1.2 cannot express option "${id}": not among the first 36 components`);
  return char;
}

/** A response in SCORM 1.2 notation, characters standing for positions in the interaction's component lists. */
export function scorm12Response(record: TrackedInteraction, response: InteractionResponse): string {
  switch (response.type) {
    case 'choice':
      return response.choiceIds.map((id) => positionChar(record.choices, id)).join(',');
    case 'true-false':
      return response.value ? 't' : 'f';
    case 'fill-in':
      return truncate(response.text, SCORM12_MAX_STRING);
    case 'sequencing':
      return response.itemIds.map((id) => positionChar(record.choices, id)).join(',');
    case 'matching':
      return response.pairs
        .map((p) => `${positionChar(record.source, p.source)}.${positionChar(record.target, p.target)}`)
        .join(',');
  }
}

/** The whole interaction in SCORM 1.2 form; fill-in correct responses are the normalised accepted answers. */
export function scorm12Interaction(record: TrackedInteraction): Scorm12Interaction {
  const correct =
    record.type === 'fill-in'
      ? fillInKeys(record.correctResponses).map((key) => truncate(key, SCORM12_MAX_STRING))
      : record.correctResponses.map((r) => scorm12Response(record, r));
  const out: Scorm12Interaction = {
    id: scorm12Identifier(record.id),
    type: record.type,
    student_response: scorm12Response(record, record.response),
    correct_responses: correct,
    result: record.success ? 'correct' : 'wrong',
    weighting: decimal(record.score.max),
    latency: scorm12Timespan(record.durationMs),
    time: scorm12TimeOfDay(new Date(record.timestamp)),
  };
  if (record.objective) out.objectiveId = scorm12Identifier(record.objective);
  return out;
}

/**
 * A score on SCORM 1.2's 0–100 scale: LMSs compare `raw` with the mastery score as a percentage, so 19 of 20 is
 * sent as raw 95, min 0, max 100.
 */
export function scorm12Score(score: Score): { raw: string; min: string; max: string } {
  const percent = Math.min(100, Math.max(0, score.scaled * 100));
  return { raw: decimal(percent), min: '0', max: '100' };
}

/** A CMIDecimal with at most two decimals. */
export function decimal(value: number): string {
  return String(Number(value.toFixed(2)));
}

/** A short, stable hash (FNV-1a, base 36) to keep shortened identifiers distinct. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
