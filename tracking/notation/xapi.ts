/**
 * xAPI notation: activity ids built from the course IRI (never from a launch's activity id), names and descriptions
 * as language maps, responses in the `[,]` / `[.]` notation SCORM 2004 shares, durations in hundredths.
 */
import type { InteractionComponent } from '../../core/interactions.js';
import type { NotationContext, TrackedInteraction } from '../interaction.js';
import { scorm2004CorrectResponses, scorm2004Response } from './scorm2004.js';
import { isoDuration } from './time.js';

/** Typed fill-in answers are kept whole in xAPI, up to a bound that stops a paste from bloating every report. */
const XAPI_MAX_TEXT = 4000;

export const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  module: 'http://adlnet.gov/expapi/activities/module',
  page: 'http://activitystrea.ms/schema/1.0/page',
  quiz: 'http://adlnet.gov/expapi/activities/assessment',
  roleplay: 'http://adlnet.gov/expapi/activities/simulation',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
} as const;

export type LanguageMap = Record<string, string>;

export interface XapiActivity {
  objectType: 'Activity';
  id: string;
  definition: {
    type: string;
    name?: LanguageMap;
    description?: LanguageMap;
    interactionType?: TrackedInteraction['type'];
    correctResponsesPattern?: string[];
    choices?: { id: string; description: LanguageMap }[];
    source?: { id: string; description: LanguageMap }[];
    target?: { id: string; description: LanguageMap }[];
  };
}

export interface XapiIds extends NotationContext {
  /** The course's IRI (`course.yaml` id), the root of every activity id. */
  courseIri: string;
}

export function languageMap(text: string, context: NotationContext): LanguageMap {
  return { [context.language]: text };
}

const segment = (id: string) => encodeURIComponent(id);
const ITEM_PATHS = { page: 'pages', quiz: 'quizzes', roleplay: 'roleplays' } as const;
export type ItemKind = keyof typeof ITEM_PATHS;

export function courseActivityId(ids: XapiIds): string {
  return ids.courseIri;
}

export function moduleActivityId(ids: XapiIds, moduleId: string): string {
  return `${ids.courseIri}/modules/${segment(moduleId)}`;
}

/** A page, quiz or role-play of the course. */
export function itemActivityId(ids: XapiIds, kind: ItemKind, itemId: string): string {
  return `${ids.courseIri}/${ITEM_PATHS[kind]}/${segment(itemId)}`;
}

/**
 * A page, quiz or role-play as what it is: `…/pages/<id>` (page), `…/quizzes/<id>` (assessment) or
 * `…/roleplays/<id>` (simulation), with the item's title as its name when known.
 */
export function itemActivity(ids: XapiIds, kind: ItemKind, itemId: string, title?: string): XapiActivity {
  const definition: XapiActivity['definition'] = { type: ACTIVITY_TYPES[kind] };
  if (title) definition.name = languageMap(title, ids);
  return { objectType: 'Activity', id: itemActivityId(ids, kind, itemId), definition };
}

/** A module (chapter) of the course. */
export function moduleActivity(ids: XapiIds, moduleId: string, title?: string): XapiActivity {
  const definition: XapiActivity['definition'] = { type: ACTIVITY_TYPES.module };
  if (title) definition.name = languageMap(title, ids);
  return { objectType: 'Activity', id: moduleActivityId(ids, moduleId), definition };
}

/** A question (`…/questions/<id>`) or a role-play node (`…/roleplays/<roleplay>/nodes/<node>`). */
export function interactionActivityId(ids: XapiIds, record: TrackedInteraction): string {
  if (record.parentKind === 'roleplay') {
    const node = record.id.startsWith(`${record.parentId}.`) ? record.id.slice(record.parentId.length + 1) : record.id;
    return `${itemActivityId(ids, 'roleplay', record.parentId)}/nodes/${segment(node)}`;
  }
  return `${ids.courseIri}/questions/${segment(record.id)}`;
}

function components(list: InteractionComponent[] | undefined, context: NotationContext) {
  return list?.map((c) => ({ id: c.id, description: languageMap(c.description, context) }));
}

/** The full `cmi.interaction` activity of a question or role-play node. */
export function interactionActivity(ids: XapiIds, record: TrackedInteraction): XapiActivity {
  const definition: XapiActivity['definition'] = {
    type: ACTIVITY_TYPES.interaction,
    name: languageMap(record.id, ids),
    description: languageMap(record.description, ids),
    interactionType: record.type,
    correctResponsesPattern: scorm2004CorrectResponses(record, ids),
  };
  const choices = components(record.choices, ids);
  const source = components(record.source, ids);
  const target = components(record.target, ids);
  if (choices) definition.choices = choices;
  if (source) definition.source = source;
  if (target) definition.target = target;
  return { objectType: 'Activity', id: interactionActivityId(ids, record), definition };
}

/** The result of an answer: success, response, duration and score (scaled 0–1 with raw, min, max). */
export function interactionResult(record: TrackedInteraction, context: NotationContext) {
  const { raw, min, max } = record.score;
  return {
    success: record.success,
    response: scorm2004Response(record.response, context, XAPI_MAX_TEXT).replace(/^\{lang=[^}]*\}/, ''),
    duration: isoDuration(record.durationMs),
    score: { scaled: clampScaled(record.score.scaled), raw, min, max },
  };
}

function clampScaled(scaled: number): number {
  return Math.min(1, Math.max(-1, Number(scaled.toFixed(4))));
}
