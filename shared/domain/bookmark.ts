import { z } from "zod";
import { IsoTimeSchema } from "./geo.js";

/** Made where the bookmark is created (one made offline keeps its id): `bm-` and a UUID. */
export const BookmarkIdSchema = z.string().regex(/^bm-[0-9a-zA-Z-]{8,64}$/, "a bookmark id is bm- followed by a UUID");

/**
 * A moment (endAt null) or a range of one camera's recordings an operator marked, with a note.
 * Deleting keeps the record (deletedAt set): the change feed carries it to every console, and
 * the audit trail names a record that still exists.
 */
export const BookmarkSchema = z.object({
  id: BookmarkIdSchema,
  cameraId: z.string().min(1),
  startAt: IsoTimeSchema,
  endAt: IsoTimeSchema.nullable(),
  note: z.string().max(2000),
  createdBy: z.string(),
  createdByName: z.string(),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
  deletedAt: IsoTimeSchema.nullable(),
});
export type Bookmark = z.infer<typeof BookmarkSchema>;

/** A new bookmark's id, made by whoever creates it. */
export const newBookmarkId = (uuid: string): string => `bm-${uuid}`;
