import { CHANGE_ENTITIES, type ChangeEntity } from '@shared/domain/entities';
import { formatHlc, parseHlc, receive, tick, type Hlc } from '@shared/sync/hlc';
import {
  appendReceived,
  ChangeLog,
  changesAfter,
  changesByIds,
  changesOf,
  lastChangePosition,
  type RawChange,
} from '../store/change-log';
import type { Db } from '../workspace/connection';
import { dropOrphans, foldedWriter, kindRank, recordEvents } from '../store/replicated';
import { breakLoops } from '../store/replicated-cycles';
import type { Resolutions } from '../store/replicated-unique';
import {
  forgetGoneConflicts,
  readLink,
  stampStatements,
  updateLink,
  type EventStamp,
} from './link';
import { stampNewChanges } from './stamp';
import type { PulledEvent } from './remote';
import { SyncError } from './server';
import { keyOf, markSeen, stampedAmong, stampsOfKeys } from './stamp-pages';

// Applying one page of pulled events, all in one local transaction: the events join the change
// log and the stamps, the clock moves past them, each entity they touch is folded again and
// written, and the cursor moves to the page's end. A crash or kill anywhere before the commit
// leaves the file as it was, and the next sync pulls the page again.

export interface PageResult {
  /** Events new to this file. */
  received: number;
  /** Entity kinds whose tables changed, for the `changed` event. */
  kinds: Set<ChangeEntity>;
}

/** Refuses a page with entity kinds this app does not know, before anything is written. */
export function checkKinds(events: readonly PulledEvent[]): void {
  const unknown = new Set(
    events
      .map((event) => event.entity)
      .filter((entity) => !(CHANGE_ENTITIES as readonly string[]).includes(entity)),
  );
  if (unknown.size > 0)
    throw new SyncError(
      'NEWER_APP',
      `The space holds changes of a kind this version of KPI Scorecard does not know (${[...unknown].join(', ')}): update the app to sync it. Nothing was applied; your changes wait in the outbox.`,
    );
}

/** An entity the page touches: its events in the page and the stamps the file had of it. */
interface Touched {
  entity: string;
  entityId: string;
  events: PulledEvent[];
  before: EventStamp[];
  /** Changed here while the page was applied (a clash settled): read back from the file. */
  settled: boolean;
}

