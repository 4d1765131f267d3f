import { z } from "zod";

/**
 * The offline street map's contract: what the core tells renderers about the installed tiles, and
 * the names an operator can search for. The tiles themselves cross as base64 (one console API
 * answer each), so they ride the same transport, and the same checks, as every other request.
 */

/** [west, south, east, north] in WGS84 degrees. */
export const BboxSchema = z
  .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)])
  .refine(([west, south, east, north]) => west < east && south < north, "west must be less than east and south less than north");
export type Bbox = z.infer<typeof BboxSchema>;

/** The kinds of named things the street map lets an operator search for. */
export const PlaceKindSchema = z.enum(["street", "place", "water"]);
export type PlaceKind = z.infer<typeof PlaceKindSchema>;

export const NamedPlaceSchema = z.object({
  name: z.string().min(1).max(200),
  /** A road's number (QL18), searchable on its own. */
  ref: z.string().max(50).nullable(),
  kind: PlaceKindSchema,
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});
export type NamedPlace = z.infer<typeof NamedPlaceSchema>;

export const BasemapInfoSchema = z.discriminatedUnion("installed", [
  z.object({ installed: z.literal(false) }),
  z.object({
    installed: z.literal(true),
    minZoom: z.number().int().min(0).max(22),
    maxZoom: z.number().int().min(0).max(22),
    bounds: BboxSchema,
    /** The vector layers in the tiles: the style draws only those present. */
    layers: z.array(z.string().min(1).max(100)).max(100),
    attribution: z.string().max(500),
  }),
]);
export type BasemapInfo = z.infer<typeof BasemapInfoSchema>;

export const TileCoordinatesSchema = z
  .object({ z: z.number().int().min(0).max(22), x: z.number().int().min(0), y: z.number().int().min(0) })
  .refine((t) => t.x < 2 ** t.z && t.y < 2 ** t.z, "the tile is outside its zoom level");
export type TileCoordinates = z.infer<typeof TileCoordinatesSchema>;

/** One tile: uncompressed Mapbox Vector Tile bytes in base64, or null where the map has none. */
export const TileAnswerSchema = z.object({ data: z.base64().nullable() });

/** The most names one console API answer carries: a city's streets and places, with room to spare. */
export const MAX_NAMED_PLACES = 20_000;
