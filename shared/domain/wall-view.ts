import { LIMITS } from "../limits.js";
import { z } from "zod";
import { IsoTimeSchema } from "./geo.js";

/** Grid layouts (n×n) and focus layouts (one large tile plus small ones around it). */
export const WallLayoutIdSchema = z.enum(["1x1", "2x2", "3x3", "4x4", "5x5", "6x6", "7x7", "8x8", "1+5", "1+7", "1+12"]);
export type WallLayoutId = z.infer<typeof WallLayoutIdSchema>;

/** The most tiles any layout has (8x8). */
export const MAX_WALL_TILES = 64;

export const WallTourSchema = z.object({
  cameraIds: z.array(z.string().min(1).max(LIMITS.idChars)).min(1).max(200),
  intervalSeconds: z.number().int().min(3).max(3600),
  /** "view": the whole wall pages through the cameras; "tile": only that tile cycles. */
  scope: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("view") }),
    z.object({ kind: z.literal("tile"), tile: z.number().int().min(0).max(MAX_WALL_TILES - 1) }),
  ]),
});
export type WallTour = z.infer<typeof WallTourSchema>;

/** An operator's named arrangement of the wall; synced through the backend like other operator data. */
export const WallViewSchema = z.object({
  id: z.string().min(1).max(100),
  operatorId: z.string().min(1).max(LIMITS.idChars),
  name: z.string().trim().min(1).max(LIMITS.viewNameChars),
  layout: WallLayoutIdSchema,
  /** Camera id per tile in layout order; null = empty tile. */
  tiles: z.array(z.string().min(1).max(LIMITS.idChars).nullable()).max(MAX_WALL_TILES),
  tour: WallTourSchema.nullable(),
  updatedAt: IsoTimeSchema,
});
export type WallView = z.infer<typeof WallViewSchema>;

/** What a console sends to save a view: the backend stamps the time. */
export const WallViewDraftSchema = WallViewSchema.omit({ updatedAt: true });
export type WallViewDraft = z.infer<typeof WallViewDraftSchema>;
