// How a worker thread started from the import worker's script knows it is the import's file
// reader (reader-thread.ts), kept apart so the script's entry can tell without loading either.

export const READER_ROLE = 'import-reader';

/** What a reader thread is started with. */
export interface ReaderData {
  role: typeof READER_ROLE;
}
