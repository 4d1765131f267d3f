import type { Result } from "../../../shared/result.js";
import type { BackendClient } from "./backend-client.js";
import { bodyText } from "./body-text.js";
import { decodeChangeLines, nextPageAfter } from "./decode-change-lines.js";
import type { DecodedPage } from "./decoded-page.js";

/** Where catch-up pages come from: fetched, validated and serialised, ready to be written. */
export interface PageSource {
  fetch(after: number, limit: number): Promise<Result<DecodedPage>>;
  close(): void;
}

/** Turns a page's bytes into a decoded page (here, or on another thread; the bytes may be moved there). */
export type DecodePage = (body: Buffer) => Promise<Result<DecodedPage>>;

/** How many pages are read and decoded ahead of the one being written (each is about half a megabyte). */
export const READ_AHEAD_PAGES = 2;

interface Requested {
  after: number;
  limit: number;
  /** Where the page after it starts: undefined until it has arrived, null if there is none. */
  next: number | null | undefined;
  page: Promise<Result<DecodedPage>>;
}

/**
 * Reads and decodes pages ahead of the caller: as soon as a page has arrived, the page after it
 * (named by its last line) is asked for, up to READ_AHEAD_PAGES not yet taken, and the page goes
 * to be decoded at once. Reading, decoding and the caller's writing then overlap: the backend
 * sends page n+2 while page n+1 is decoded and page n written, and no decoder waits for a body or
 * for the writer to ask. Pages the caller does not take (it asked for another cursor) are dropped
 * with everything read after them.
 */
export function readAheadPageSource(client: BackendClient, decode: DecodePage, depth = READ_AHEAD_PAGES): PageSource {
  let waiting: Requested[] = [];
  let last: Requested | null = null;
  let closed = false;

  const request = (after: number, limit: number): Requested => {
    const entry: Requested = {
      after,
      limit,
      next: undefined,
      page: client.changeLineBytes(after, limit).then((body) => {
        if (!body.ok) {
          entry.next = null;
          return body;
        }
        // Read before decode: the bytes may be moved to another thread.
        entry.next = nextPageAfter(body.value, after);
        extend();
        return decode(body.value);
      }),
    };
    waiting.push(entry);
    last = entry;
    return entry;
  };
  const extend = () => {
    const tail = last;
    if (closed || tail === null || tail.next === undefined || tail.next === null || waiting.length >= depth) return;
    request(tail.next, tail.limit);
  };

  return {
    fetch(after, limit) {
      const head = waiting[0];
      if (head === undefined || head.after !== after || head.limit !== limit) {
        waiting = [];
        request(after, limit);
      }
      const entry = waiting.shift()!;
      extend();
      return entry.page;
    },
    close() {
      closed = true;
      waiting = [];
      last = null;
    },
  };
}

/** Decodes on the calling thread (in tests and when the core runs without workers), reading ahead. */
export function inThreadPageSource(client: BackendClient): PageSource {
  return readAheadPageSource(client, async (body) => decodeChangeLines(bodyText(body)));
}
