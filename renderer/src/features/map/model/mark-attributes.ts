import { needsAttention } from "../../../../../shared/alarm-lifecycle.js";
import { assertNever } from "../../../../../shared/result.js";
import { clusterRadiusPx } from "./hit-test.js";
import { alarmFill, alarmRadiusPx, CAMERA_RGBA, PRIORITY_RGB, type Rgba } from "./map-colours.js";
import type { MapPalette } from "./map-theme.js";
import type { Mark } from "./marks.js";
import { sensorColour } from "./sensor-scale.js";

/**
 * The marks of one layer as typed arrays, handed to deck.gl as binary attributes: no
 * accessor runs per object, and a real GPU gets deck.gl's full budget (about a million points).
 */
export interface MarkAttributes {
  length: number;
  positions: Float64Array;
  fill: Uint8Array;
  line: Uint8Array;
  radius: Float32Array;
  lineWidth: Float32Array;
}

interface MarkStyle {
  fill: Rgba;
  line: Rgba;
  radius: number;
  lineWidth: number;
}

const OFFLINE_LINE: Rgba = [255, 90, 90, 230];
const POINT_CLUSTER_FILL: Rgba = [86, 128, 196, 215];

export function markStyle(mark: Mark, palette: MapPalette): MarkStyle {
  if (mark.type === "cluster") {
    const { cluster } = mark;
    const radius = clusterRadiusPx(cluster.count);
    if (cluster.worstPriority === null) return { fill: POINT_CLUSTER_FILL, line: palette.markOutline, radius, lineWidth: 1.5 };
    const [r, g, b] = PRIORITY_RGB[cluster.worstPriority];
    // A thick light ring says "something in here waits for acknowledgement".
    const waiting = cluster.unacknowledged > 0;
    return { fill: [r, g, b, 215], line: waiting ? [245, 248, 255, 255] : palette.markOutline, radius, lineWidth: waiting ? 3 : 1.5 };
  }
  const { object } = mark;
  switch (object.kind) {
    case "camera":
      // Offline cameras are hollow with a red ring: the status reads without colour.
      return object.camera.status === "online"
        ? { fill: CAMERA_RGBA.online, line: palette.markOutline, radius: 6.5, lineWidth: 2 }
        : { fill: [CAMERA_RGBA.offline[0], CAMERA_RGBA.offline[1], CAMERA_RGBA.offline[2], 60], line: OFFLINE_LINE, radius: 6.5, lineWidth: 2.5 };
    case "sensor":
      return { fill: sensorColour(object.sensor.kind, object.sensor.lastValue), line: palette.markOutline, radius: 4.5, lineWidth: 1.2 };
    case "alarm": {
      const waiting = needsAttention(object.alarm.state);
      return {
        fill: alarmFill(object.alarm.priority, waiting),
        line: palette.markOutline,
        radius: alarmRadiusPx(object.alarm.priority),
        lineWidth: waiting ? 2 : 1,
      };
    }
    case "incident":
      return { fill: [255, 255, 255, 0], line: [255, 120, 200, 255], radius: 13, lineWidth: 3 };
    default:
      return assertNever(object);
  }
}

export function markAttributes(marks: readonly Mark[], palette: MapPalette): MarkAttributes {
  const length = marks.length;
  const attributes: MarkAttributes = {
    length,
    positions: new Float64Array(length * 2),
    fill: new Uint8Array(length * 4),
    line: new Uint8Array(length * 4),
    radius: new Float32Array(length),
    lineWidth: new Float32Array(length),
  };
  marks.forEach((mark, i) => {
    const style = markStyle(mark, palette);
    attributes.positions[i * 2] = mark.position[0];
    attributes.positions[i * 2 + 1] = mark.position[1];
    attributes.fill.set(style.fill, i * 4);
    attributes.line.set(style.line, i * 4);
    attributes.radius[i] = style.radius;
    attributes.lineWidth[i] = style.lineWidth;
  });
  return attributes;
}

/** Short counts for cluster labels: "87", "1.2k". */
export function clusterLabel(count: number): string {
  return count < 1000 ? String(count) : `${(Math.round(count / 100) / 10).toString()}k`;
}
