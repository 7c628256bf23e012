import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

// The checks that keep other web pages and other local programs away from the browser-mode API.
// Pure functions over the request headers so each rule is tested on its own.

export interface Refusal {
  status: number;
  message: string;
}

/** `Host` must name this server exactly: a DNS-rebinding page arrives with its own host name. */
export function checkHost(headers: IncomingHttpHeaders, port: number): Refusal | null {
  const host = headers.host;
  if (host === `127.0.0.1:${port}` || host === `localhost:${port}`) return null;
  return {
    status: 403,
    message: `Refused: the Host header must be 127.0.0.1:${port} or localhost:${port}.`,
  };
}

/** The API answers only pages it served itself (same origin) with the launch token. */
export function checkApiRequest(
  headers: IncomingHttpHeaders,
  port: number,
  expectedToken: string,
): Refusal | null {
  const origin = headers.origin;
  // `checkHost` has already run, so the Host header is one of our own names.
  if (origin !== undefined && origin !== `http://${headers.host ?? ''}`) {
    return { status: 403, message: 'Refused: the request comes from another web site.' };
  }
  const fetchSite = headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return { status: 403, message: 'Refused: the request comes from another web site.' };
  }
  if (!tokenMatches(headers.authorization, expectedToken)) {
    return {
      status: 401,
      message: `Refused: the access token is missing or wrong. Open the address printed by the app (http://127.0.0.1:${port}/#token=…).`,
    };
  }
  if (mediaType(headers['content-type']) !== 'application/json') {
    return { status: 415, message: 'Refused: API requests must be sent as application/json.' };
  }
  return null;
}

function tokenMatches(authorization: string | undefined, expectedToken: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  const given = match?.[1];
  if (given === undefined) return false;
  // Hashing first gives equal lengths, which timingSafeEqual needs, without leaking the length.
  return timingSafeEqual(sha256(given), sha256(expectedToken));
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * The API's checks for the file routes (downloads, uploads): same origin, launch token. Their
 * bodies are not JSON, so that rule is left to each route.
 */
export function checkFileRequest(
  headers: IncomingHttpHeaders,
  port: number,
  expectedToken: string,
): Refusal | null {
  return checkApiRequest({ ...headers, 'content-type': 'application/json' }, port, expectedToken);
}
