import type { Result } from "../../../shared/result.js";
import type { BackendClient } from "./backend-client.js";
import { decodeChangeLines, nextPageAfter } from "./decode-change-lines.js";
import type { DecodedPage } from "./decoded-page.js";

/** Where catch-up pages come from: fetched, validated and serialised, ready to be written. */
export interface PageSource {
  fetch(after: number, limit: number): Promise<Result<DecodedPage>>;
  close(): void;
}

/**
 * Decodes on the calling thread (in the decoder worker; in tests, on the core's own thread).
 * Pages come as change lines, so each change's data is validated and stored as the text the
 * backend sent. As soon as a page has arrived, the page after it is requested, before this one
 * is validated: the backend reads and sends page n+1 while page n is checked. A guess that the
 * caller does not take (it asked for another cursor) is simply dropped.
 */
export function inThreadPageSource(client: BackendClient): PageSource {
  let ahead: { after: number; limit: number; page: Promise<Result<string>> } | null = null;
  return {
    async fetch(after, limit) {
      const pending = ahead !== null && ahead.after === after && ahead.limit === limit ? ahead.page : client.changeLines(after, limit);
      ahead = null;
      const text = await pending;
      if (!text.ok) return text;
      // The header and the last line say whether and where the next page starts: ask for it
      // before decoding this one.
      const next = nextPageAfter(text.value, after);
      if (next !== null) ahead = { after: next, limit, page: client.changeLines(next, limit) };
      return decodeChangeLines(text.value);
    },
    close() {
      ahead = null;
    },
  };
}
