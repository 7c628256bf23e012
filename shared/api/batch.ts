// Several API calls in one HTTP request (browser mode): the page's first reads go together, so
// its first screen waits for one request instead of five, and never for a connection opened
// for the last of them (issue 19). The calls are made in order, each as if sent alone, and each
// answer is sent as soon as it is ready, one JSON line each, so a slow call (a cold evaluation)
// holds back none before it.

/** Where a batch is posted: no API method's name starts with "_". */
export const BATCH_PATH = '/api/_batch';

/** The answers' media type: one JSON ApiResult per line, in the calls' order. */
export const BATCH_MEDIA_TYPE = 'application/x-ndjson';
export const BATCH_CONTENT_TYPE = `${BATCH_MEDIA_TYPE}; charset=utf-8`;

/** The most calls one batch may hold. */
export const MAX_BATCH_CALLS = 16;

export interface BatchCall {
  method: string;
  params: unknown;
}

export interface BatchRequest {
  calls: BatchCall[];
}
