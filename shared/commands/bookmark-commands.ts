import { z } from "zod";
import { IsoTimeSchema } from "../domain/geo.js";
import { BookmarkIdSchema } from "../domain/bookmark.js";
import { IdSchema, NoteTextSchema } from "../limits.js";
import { targetOf } from "./target.js";

const Bookmark = targetOf("bookmark", BookmarkIdSchema);

/** What an operator can do to a bookmark: mark a moment or a range of a camera, change its note, delete it. */
export const BOOKMARK_COMMANDS = [
  z.object({
    type: z.literal("bookmark_add"),
    target: Bookmark,
    cameraId: IdSchema,
    startAt: IsoTimeSchema,
    /** null: a moment. */
    endAt: IsoTimeSchema.nullable(),
    note: NoteTextSchema,
  }),
  z.object({ type: z.literal("bookmark_note"), target: Bookmark, note: NoteTextSchema }),
  z.object({ type: z.literal("bookmark_delete"), target: Bookmark }),
] as const;

export const BookmarkCommandSchema = z.discriminatedUnion("type", BOOKMARK_COMMANDS);
export type BookmarkCommand = z.infer<typeof BookmarkCommandSchema>;
