import { changesAfter } from '../store/change-log';
import type { Db } from '../workspace/connection';
import { outboxSize, readLink, stampStatements } from './link';

// "Waiting to send" as the user means it: the outbox (stamped, not acknowledged) and what was
// written here since the last sync stamped the log (it joins the outbox at the next sync).

const PAGE = 5000;

/** Entries written here after the last stamping: the ones the next sync will stamp and send. */
export function unstampedCount(db: Db): number {
  const link = readLink(db);
  if (link === null) return 0;
  const stamps = stampStatements(db);
  let position = link.stampedThrough;
  let count = 0;
  for (;;) {
    const page = changesAfter(db, position, PAGE);
    if (page.length === 0) return count;
    for (const entry of page) {
      position = entry.position;
      // Entries received from others are stamped by their writers.
      if (stamps.find(entry.change.id) === null) count += 1;
    }
  }
}

export function waitingToSend(db: Db): number {
  return outboxSize(db) + unstampedCount(db);
}
