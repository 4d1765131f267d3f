import { useMemo } from "react";
import { newBookmarkId, type Bookmark } from "../../../../../shared/domain/bookmark.js";
import type { Result } from "../../../../../shared/result.js";
import { useStore } from "../../../store/store-context.js";

/**
 * The operator's commands on bookmarks: like every command, the core applies each at once (outbox
 * and overlay, so they work offline), the backend applies it once and audits it.
 */
export interface BookmarkActions {
  add(cameraId: string, range: { startAt: string; endAt: string | null }, note: string): Promise<Result<Bookmark>>;
  editNote(bookmarkId: string, note: string): Promise<Result<Bookmark>>;
  remove(bookmarkId: string): Promise<Result<Bookmark>>;
}

export function useBookmarkActions(): BookmarkActions {
  const store = useStore();
  return useMemo(
    () => ({
      // The id is made here, so a creation sent twice is one bookmark.
      add: (cameraId, range, note) => store.commandOn("bookmark", newBookmarkId(crypto.randomUUID()), { type: "bookmark_add", cameraId, ...range, note }),
      editNote: (bookmarkId, note) => store.commandOn("bookmark", bookmarkId, { type: "bookmark_note", note }),
      remove: (bookmarkId) => store.commandOn("bookmark", bookmarkId, { type: "bookmark_delete" }),
    }),
    [store],
  );
}
