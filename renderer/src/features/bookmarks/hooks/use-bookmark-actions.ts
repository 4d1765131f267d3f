import { useMemo } from "react";
import type { BookmarkCommand } from "../../../../../shared/commands/bookmark-commands.js";
import type { DistributiveOmit } from "../../../../../shared/commands/command.js";
import { newBookmarkId, type Bookmark } from "../../../../../shared/domain/bookmark.js";
import type { Result } from "../../../../../shared/result.js";
import type { LiveStore } from "../../../store/live-store.js";
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

async function onBookmark(store: LiveStore, bookmarkId: string, command: DistributiveOmit<BookmarkCommand, "target">): Promise<Result<Bookmark>> {
  const result = await store.command({ ...command, target: { kind: "bookmark", id: bookmarkId } } as BookmarkCommand);
  if (!result.ok) return result;
  return result.value.kind === "bookmark" ? { ok: true, value: result.value.entity } : { ok: false, error: { kind: "internal", message: "The core answered a bookmark command with another kind of record." } };
}

export function useBookmarkActions(): BookmarkActions {
  const store = useStore();
  return useMemo(
    () => ({
      // The id is made here, so a creation sent twice is one bookmark.
      add: (cameraId, range, note) => onBookmark(store, newBookmarkId(crypto.randomUUID()), { type: "bookmark_add", cameraId, ...range, note }),
      editNote: (bookmarkId, note) => onBookmark(store, bookmarkId, { type: "bookmark_note", note }),
      remove: (bookmarkId) => onBookmark(store, bookmarkId, { type: "bookmark_delete" }),
    }),
    [store],
  );
}
