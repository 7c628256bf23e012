import { compareStamps } from './hlc';

// The fold (TEAM-SYNC.md): what a set of events for one entity comes to, the same on every
// laptop whatever order the events arrived in, and unchanged by an event arriving twice.
//
// Per key, the event with the newest stamp wins and every other stays in the history. Each
// event names the events for its key its writer had seen last (`base`); the events nobody has
// built on are the "heads". More than one head means edits that did not see each other: a
// conflict to review, settled by the next edit of the key, which names them all as its base.
//
// Records (KPIs, scorecards, …) merge per field: each field takes its value from the newest
// event that set it. The stated rule for deletes: the newest of a record's inserts and deletes
// decides whether it exists; an edit never brings a deleted record back, and a delete wins over
// edits made at the same time or after it (they stay in the history).

export interface FoldEvent {
  id: string;
  hlc: string;
  base: readonly string[];
}

export interface KeyFold<E extends FoldEvent> {
  winner: E;
  /** Newest first; more than one is a conflict. */
  heads: E[];
}

/** Newest stamp first; the id breaks a tie (one event, seen twice). */
function newestFirst(a: FoldEvent, b: FoldEvent): number {
  return compareStamps(b.hlc, a.hlc) || compareStamps(b.id, a.id);
}

function distinct<E extends FoldEvent>(events: readonly E[]): E[] {
  const byId = new Map<string, E>();
  for (const event of events) if (!byId.has(event.id)) byId.set(event.id, event);
  return [...byId.values()].sort(newestFirst);
}

/** The winner and the heads of one key's events (at least one). */
export function foldKey<E extends FoldEvent>(events: readonly E[]): KeyFold<E> {
  const sorted = distinct(events);
  const winner = sorted[0];
  if (winner === undefined) throw new Error('foldKey needs at least one event');
  const seen = new Set(sorted.flatMap((event) => event.base));
  return { winner, heads: sorted.filter((event) => !seen.has(event.id)) };
}

export interface RecordEvent extends FoldEvent {
  operation: 'insert' | 'update' | 'delete';
  before: Readonly<Record<string, unknown>> | null;
  after: Readonly<Record<string, unknown>> | null;
}

export interface RecordFold {
  /** The record's fields, or null when it does not exist (never inserted, or deleted). */
  fields: Record<string, unknown> | null;
  /** Fields set by edits that did not see each other, for review. */
  conflicts: string[];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Each event's ancestors among `events` (through every event for the record). */
function ancestry(events: readonly FoldEvent[]): (id: string) => Set<string> {
  const baseOf = new Map(events.map((event) => [event.id, event.base]));
  const memo = new Map<string, Set<string>>();
  const of = (id: string): Set<string> => {
    const known = memo.get(id);
    if (known) return known;
    const found = new Set<string>();
    memo.set(id, found);
    for (const parent of baseOf.get(id) ?? []) {
      found.add(parent);
      for (const older of of(parent)) found.add(older);
    }
    return found;
  };
  return of;
}

/** A record from its events, field by field. */
export function foldRecord(events: readonly RecordEvent[]): RecordFold {
  const sorted = distinct(events);
  const lifecycle = sorted.find((event) => event.operation !== 'update');
  if (lifecycle?.operation !== 'insert') return { fields: null, conflicts: [] };
  return mergeFields(sorted, lifecycle.hlc);
}

/**
 * Settings kept as one record for the whole workspace (its name, the report options, the
 * reminder defaults): never deleted, and a laptop may first see them as edits of the defaults,
 * so every event's fields merge, each field from the newest event that set it.
 */
export function foldSettings(events: readonly RecordEvent[]): RecordFold {
  return mergeFields(distinct(events), null);
}

/**
 * The stamp of the insert that began the record's present life, or null when it does not exist:
 * of two records claiming one unique name, the one whose life began first keeps it.
 */
export function lifeStamp(events: readonly RecordEvent[]): string | null {
  const lifecycle = distinct(events).find((event) => event.operation !== 'update');
  return lifecycle?.operation === 'insert' ? lifecycle.hlc : null;
}

/** Each field's newest setting among `sorted` (newest first), from the stamp `from` on. */
function mergeFields(sorted: readonly RecordEvent[], from: string | null): RecordFold {
  const ancestorsOf = ancestry(sorted);
  const fields: Record<string, unknown> = {};
  const setBy = new Map<string, RecordEvent[]>();
  for (const event of [...sorted].reverse()) {
    if (event.after === null || (from !== null && compareStamps(event.hlc, from) < 0)) continue;
    for (const [field, value] of Object.entries(event.after)) {
      if (event.operation === 'update' && same(event.before?.[field], value)) continue;
      fields[field] = value;
      setBy.set(field, [...(setBy.get(field) ?? []), event]);
    }
  }
  const conflicts = [...setBy.entries()]
    .filter(([, setters]) => {
      const older = new Set(setters.flatMap((event) => [...ancestorsOf(event.id)]));
      return setters.filter((event) => !older.has(event.id)).length > 1;
    })
    .map(([field]) => field)
    .sort();
  return { fields, conflicts };
}
