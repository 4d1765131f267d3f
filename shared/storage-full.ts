/**
 * Whether a failed write was SQLite finding no room: the disk is full, or the store reached the
 * quota it was given (max_page_count). Such a write changed nothing (its transaction rolled back),
 * so it is told apart from a bug: the caller refuses the one thing asked and keeps serving reads.
 */
export function isStorageFull(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error.code === "SQLITE_FULL" || error.code === "SQLITE_IOERR_WRITE");
}
