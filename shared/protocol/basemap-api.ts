import { z } from "zod";
import { BasemapInfoSchema, MAX_NAMED_PLACES, NamedPlaceSchema, TileAnswerSchema, TileCoordinatesSchema } from "../basemap/basemap-schemas.js";

/** The street map's part of the console API; console-api.ts lists these in its unions. */
export const BASEMAP_REQUESTS = [
  /** Whether a street map is installed, and its zooms, bounds and layers. */
  z.object({ type: z.literal("basemap.info") }),
  z.object({ type: z.literal("basemap.tile"), tile: TileCoordinatesSchema }),
  /** The named streets, places and water of the street map, for map search. */
  z.object({ type: z.literal("basemap.places") }),
] as const;

export const BASEMAP_RESPONSE_SCHEMAS = {
  "basemap.info": BasemapInfoSchema,
  "basemap.tile": TileAnswerSchema,
  "basemap.places": z.array(NamedPlaceSchema).max(MAX_NAMED_PLACES),
} as const;
