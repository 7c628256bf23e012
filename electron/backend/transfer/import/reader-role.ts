// How a worker thread started from the import worker's script knows it is the import's file
// reader (reader-thread.ts), kept apart so the script's entry can tell without loading either.

import type { SourceKind } from '@shared/transfer/table';

export const READER_ROLE = 'import-reader';

/** What a reader thread is started with. */
export interface ReaderData {
  role: typeof READER_ROLE;
  /** The kind of file it will most likely read, whose parser it loads as it starts. */
  kind: SourceKind | null;
}
