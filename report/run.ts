/**
 * One report run: reads the course's statements from an LRS (all of them, or only those stored since the last run
 * when a saved state is given), aggregates them as they stream in, and returns the figures plus the state to save.
 */
import { Aggregator, emptyState, type AggregateState, type ReportData } from './aggregate.js';
import type { Catalog } from './catalog.js';
import { classify } from './classify.js';
import { LrsReader, ReportError, type LrsOptions } from './lrs-reader.js';

export interface RunState {
  version: 1;
  courseIri: string;
  /** `stored` time up to which every statement has been counted. */
  cursor: string | null;
  /** Ids stored exactly at the cursor, already counted (since is exclusive, but a later store may share the ms). */
  boundaryIds: string[];
  aggregate: AggregateState;
}

export interface RunOptions extends LrsOptions {
  catalog: Catalog;
  /** Only statements stored after this time (a full run otherwise). */
  since?: string | null;
  /** The state of the previous run, for an incremental run. */
  state?: RunState | null;
  /** Told after every page: statements read so far and the stored time reached. */
  onProgress?: (read: number, storedUpTo: string | null) => void;
}

export interface RunResult {
  data: ReportData;
  state: RunState;
  /** Statements read in this run. */
  read: number;
}

export async function runReport(options: RunOptions): Promise<RunResult> {
  const { catalog } = options;
  const previous = options.state ?? null;
  if (previous && previous.courseIri !== catalog.courseIri) {
    throw new ReportError(
      `状态文件属于另一门课程（${previous.courseIri}），不是 ${catalog.courseIri}。请换一个 --state 文件。`,
      `The state file belongs to another course (${previous.courseIri}), not ${catalog.courseIri}. Use another --state file.`,
    );
  }
  const aggregator = new Aggregator(catalog, previous?.aggregate ?? emptyState());
  const reader = new LrsReader(options);
  const counted = new Set(previous?.boundaryIds ?? []);
  // Re-read from just before the saved cursor: `since` is exclusive, and a statement stored in the same millisecond
  // (or not yet consistent at the last run) must not be missed; the ids counted at the boundary are skipped.
  const since = previous?.cursor ? shiftMs(previous.cursor, -1) : (options.since ?? null);
  let lastStored: string | null = previous?.cursor ?? null;
  let consistent: string | null = null;
  /** Statements read near the end, to skip when the next run re-reads its boundary. */
  let recent: { id: string; stored: string }[] = [];
  let read = 0;

  for await (const page of reader.pages(catalog.courseIri, since)) {
    if (page.consistentThrough) consistent = page.consistentThrough;
    for (const statement of page.statements) {
      read++;
      if (typeof statement.id === 'string' && counted.has(statement.id)) continue;
      const classified = classify(statement, catalog);
      if (classified) {
        aggregator.apply(classified);
        for (const fact of classified.facts) {
          // A statement voided after an earlier run counted it: take it back out. One voided within this run's
          // window was never returned by the LRS, so there is nothing to undo.
          if (fact.kind === 'voided' && previous?.cursor) {
            const target = await reader.voided(fact.targetId);
            const counts = target?.stored && target.stored <= previous.cursor ? classify(target, catalog) : null;
            if (counts) aggregator.apply(counts, -1);
          }
        }
      }
      if (typeof statement.stored === 'string' && typeof statement.id === 'string') {
        lastStored = statement.stored;
        recent.push({ id: statement.id, stored: statement.stored });
      }
    }
    const keepFrom = consistent ?? lastStored;
    if (keepFrom && recent.length > 1000) recent = recent.filter((r) => r.stored >= shiftMs(keepFrom, -1));
    options.onProgress?.(read, lastStored);
  }

  // Count up to what the LRS says is consistent: anything stored later may still appear with an earlier time.
  const cursor = lastStored && consistent && consistent < lastStored ? consistent : lastStored;
  const boundaryIds = cursor
    ? [
        ...recent.filter((r) => r.stored >= shiftMs(cursor, -1)).map((r) => r.id),
        ...(cursor === previous?.cursor ? counted : []),
      ]
    : [];

  if (read === 0 && !previous) {
    throw new ReportError(
      `LRS 中没有这门课程（${catalog.courseIri}）的学习记录${since ? `（${since} 之后）` : ''}。请确认课程 IRI 与学员学习时一致，并检查 --since。`,
      `The LRS holds no statements for this course (${catalog.courseIri})${since ? ` after ${since}` : ''}. Check that the course IRI matches the one learners used, and --since.`,
      3,
    );
  }
  return {
    data: aggregator.result(),
    read,
    state: {
      version: 1,
      courseIri: catalog.courseIri,
      cursor,
      boundaryIds: [...new Set(boundaryIds)],
      aggregate: aggregator.state,
    },
  };
}

function shiftMs(iso: string, ms: number): string {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t + ms).toISOString() : iso;
}
