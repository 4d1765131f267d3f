/**
 * A small OSM extract of made-up streets, water and places inside Uông Bí, written as OSM XML
 * (which the pipeline converts): enough to test the street map end to end without any real data.
 */

import { osmXml, type SyntheticNode, type SyntheticWay } from "../../scripts/basemap/osm-xml.js";

/** Where QL18 crosses the city in this extract: map search must fly near here. */
export const QL18_POINTS = [
  [106.7, 21.036],
  [106.73, 21.035],
  [106.76, 21.034],
  [106.79, 21.033],
  [106.82, 21.032],
] as const;

export const SYNTHETIC_WAYS: readonly SyntheticWay[] = [
  // QL18 as two ways, as OSM splits a long road.
  { tags: { highway: "trunk", ref: "QL18", name: "Quốc lộ 18" }, points: QL18_POINTS.slice(0, 3) },
  { tags: { highway: "trunk", ref: "QL18", name: "Quốc lộ 18" }, points: QL18_POINTS.slice(2) },
  { tags: { highway: "residential", name: "Phố Trần Hưng Đạo" }, points: [[106.75, 21.03], [106.752, 21.04], [106.754, 21.05]] },
  { tags: { highway: "secondary", name: "Đường Vàng Danh" }, points: [[106.78, 21.04], [106.785, 21.07], [106.79, 21.1]] },
  { tags: { waterway: "river", name: "Sông Uông" }, points: [[106.74, 21.1], [106.745, 21.06], [106.75, 21.02], [106.755, 20.99]] },
  {
    tags: { natural: "water", name: "Hồ Yên Trung" },
    points: [[106.7, 21.06], [106.71, 21.06], [106.71, 21.07], [106.7, 21.07], [106.7, 21.06]],
  },
  { tags: { railway: "rail", name: "Đường sắt Kép – Hạ Long" }, points: [[106.69, 21.026], [106.76, 21.025], [106.83, 21.024]] },
  { tags: { building: "yes" }, points: [[106.7601, 21.0301], [106.7606, 21.0301], [106.7606, 21.0305], [106.7601, 21.0305], [106.7601, 21.0301]] },
];

export const SYNTHETIC_PLACES: readonly SyntheticNode[] = [
  { tags: { place: "town", name: "Uông Bí" }, at: [106.765, 21.036] },
  { tags: { place: "suburb", name: "Vàng Danh" }, at: [106.79, 21.11] },
  { tags: { place: "village", name: "Thượng Yên Công" }, at: [106.72, 21.09] },
];

/** The synthetic extract as OSM XML, which the pipeline converts like any extract. */
export function syntheticOsmXml(ways: readonly SyntheticWay[] = SYNTHETIC_WAYS, places: readonly SyntheticNode[] = SYNTHETIC_PLACES): string {
  return osmXml(ways, places);
}
