import { z } from "zod";

/** [longitude, latitude] in WGS84, as GeoJSON orders them. */
export const LonLatSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
export type LonLat = z.infer<typeof LonLatSchema>;

export const PolygonSchema = z.object({
  type: z.literal("Polygon"),
  coordinates: z.array(z.array(LonLatSchema).min(4)).min(1),
});
export type Polygon = z.infer<typeof PolygonSchema>;

export const IsoTimeSchema = z.iso.datetime({ offset: true });
export type IsoTime = z.infer<typeof IsoTimeSchema>;
