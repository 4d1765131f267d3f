import type { ChangesPage } from "../../../shared/protocol/backend.js";
import type { Result } from "../../../shared/result.js";
import type { BackendClient } from "./backend-client.js";
import { decodeChangesPage, type DecodedPage } from "./decoded-page.js";

/** Where catch-up pages come from: fetched, validated and serialised, ready to be written. */
export interface PageSource {
  fetch(after: number, limit: number): Promise<Result<DecodedPage>>;
  close(): void;
}

/** The cursor a page leads to, read before it is validated (the same rule validateChanges applies). */
function nextAfter(page: ChangesPage, after: number): number {
  let max = after;
  for (const item of page.changes) {
    const seq = (item as { seq?: unknown } | null)?.seq;
    if (typeof seq === "number" && Number.isInteger(seq) && seq > max) max = seq;
  }
  return max;
}

/**
 * Decodes on the calling thread (in the decoder worker; in tests, on the core's own thread).
 * As soon as a page has arrived, the page after it is requested, before this one is validated: the
 * backend reads and sends page n+1 while page n is checked. A guess that the caller does not take
 * (it asked for another cursor) is simply dropped.
 */
export function inThreadPageSource(client: BackendClient): PageSource {
  let ahead: { after: number; limit: number; page: Promise<Result<ChangesPage>> } | null = null;
  return {
    async fetch(after, limit) {
      const pending = ahead !== null && ahead.after === after && ahead.limit === limit ? ahead.page : client.changes(after, limit);
      ahead = null;
      const page = await pending;
      if (!page.ok) return page;
      if (page.value.hasMore) {
        const next = nextAfter(page.value, after);
        ahead = { after: next, limit, page: client.changes(next, limit) };
      }
      return { ok: true, value: decodeChangesPage(page.value) };
    },
    close() {
      ahead = null;
    },
  };
}
