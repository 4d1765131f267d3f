import { z } from "zod";
import { WallViewDraftSchema, WallViewSchema } from "../domain/wall-view.js";
import { resultSchema } from "../result.js";

/**
 * Saving and deleting named wall views on the backend (PUT/DELETE `${BACKEND_PATHS.views}/:id`).
 * Views then reach every console of the operator through the change feed (entity "view").
 */
export function viewPath(viewId: string): string {
  return `/api/v1/views/${encodeURIComponent(viewId)}`;
}

export const SaveViewRequestSchema = z.object({ view: WallViewDraftSchema });
export type SaveViewRequest = z.infer<typeof SaveViewRequestSchema>;

export const SaveViewResponseSchema = resultSchema(z.object({ view: WallViewSchema, seq: z.number().int().nonnegative() }));
export type SaveViewResponse = z.infer<typeof SaveViewResponseSchema>;

/** The view's owner is the session's operator: nothing else to say. */
export const DeleteViewRequestSchema = z.object({});
export const DeleteViewResponseSchema = resultSchema(z.object({ id: z.string().min(1), seq: z.number().int().nonnegative() }));
export type DeleteViewResponse = z.infer<typeof DeleteViewResponseSchema>;
