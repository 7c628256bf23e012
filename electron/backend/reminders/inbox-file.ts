import { join } from 'node:path';
import { z } from 'zod';
import { EMPTY_INBOX, type InboxState } from '@shared/reminders/inbox';
import { readJsonFile, writeJsonFileAtomic } from '../settings/json-file';

// The inbox state (what was shown, snoozed, dismissed, done) in the app's data folder, not in
// the workspace files:
// - reminders of recent workspaces are computed without opening them for writing, so their
//   state cannot live in them;
// - one main process serves every window, and it reads and writes this one file for each
//   check, in turn (the dispatcher runs calls one at a time), so two windows or two timers
//   never both see a reminder as not yet shown;
// - it is this person's inbox: handing a client their workspace file must not hand over
//   which reminders the consultant dismissed.
// Written atomically; a damaged file is read as empty (at worst a reminder is shown again).

const instant = z.string().refine((text) => !Number.isNaN(Date.parse(text)));
const stateSchema = z.object({
  since: instant.optional(),
  marks: z.record(
    z.string(),
    z.object({
      shownAt: instant.optional(),
      snoozedUntil: instant.optional(),
      dismissedAt: instant.optional(),
      doneAt: instant.optional(),
    }),
  ),
  notes: z.array(z.object({ id: z.string(), at: instant, message: z.string() })),
});

export class InboxFile {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'reminder-inbox.json');
  }

  read(): InboxState {
    const parsed = stateSchema.safeParse(readJsonFile(this.file));
    if (!parsed.success) return EMPTY_INBOX;
    const { since, marks, notes } = parsed.data;
    return { ...(since === undefined ? {} : { since }), marks, notes };
  }

  write(state: InboxState): void {
    writeJsonFileAtomic(this.file, state);
  }
}
