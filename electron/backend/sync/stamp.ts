import { foldKey } from '@shared/sync/fold';
import { formatHlc, parseHlc, tick } from '@shared/sync/hlc';
import { changesAfter } from '../store/change-log';
import type { Db } from '../workspace/connection';
import {
  forgetGoneConflicts,
  readLink,
  stampStatements,
  updateLink,
  type EventStamp,
} from './link';
import { addStamps, keyOf, stampedAmong, stampsOfKeys } from './stamp-pages';

// Stamping: each change-log entry written here since the last sync gets its clock stamp and
// its base (the events for the same entity this laptop had seen), and so joins the outbox.
// A sync stamps before it applies anything pulled, so an entry's base and stamp are what this
// laptop knew when it was written, even when it was written offline days before.

const PAGE = 20_000;

/** Stamps what is new in the log, in one transaction; returns how many entries. */
export function stampNewChanges(db: Db, device: string): number {
  return db.transaction(() => {
    const link = readLink(db);
    if (link === null) return 0;
    const stamps = stampStatements(db);
    let clock = link.clock === null ? null : parseHlc(link.clock);
    // The heads of each entity stamped in this run: the next entry for it builds on them.
    const heads = new Map<string, string[]>();
    let position = link.stampedThrough;
    let count = 0;
    for (;;) {
      const page = changesAfter(db, position, PAGE);
      const end = page.at(-1);
      if (end === undefined) break;
      position = end.position;
      // Entries written elsewhere were stamped by their writer.
      const stamped = stampedAmong(
        db,
        page.map(({ change }) => change.id),
      );
      const fresh = page.map(({ change }) => change).filter((change) => !stamped.has(change.id));
      // What this laptop had seen of the entities first met in this run, in one query.
      const firstMet = new Map<string, { entity: string; entityId: string }>();
      for (const { entity, entityId } of fresh) {
        const key = keyOf(entity, entityId);
        if (!heads.has(key)) firstMet.set(key, { entity, entityId });
      }
      const known = stampsOfKeys(db, [...firstMet.values()]);
      const added: EventStamp[] = [];
      // A bulk write's entries share their time: it is parsed once for all of them.
      let at = '';
      let written = Number.NaN;
      for (const change of fresh) {
        if (change.at !== at) {
          at = change.at;
          written = Date.parse(at);
        }
        clock = tick(clock, Number.isFinite(written) ? written : Date.now(), device);
        const key = keyOf(change.entity, change.entityId);
        let base = heads.get(key);
        if (base === undefined) {
          const before = known.get(key) ?? [];
          base = before.length ? foldKey(before.map(asFoldEvent)).heads.map((e) => e.id) : [];
        }
        added.push({
          changeId: change.id,
          entity: change.entity,
          entityId: change.entityId,
          hlc: formatHlc(clock),
          base: base.length === 0 ? '[]' : JSON.stringify(base),
          author: null,
          seq: null,
          sent: false,
        });
        // An edit made after seeing every head settles a conflict on the entity.
        if (base.length > 1) stamps.setConflict(change.entity, change.entityId, false);
        heads.set(key, [change.id]);
      }
      addStamps(db, added);
      count += added.length;
    }
    // A record deleted here since has no conflict left to review.
    if (count > 0) forgetGoneConflicts(db);
    updateLink(db, {
      stampedThrough: position,
      clock: clock === null ? null : formatHlc(clock),
    });
    return count;
  })();
}

export function asFoldEvent(stamp: { changeId: string; hlc: string; base: string }) {
  return { id: stamp.changeId, hlc: stamp.hlc, base: JSON.parse(stamp.base) as string[] };
}
