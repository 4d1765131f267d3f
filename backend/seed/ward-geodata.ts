import { readFileSync } from "node:fs";
import { z } from "zod";
import { PolygonSchema } from "../../shared/domain/geo.js";
import { WardSchema, type Ward } from "../../shared/domain/ward.js";
import { describeZodError } from "../../shared/result.js";
import { WARDS_GEOJSON_PATH } from "../resource-paths.js";

const WardFeatureCollectionSchema = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.object({
      type: z.literal("Feature"),
      properties: z.object({
        name: z.string(),
        full_name: z.string(),
        kind: z.enum(["ward", "commune"]),
        gso_code: z.string(),
        name_ascii: z.string(),
      }),
      geometry: PolygonSchema,
    }),
  ),
});

/** Pure: GeoJSON (already parsed) → wards, validated against the shared schema. */
export function wardsFromGeoJson(geojson: unknown): Ward[] {
  const parsed = WardFeatureCollectionSchema.safeParse(geojson);
  if (!parsed.success) throw new Error(`The ward GeoJSON is malformed: ${describeZodError(parsed.error)}`);
  return parsed.data.features.map((feature) =>
    WardSchema.parse({
      code: feature.properties.gso_code,
      name: feature.properties.name,
      fullName: feature.properties.full_name,
      nameAscii: feature.properties.name_ascii,
      kind: feature.properties.kind,
      boundary: feature.geometry,
    }),
  );
}

let cached: Ward[] | null = null;

/** The 11 wards and communes of Uông Bí, read once from resources/geodata. */
export function loadUongBiWards(): Ward[] {
  cached ??= wardsFromGeoJson(JSON.parse(readFileSync(WARDS_GEOJSON_PATH, "utf8")));
  return cached;
}

export function wardByCode(wards: readonly Ward[], code: string): Ward {
  const ward = wards.find((w) => w.code === code);
  if (ward === undefined) throw new Error(`No ward with GSO code ${code}`);
  return ward;
}
