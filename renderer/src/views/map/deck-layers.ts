import type { LayersList } from "@deck.gl/core";
import { ScatterplotLayer, TextLayer } from "@deck.gl/layers";
import { needsAttention } from "../../../../shared/alarm-lifecycle.js";
import {
  alarmFill,
  alarmRadiusPx,
  CAMERA_RGBA,
  LABEL_RGBA,
  OUTLINE_DARK,
  OUTLINE_LIGHT,
  SENSOR_RGBA,
  type Rgba,
} from "./map-colours.js";
import type { AlarmObject, CameraObject, SensorObject, WardLabel } from "./map-objects.js";

export const LABEL_FONT_FAMILY = '"Be Vietnam Pro", "DejaVu Sans", sans-serif';
export const LABEL_FONT_WEIGHT = 600;
export const LABEL_SIZE_PX = 15;

export interface OperationalLayersInput {
  labels: readonly WardLabel[];
  /** Null until the self-hosted font is loaded: an atlas drawn with a fallback font would stick. */
  labelCharacterSet: string[] | null;
  cameras: readonly CameraObject[];
  sensors: readonly SensorObject[];
  alarms: readonly AlarmObject[];
  selectedAlarmId: string | null;
  onAlarmClick: (alarmId: string) => void;
}

// Accessors live at module level: the same function each render, so deck.gl
// recomputes an attribute only when its data or its update trigger changes.
const positionOf = (d: { position: [number, number] }): [number, number] => d.position;
const labelText = (d: WardLabel): string => d.name;
const cameraFill = (d: CameraObject): Rgba => CAMERA_RGBA[d.camera.status];
const cameraLine = (d: CameraObject): Rgba => (d.camera.status === "online" ? OUTLINE_DARK : [255, 90, 90, 220]);
const HIGHLIGHT: Rgba = [255, 255, 255, 90];

export function buildOperationalLayers(input: OperationalLayersInput): LayersList {
  const { selectedAlarmId } = input;
  const isSelected = (d: AlarmObject) => d.id === selectedAlarmId;

  return [
    input.labelCharacterSet !== null &&
      new TextLayer<WardLabel>({
        id: "ward-labels",
        data: input.labels,
        getPosition: positionOf,
        getText: labelText,
        getSize: LABEL_SIZE_PX,
        sizeUnits: "pixels",
        getColor: LABEL_RGBA,
        fontFamily: LABEL_FONT_FAMILY,
        fontWeight: LABEL_FONT_WEIGHT,
        characterSet: input.labelCharacterSet,
        fontSettings: { sdf: true, fontSize: 64, buffer: 8, radius: 12 },
        outlineWidth: 4,
        outlineColor: [6, 10, 18, 230],
        getTextAnchor: "middle",
        getAlignmentBaseline: "center",
        pickable: false,
      }),
    new ScatterplotLayer<SensorObject>({
      id: "sensors",
      data: input.sensors,
      getPosition: positionOf,
      getRadius: 5,
      radiusUnits: "pixels",
      getFillColor: SENSOR_RGBA,
      getLineColor: OUTLINE_DARK,
      lineWidthUnits: "pixels",
      getLineWidth: 1.5,
      stroked: true,
      pickable: true,
      autoHighlight: true,
      highlightColor: HIGHLIGHT,
    }),
    new ScatterplotLayer<CameraObject>({
      id: "cameras",
      data: input.cameras,
      getPosition: positionOf,
      getRadius: 6,
      radiusUnits: "pixels",
      getFillColor: cameraFill,
      getLineColor: cameraLine,
      lineWidthUnits: "pixels",
      getLineWidth: 2,
      stroked: true,
      pickable: true,
      autoHighlight: true,
      highlightColor: HIGHLIGHT,
    }),
    new ScatterplotLayer<AlarmObject>({
      id: "alarms",
      data: input.alarms,
      getPosition: positionOf,
      radiusUnits: "pixels",
      getRadius: (d) => alarmRadiusPx(d.alarm.priority) + (isSelected(d) ? 5 : 0),
      getFillColor: (d) => alarmFill(d.alarm.priority, needsAttention(d.alarm.state)),
      getLineColor: (d) => (isSelected(d) ? OUTLINE_LIGHT : OUTLINE_DARK),
      lineWidthUnits: "pixels",
      getLineWidth: (d) => (isSelected(d) ? 3.5 : needsAttention(d.alarm.state) ? 2 : 1),
      stroked: true,
      pickable: true,
      autoHighlight: true,
      highlightColor: HIGHLIGHT,
      onClick: (info) => {
        const object: AlarmObject | undefined = info.object ?? undefined;
        if (object !== undefined) input.onAlarmClick(object.id);
        return true;
      },
      // Selection changes only these attributes; the data (and the rest) stay as they are.
      updateTriggers: {
        getRadius: selectedAlarmId,
        getLineColor: selectedAlarmId,
        getLineWidth: selectedAlarmId,
      },
    }),
  ];
}
