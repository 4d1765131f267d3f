import type { Bookmark } from "./domain/bookmark.js";
import type { Operator } from "./domain/operator.js";
import type { BookmarkCommand } from "./commands/bookmark-commands.js";
import { LIMITS } from "./limits.js";
import { assertNever, err, ok, type Result } from "./result.js";

/** Who may change or delete a bookmark: whoever made it, or a supervisor. */
function mayChange(bookmark: Bookmark, operator: Operator): boolean {
  return bookmark.createdBy === operator.id || operator.role === "supervisor";
}

function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

/**
 * Pure: a bookmark after a command, or why not. Returns the very same object when the command
 * changes nothing (the note already says so, already deleted), as every kind's rules do.
 */
export function applyBookmarkCommand(current: Bookmark | null, command: BookmarkCommand, operator: Operator, at: string): Result<Bookmark> {
  const id = command.target.id;
  switch (command.type) {
    case "bookmark_add": {
      if (current !== null) return err("conflict", `Bookmark ${id} already exists.`);
      const startMs = Date.parse(command.startAt);
      const endMs = command.endAt === null ? null : Date.parse(command.endAt);
      if (endMs !== null && endMs <= startMs) return err("invalid_request", "A bookmark's range must end after it starts.");
      if (endMs !== null && endMs - startMs > LIMITS.bookmarkRangeMs) return err("invalid_request", `A bookmark's range is at most ${LIMITS.bookmarkRangeMs / 3_600_000} hours.`);
      return ok({
        id,
        cameraId: command.cameraId,
        startAt: new Date(startMs).toISOString(),
        endAt: endMs === null ? null : new Date(endMs).toISOString(),
        note: command.note,
        createdBy: operator.id,
        createdByName: operator.name,
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
      });
    }
    case "bookmark_note":
      if (current === null) return err("not_found", `Bookmark ${id} does not exist.`);
      if (current.deletedAt !== null) return err("conflict", `Bookmark ${id} was deleted.`);
      if (!mayChange(current, operator)) return err("forbidden", "Only whoever made a bookmark, or a supervisor, may change its note.");
      return current.note === command.note ? ok(current) : ok({ ...current, note: command.note, updatedAt: laterOf(at, current.updatedAt) });
    case "bookmark_delete":
      if (current === null) return err("not_found", `Bookmark ${id} does not exist.`);
      if (current.deletedAt !== null) return ok(current);
      if (!mayChange(current, operator)) return err("forbidden", "Only whoever made a bookmark, or a supervisor, may delete it.");
      return ok({ ...current, deletedAt: at, updatedAt: laterOf(at, current.updatedAt) });
    default:
      return assertNever(command);
  }
}
