import type { CourseIndex, ItemSummary, ModuleSummary } from './types.js';

/** Where the learner is: a module (or the final assessment) and one of its items. */
export interface Location {
  moduleId: string;
  itemId: string;
}

/** Reads `#/module/item` (the form links in pages use); null for anything else. */
export function parseHash(hash: string): Location | null {
  const match = /^#\/([^/?#]+)\/([^/?#]+)$/.exec(hash);
  if (!match) return null;
  try {
    return { moduleId: decodeURIComponent(match[1]!), itemId: decodeURIComponent(match[2]!) };
  } catch {
    return null;
  }
}

export function toHash(location: Location): string {
  return `#/${encodeURIComponent(location.moduleId)}/${encodeURIComponent(location.itemId)}`;
}

export interface SequenceEntry extends Location {
  module: ModuleSummary;
  item: ItemSummary;
}

/** Every item of the course in reading order: each module's items, then the final assessment. */
export function readingSequence(index: CourseIndex): SequenceEntry[] {
  const modules = index.finalAssessment ? [...index.modules, index.finalAssessment] : index.modules;
  return modules.flatMap((module) =>
    module.items.map((item) => ({ moduleId: module.id, itemId: item.id, module, item })),
  );
}

/** The entry at `location`, with its neighbours in reading order; null when the location is not in the course. */
export function locate(
  index: CourseIndex,
  location: Location,
): {
  entry: SequenceEntry;
  previous: SequenceEntry | null;
  next: SequenceEntry | null;
  position: number;
  total: number;
} | null {
  const sequence = readingSequence(index);
  const position = sequence.findIndex((e) => e.moduleId === location.moduleId && e.itemId === location.itemId);
  if (position < 0) return null;
  return {
    entry: sequence[position]!,
    previous: sequence[position - 1] ?? null,
    next: sequence[position + 1] ?? null,
    position,
    total: sequence.length,
  };
}
