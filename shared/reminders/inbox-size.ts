// How much of the inbox one listing sends, apart from the API's schemas (api.ts): the renderer
// pages through the inbox with these, and importing the schemas would build every zod schema
// on its start.

/** How many inbox items to send at first; the inbox shows more on request. */
export const INBOX_PAGE = 200;
/** The most one listing sends; beyond it the inbox counts. */
export const INBOX_LIMIT = 10_000;
