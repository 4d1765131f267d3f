import type { Bookmark } from "../../../../../shared/domain/bookmark.js";
import { foldForSearch } from "../../../../../shared/text/fold-for-search.js";

export interface BookmarkQuery {
  /** Words to find in the note, the camera's name or who made it (accents and case ignored). */
  text: string;
  /** Only this camera's; null: every camera. */
  cameraId: string | null;
}

/** Most rows the list shows at once: a search narrows the rest. */
export const MAX_LISTED_BOOKMARKS = 200;

/**
 * Pure: the bookmarks a search finds, newest moment first. Every word typed must appear in the
 * note, the camera's name or the operator's name.
 */
export function searchBookmarks(bookmarks: Iterable<Bookmark>, query: BookmarkQuery, cameraName: (cameraId: string) => string): Bookmark[] {
  const words = foldForSearch(query.text).split(/\s+/).filter((w) => w.length > 0);
  const found: Bookmark[] = [];
  for (const bookmark of bookmarks) {
    if (bookmark.deletedAt !== null) continue;
    if (query.cameraId !== null && bookmark.cameraId !== query.cameraId) continue;
    if (words.length > 0) {
      const haystack = foldForSearch(`${bookmark.note} ${cameraName(bookmark.cameraId)} ${bookmark.createdByName}`);
      if (!words.every((w) => haystack.includes(w))) continue;
    }
    found.push(bookmark);
  }
  return found.sort((a, b) => (a.startAt < b.startAt ? 1 : a.startAt > b.startAt ? -1 : a.id < b.id ? -1 : 1));
}

/** The bookmarks of one camera that touch the span [fromMs, toMs): what its timeline marks. */
export function bookmarksInView(bookmarks: Iterable<Bookmark>, cameraIds: readonly string[], fromMs: number, toMs: number): Bookmark[] {
  const out: Bookmark[] = [];
  for (const b of bookmarks) {
    if (b.deletedAt !== null || !cameraIds.includes(b.cameraId)) continue;
    const startMs = Date.parse(b.startAt);
    const endMs = b.endAt === null ? startMs : Date.parse(b.endAt);
    if (endMs >= fromMs && startMs < toMs) out.push(b);
  }
  return out;
}

/** How long a bookmark made from the player lasts: 0 is a moment. */
export const BOOKMARK_LENGTHS_S = [0, 10, 30, 60, 300] as const;

/** Pure: the moment or range a bookmark made at the playhead covers. */
export function bookmarkRange(atMs: number, lengthS: number): { startAt: string; endAt: string | null } {
  const start = Math.round(atMs);
  return { startAt: new Date(start).toISOString(), endAt: lengthS <= 0 ? null : new Date(start + lengthS * 1000).toISOString() };
}
