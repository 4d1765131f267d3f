import { useBookmarksOpen } from "../hooks/use-bookmarks-open.js";
import { BookmarksPanel } from "./bookmarks-panel.js";

/** Where this window shows its bookmark list when asked to (the wall's "Bookmarks"). */
export function BookmarksHost() {
  return useBookmarksOpen() ? <BookmarksPanel /> : null;
}
