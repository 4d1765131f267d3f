import type { LonLat } from "../../../../../shared/domain/geo.js";
import type { Ward } from "../../../../../shared/domain/ward.js";
import { wardLabels } from "../../map/model/map-objects.js";
import { boundsOfWards } from "../../map/model/ward-geometry.js";

/** Classes of the choropleth: few enough to tell apart on a dark wall screen. */
export const CHOROPLETH_CLASSES = 5;

export interface ChoroplethClass {
  /** 0 (lowest) … CHOROPLETH_CLASSES - 1. */
  step: number;
  from: number;
  to: number;
}

export interface ChoroplethWard {
  code: string;
  name: string;
  /** SVG path of the ward's boundary in the view box. */
  path: string;
  /** Where its figure is written (the map's own label point for the ward). */
  label: [number, number];
  value: number;
  step: number;
}

export interface Choropleth {
  width: number;
  height: number;
  wards: ChoroplethWard[];
  classes: ChoroplethClass[];
}

/** Equal intervals from the lowest figure to the highest; one class when every ward has the same. */
export function choroplethClasses(values: readonly number[], count = CHOROPLETH_CLASSES): ChoroplethClass[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (max === min) return [{ step: 0, from: min, to: max }];
  const width = (max - min) / count;
  return Array.from({ length: count }, (_, step) => ({ step, from: min + step * width, to: step === count - 1 ? max : min + (step + 1) * width }));
}

export function stepOf(value: number, classes: readonly ChoroplethClass[]): number {
  const found = classes.find((c) => value <= c.to);
  return found?.step ?? Math.max(0, classes.length - 1);
}

const PADDING = 8;

/**
 * Pure: the wards drawn in a width-wide box (equirectangular, longitudes shrunk by the city's
 * latitude so shapes keep their proportions), each with its figure and class. Wards without a
 * figure count as 0, as the bars beside the map show them.
 */
export function wardChoropleth(wards: readonly Ward[], values: ReadonlyMap<string, number>, width: number): Choropleth {
  const [[west, south], [east, north]] = boundsOfWards(wards);
  const shrink = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = Math.max(1e-9, (east - west) * shrink);
  const spanY = Math.max(1e-9, north - south);
  const scale = (width - 2 * PADDING) / spanX;
  const height = Math.round(spanY * scale + 2 * PADDING);
  const project = ([lon, lat]: LonLat): [number, number] => [round1(PADDING + (lon - west) * shrink * scale), round1(PADDING + (north - lat) * scale)];
  const classes = choroplethClasses(wards.map((w) => values.get(w.code) ?? 0));
  const labelOf = new Map(wardLabels(wards).map((l) => [l.code, l.position]));
  return {
    width,
    height,
    classes,
    wards: wards.map((ward) => {
      const value = values.get(ward.code) ?? 0;
      const path = ward.boundary.coordinates.map((ring) => `M${ring.map((p) => project(p).join(",")).join("L")}Z`).join("");
      return { code: ward.code, name: ward.name, path, label: project(labelOf.get(ward.code) ?? ward.boundary.coordinates[0]![0]!), value, step: stepOf(value, classes) };
    }),
  };
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
