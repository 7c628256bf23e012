import { foldKey } from '@shared/sync/fold';
import { formatHlc, parseHlc, tick } from '@shared/sync/hlc';
import { changesAfter } from '../store/change-log';
import type { Db } from '../workspace/connection';
import { forgetGoneConflicts, readLink, stampStatements, updateLink } from './link';

// Stamping: each change-log entry written here since the last sync gets its clock stamp and
// its base (the events for the same entity this laptop had seen), and so joins the outbox.
// A sync stamps before it applies anything pulled, so an entry's base and stamp are what this
// laptop knew when it was written, even when it was written offline days before.

const PAGE = 5000;

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
      if (page.length === 0) break;
      for (const { position: at, change } of page) {
        position = at;
        // Entries written elsewhere were stamped by their writer.
        if (stamps.find(change.id) !== null) continue;
        const written = Date.parse(change.at);
        clock = tick(clock, Number.isFinite(written) ? written : Date.now(), device);
        const key = `${change.entity}\u0000${change.entityId}`;
        let base = heads.get(key);
        if (base === undefined) {
          const known = stamps.ofKey(change.entity, change.entityId);
          base = known.length ? foldKey(known.map(asFoldEvent)).heads.map((e) => e.id) : [];
        }
        stamps.add({
          changeId: change.id,
          entity: change.entity,
          entityId: change.entityId,
          hlc: formatHlc(clock),
          base: JSON.stringify(base),
          author: null,
          seq: null,
          sent: false,
        });
        // An edit made after seeing every head settles a conflict on the entity.
        if (base.length > 1) stamps.setConflict(change.entity, change.entityId, false);
        heads.set(key, [change.id]);
        count += 1;
      }
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
