import { STREAM_TOKEN_PARAM } from "../../../../../shared/protocol/session.js";

/**
 * Camera streams open only with the signed-in session's stream token. Players read it at each
 * request, not when they were made, so a tile keeps playing across a re-sign-in (a new token)
 * and stops being served the moment the session ends.
 */
let streamToken: string | null = null;

export function setStreamToken(token: string | null): void {
  streamToken = token;
}

/** The URL with this session's stream token; unchanged when there is none (the backend refuses it). */
export function withStreamToken(url: string): string {
  if (streamToken === null) return url;
  try {
    const parsed = new URL(url, window.location.href);
    parsed.searchParams.set(STREAM_TOKEN_PARAM, streamToken);
    return parsed.toString();
  } catch {
    return url;
  }
}

/** hls.js's xhrSetup: every playlist and segment request carries the token (reopened with it). */
export function streamXhrSetup(xhr: XMLHttpRequest, url: string): void {
  const signed = withStreamToken(url);
  if (signed !== url) xhr.open("GET", signed, true);
}
