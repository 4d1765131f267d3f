import type { LayersList } from "@deck.gl/core";
import { HeatmapLayer } from "@deck.gl/aggregation-layers";
import { ScatterplotLayer, SolidPolygonLayer, TextLayer } from "@deck.gl/layers";
import type { LonLat } from "../../../../../shared/domain/geo.js";
import type { DensityPoint } from "../model/alarm-density.js";
import { clusterLabel, type MarkAttributes } from "../model/mark-attributes.js";
import type { MapPalette } from "../model/map-theme.js";
import type { AlarmObject, IncidentObject } from "../model/map-objects.js";
import type { Mark } from "../model/marks.js";

/** Cluster counts (digits only); ward and street names are maplibre's, see map-style.ts. */
export const LABEL_FONT_FAMILY = '"Be Vietnam Pro", "DejaVu Sans", sans-serif';

export interface Cone {
  id: string;
  polygon: LonLat[];
}

export interface OperationalLayersInput {
  palette: MapPalette;
  points: MarkAttributes;
  pointClusters: readonly Mark[];
  alarms: MarkAttributes;
  alarmClusters: readonly Mark[];
  /** Unacknowledged alarms in view with a halo (radiusScale pulses it, no attribute rebuilt); none in a flood. */
  waiting: readonly AlarmObject[];
  pulse: number;
  cones: readonly Cone[];
  incidents: readonly IncidentObject[];
  selected: LonLat | null;
  heatmap: readonly DensityPoint[] | null;
}

// Accessors live at module level: the same function each render, so deck.gl
// recomputes an attribute only when its data changes.
const positionOf = (d: { position: LonLat }): LonLat => d.position;
const clusterText = (d: Mark): string => (d.type === "cluster" ? clusterLabel(d.cluster.count) : "");
const conePolygon = (d: Cone): LonLat[] => d.polygon;
const densityWeight = (d: DensityPoint): number => d.weight;
const identity = <T>(x: T): T => x;

/**
 * Binary data: deck.gl reads the typed arrays as they are (see mark-attributes.ts). One
 * wrapper per set of arrays: deck.gl compares data by reference, and a new wrapper on every
 * render (a pulse, a hover) would upload every attribute again.
 */
const binaryData = new WeakMap<MarkAttributes, ReturnType<typeof wrapBinary>>();
function binary(attributes: MarkAttributes) {
  let data = binaryData.get(attributes);
  if (data === undefined) {
    data = wrapBinary(attributes);
    binaryData.set(attributes, data);
  }
  return data;
}

const selectedData = new WeakMap<LonLat, LonLat[]>();
function selectedList(at: LonLat): LonLat[] {
  let list = selectedData.get(at);
  if (list === undefined) {
    list = [at];
    selectedData.set(at, list);
  }
  return list;
}

function wrapBinary(attributes: MarkAttributes) {
  return {
    length: attributes.length,
    attributes: {
      getPosition: { value: attributes.positions, size: 2 },
      getFillColor: { value: attributes.fill, size: 4, normalized: true },
      getLineColor: { value: attributes.line, size: 4, normalized: true },
      getRadius: { value: attributes.radius, size: 1 },
      getLineWidth: { value: attributes.lineWidth, size: 1 },
    },
  };
}

/**
 * Nothing is pickable on the GPU: hover and click are answered from memory (hit-test.ts).
 * A layer with nothing to draw stays in the list, hidden: deck.gl keeps its state (and the
 * compiled shaders) for when it has data again, and a CPU renderer does not pay a draw for it.
 */
export function buildOperationalLayers(input: OperationalLayersInput): LayersList {
  const { palette } = input;
  return [
    input.heatmap !== null &&
      new HeatmapLayer<DensityPoint>({
        id: "alarm-density",
        data: input.heatmap,
        getPosition: positionOf,
        getWeight: densityWeight,
        radiusPixels: 45,
        intensity: 1.2,
        threshold: 0.04,
        pickable: false,
      }),
    new SolidPolygonLayer<Cone>({
      id: "camera-cones",
      data: input.cones,
      getPolygon: conePolygon,
      getFillColor: [56, 214, 190, 55],
      visible: input.cones.length > 0,
      pickable: false,
    }),
    new ScatterplotLayer({
      id: "points",
      visible: input.points.length > 0,
      data: binary(input.points),
      radiusUnits: "pixels",
      lineWidthUnits: "pixels",
      stroked: true,
      pickable: false,
    }),
    new TextLayer<Mark>({
      id: "point-cluster-counts",
      visible: input.pointClusters.length > 0,
      data: input.pointClusters,
      getPosition: positionOf,
      getText: clusterText,
      getSize: 12,
      sizeUnits: "pixels",
      getColor: [255, 255, 255, 255],
      fontFamily: LABEL_FONT_FAMILY,
      fontWeight: 700,
      getTextAnchor: "middle",
      getAlignmentBaseline: "center",
      pickable: false,
    }),
    new ScatterplotLayer<IncidentObject>({
      id: "incidents",
      visible: input.incidents.length > 0,
      data: input.incidents,
      getPosition: positionOf,
      getRadius: 13,
      radiusUnits: "pixels",
      filled: false,
      stroked: true,
      getLineColor: [255, 120, 200, 255],
      getLineWidth: 3,
      lineWidthUnits: "pixels",
      pickable: false,
    }),
    new ScatterplotLayer<AlarmObject>({
      id: "alarm-pulse",
      visible: input.waiting.length > 0,
      data: input.waiting,
      getPosition: positionOf,
      getRadius: 13,
      radiusUnits: "pixels",
      radiusScale: input.pulse,
      filled: false,
      stroked: true,
      getLineColor: [255, 255, 255, 170],
      getLineWidth: 2,
      lineWidthUnits: "pixels",
      pickable: false,
    }),
    new ScatterplotLayer({
      id: "alarms",
      visible: input.alarms.length > 0,
      data: binary(input.alarms),
      radiusUnits: "pixels",
      lineWidthUnits: "pixels",
      stroked: true,
      pickable: false,
    }),
    new TextLayer<Mark>({
      id: "alarm-cluster-counts",
      visible: input.alarmClusters.length > 0,
      data: input.alarmClusters,
      getPosition: positionOf,
      getText: clusterText,
      getSize: 12,
      sizeUnits: "pixels",
      getColor: [10, 14, 22, 255],
      fontFamily: LABEL_FONT_FAMILY,
      fontWeight: 700,
      getTextAnchor: "middle",
      getAlignmentBaseline: "center",
      pickable: false,
    }),
    input.selected !== null &&
      new ScatterplotLayer<LonLat>({
        id: "selected-alarm",
        data: selectedList(input.selected),
        getPosition: identity,
        getRadius: 19,
        radiusUnits: "pixels",
        filled: false,
        stroked: true,
        getLineColor: [palette.label[0], palette.label[1], palette.label[2], 255],
        getLineWidth: 3.5,
        lineWidthUnits: "pixels",
        pickable: false,
      }),
  ];
}