// What the file has of the page is read in one query each (stamp-pages.ts): which events it
// has already, and the stamps and history of the entities the page touches.
export function applyPage(
  db: Db,
  events: readonly PulledEvent[],
  device: string,
  now: () => number,
): PageResult {
  checkKinds(events);
  return db.transaction((): PageResult => {
    // Changes written here since the sync began (the app stays usable while it waits on the
    // network) are stamped first: they were made without seeing this page.
    stampNewChanges(db, device);
    db.pragma('defer_foreign_keys = ON');
    const link = readLink(db);
    if (link === null) throw new SyncError('NOT_SHARED', 'This workspace is not shared.');
    const stamps = stampStatements(db);
    const append = appendReceived(db);
    // When everything written here is stamped, the entries appended now need no stamping.
    const allStamped = changesAfter(db, link.stampedThrough, 1).length === 0;
    let clock: Hlc | null = link.clock === null ? null : parseHlc(link.clock);
    const had = stampedAmong(
      db,
      events.map((event) => event.id),
    );
    markSeen(
      db,
      events
        .filter((event) => had.has(event.id))
        .map((event) => ({ changeId: event.id, seq: event.seq, author: event.author })),
    );
    const fresh = events.filter((event) => !had.has(event.id));
    // Per entity touched: the page's events for it, and the stamps the file had of it (read
    // before the page's own are written).
    const touched = new Map<string, Touched>();
    for (const event of fresh) {
      const key = keyOf(event.entity, event.entityId);
      const entry = touched.get(key);
      if (entry) entry.events.push(event);
      else
        touched.set(key, {
          entity: event.entity,
          entityId: event.entityId,
          events: [event],
          before: [],
          settled: false,
        });
    }
    for (const [key, before] of stampsOfKeys(db, [...touched.values()])) {
      const entry = touched.get(key);
      if (entry) entry.before = before;
    }
    let received = 0;
    for (const event of fresh) {
      const stamp = parseHlc(event.hlc);
      if (stamp === null)
        throw new SyncError(
          'BAD_EVENT',
          `The server sent an event with a malformed clock stamp (${event.id}).`,
        );
      unlessBad(event.entity, event.entityId, () => {
        append(toRaw(event));
        stamps.add({
          changeId: event.id,
          entity: event.entity,
          entityId: event.entityId,
          hlc: event.hlc,
          base: event.base,
          author: event.author,
          seq: event.seq,
          sent: true,
        });
      });
      clock = receive(clock, stamp, now(), device);

      received += 1;
    }
    // The history the file had of the entities touched, in one query.
    const history = new Map(
      changesByIds(
        db,
        [...touched.values()].flatMap((entry) => entry.before.map((stamp) => stamp.changeId)),
      ).map((change) => [change.id, change]),
    );
    const kinds = new Set<ChangeEntity>();
    const changesFor = changesOf(db);
    // Changes made here to settle a clash of unique names, stamped at once and as having seen
    // nothing of the record, so every laptop lists it for review (replicated-unique.ts).
    const log = new ChangeLog(db, device, () => new Date(now()).toISOString());
    const resolutions: Resolutions = {
      record(entity, entityId, operation, before, after) {
        log.record(entity, entityId, operation, before, after);
        const [made] = changesAfter(db, lastChangePosition(db) - 1, 1);
        if (made === undefined) return;
        clock = tick(clock, now(), device);
        stamps.add({
          changeId: made.change.id,
          entity,
          entityId,
          hlc: formatHlc(clock),
          base: '[]',
          author: null,
          seq: null,
          sent: false,
        });
        // A record that gave way and stays is listed for review; one that went is not.
        if (operation !== 'delete') stamps.setConflict(entity, entityId, true);
        kinds.add(entity);
        // A record of this page settled before its turn folds with the settling change.
        const later = touched.get(keyOf(entity, entityId));
        if (later) later.settled = true;
      },
      eventsOf: (entity, entityId) =>
        recordEvents({
          stamps: stamps.ofKey(entity, entityId),
          changes: new Map(changesFor(entity, entityId).map((c) => [c.id, c])),
        }),
    };
    const writeFolded = foldedWriter(db, resolutions);
    const ordered = [...touched.values()].sort((a, b) => kindRank(a.entity) - kindRank(b.entity));
    for (const { entity, entityId, events: mine, before, settled } of ordered) {
      // An entity new to this file (every one, in a join) folds from the page's events alone,
      // one it had from those and the history read above.
      const keyStamps = settled
        ? stamps.ofKey(entity, entityId)
        : [...before, ...mine.map((e) => ({ changeId: e.id, hlc: e.hlc, base: e.base }))];
      const changes = new Map<string, RawChange>();
      if (settled) for (const c of changesFor(entity, entityId)) changes.set(c.id, c);
      else {
        for (const stamp of before) {
          const change = history.get(stamp.changeId);
          if (change) changes.set(change.id, change);
        }
        for (const event of mine) changes.set(event.id, toRaw(event));
      }
      const conflict = unlessBad(entity, entityId, () =>
        writeFolded({ entity, entityId, stamps: keyStamps, changes }),
      );
      // An entity new to this file has no flag to clear.
      if (conflict || before.length > 0 || settled) stamps.setConflict(entity, entityId, conflict);
      kinds.add(entity as ChangeEntity);
    }
    for (const kind of dropOrphans(db)) kinds.add(kind);
    for (const kind of breakLoops(db, resolutions)) kinds.add(kind);
    forgetGoneConflicts(db);
    const last = events.at(-1);
    updateLink(db, {
      cursor: last === undefined ? link.cursor : Math.max(link.cursor, last.seq),
      clock: clock === null ? null : formatHlc(clock),
      ...(allStamped ? { stampedThrough: lastChangePosition(db) } : {}),
    });
    return { received, kinds };
  })();
}

/**
 * A change that does not fit this file (a field a newer app writes differently, text that is
 * not JSON): the whole page is refused, naming the record.
 */
function unlessBad<T>(entity: string, entityId: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof SyncError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new SyncError(
      'BAD_EVENT',
      `A change of ${entity.replaceAll('_', ' ')} ${entityId} from the space cannot be applied to this file (${reason}); it may come from a newer version of KPI Scorecard: update the app to sync it. Nothing was applied; your changes wait in the outbox.`,
    );
  }
}

function toRaw(event: PulledEvent): RawChange {
  return {
    id: event.id,
    entity: event.entity,
    entityId: event.entityId,
    operation: event.operation,
    oldJson: event.oldValue,
    newJson: event.newValue,
    at: event.at,
    deviceId: event.deviceId,
  };
}
