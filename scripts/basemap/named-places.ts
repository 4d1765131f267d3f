import { z } from "zod";
import type { NamedPlace, PlaceKind } from "../../shared/basemap/basemap-schemas.js";
import { MAX_NAMED_PLACES } from "../../shared/basemap/basemap-schemas.js";

/**
 * The names map search finds (streets, places, water), taken from the extract itself rather than
 * from the tiles: a tile holds a clipped, simplified piece of each road, the extract the whole way.
 */

const PositionSchema = z.tuple([z.number(), z.number()]).rest(z.number());
const GeometrySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("Point"), coordinates: PositionSchema }),
  z.object({ type: z.literal("LineString"), coordinates: z.array(PositionSchema) }),
  z.object({ type: z.literal("MultiLineString"), coordinates: z.array(z.array(PositionSchema)) }),
  z.object({ type: z.literal("Polygon"), coordinates: z.array(z.array(PositionSchema)) }),
  z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(z.array(PositionSchema))) }),
]);
/** One line of `osmium export -f geojsonseq`: a feature with its OSM tags as properties. */
export const OsmFeatureSchema = z.object({
  type: z.literal("Feature"),
  geometry: GeometrySchema,
  properties: z.record(z.string(), z.unknown()).nullable(),
});
export type OsmFeature = z.infer<typeof OsmFeatureSchema>;
type Position = z.infer<typeof PositionSchema>;

const WATER_NATURAL = new Set(["water", "bay", "spring"]);

function tag(tags: Record<string, unknown>, key: string): string {
  const value = tags[key];
  return typeof value === "string" ? value.trim() : "";
}

export function placeKind(tags: Record<string, unknown>): PlaceKind | null {
  if (tag(tags, "highway") !== "") return "street";
  if (tag(tags, "place") !== "") return "place";
  if (tag(tags, "waterway") !== "" || WATER_NATURAL.has(tag(tags, "natural")) || tag(tags, "landuse") === "reservoir") return "water";
  return null;
}

/** The lines of a geometry, each a list of positions (a polygon's outer rings only). */
function linesOf(geometry: OsmFeature["geometry"]): Position[][] {
  switch (geometry.type) {
    case "Point":
      return [[geometry.coordinates]];
    case "LineString":
      return [geometry.coordinates];
    case "MultiLineString":
      return geometry.coordinates;
    case "Polygon":
      return geometry.coordinates.slice(0, 1);
    case "MultiPolygon":
      return geometry.coordinates.flatMap((polygon) => polygon.slice(0, 1));
  }
}

/**
 * Where to fly for a feature: a point of the feature itself (the middle vertex of its longest
 * line) rather than a centre that can fall beside a curved road or a river bend.
 */
export function representativePoint(geometry: OsmFeature["geometry"]): [number, number] | null {
  const lines = linesOf(geometry);
  let longest: Position[] = [];
  for (const line of lines) if (line.length > longest.length) longest = line;
  const middle = longest[Math.floor(longest.length / 2)];
  return middle === undefined ? null : [middle[0], middle[1]];
}

interface Candidate {
  place: NamedPlace;
  weight: number;
}

/**
 * One entry per named thing: the many ways of one street (QL18 is dozens) become one, placed
 * on its longest piece. Streets with a number but no name are found by the number.
 */
export function namedPlacesFromFeatures(features: Iterable<OsmFeature>): NamedPlace[] {
  const byKey = new Map<string, Candidate>();
  for (const feature of features) {
    const tags = feature.properties ?? {};
    const kind = placeKind(tags);
    if (kind === null) continue;
    const ref = tag(tags, "ref").slice(0, 50);
    const name = (tag(tags, "name") || ref).slice(0, 200);
    if (name === "") continue;
    const point = representativePoint(feature.geometry);
    if (point === null) continue;
    const weight = linesOf(feature.geometry).reduce((n, line) => n + line.length, 0);
    const key = `${kind}\u0000${name}\u0000${ref}`;
    const known = byKey.get(key);
    if (known !== undefined && known.weight >= weight) continue;
    byKey.set(key, { place: { name, ref: ref === "" ? null : ref, kind, lon: point[0], lat: point[1] }, weight });
  }
  return [...byKey.values()]
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_NAMED_PLACES)
    .map((c) => c.place);
}

/** Parses osmium's GeoJSON text sequence (RFC 8142: each record after an RS character); skips what is not a feature it knows. */
export function parseGeoJsonSeq(text: string): OsmFeature[] {
  const features: OsmFeature[] = [];
  for (const record of text.split(/[\u001e\n]/)) {
    if (record.trim() === "") continue;
    let json: unknown;
    try {
      json = JSON.parse(record);
    } catch {
      continue;
    }
    const parsed = OsmFeatureSchema.safeParse(json);
    if (parsed.success) features.push(parsed.data);
  }
  return features;
}
