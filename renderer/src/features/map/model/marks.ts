import type { AlarmPriority } from "../../../../../shared/domain/alarm.js";
import type { LonLat } from "../../../../../shared/domain/geo.js";
import { assertNever } from "../../../../../shared/result.js";
import type { MapObject } from "./map-objects.js";

/** Which clustered layer a mark belongs to: alarms never merge with cameras and sensors. */
export type MarkLayer = "points" | "alarms";

export interface ClusterSummary {
  layer: MarkLayer;
  clusterId: number;
  count: number;
  /** Alarm clusters: the worst priority inside, and how many wait for acknowledgement. */
  worstPriority: AlarmPriority | null;
  unacknowledged: number;
}

/** One thing drawn on the map: a single object, or a cluster of them at low zoom. */
export type Mark =
  | { type: "object"; key: string; position: LonLat; object: MapObject }
  | { type: "cluster"; key: string; position: LonLat; cluster: ClusterSummary };

export const objectMark = (object: MapObject): Mark => ({ type: "object", key: `${object.kind}:${object.id}`, position: object.position, object });

/** Which mark wins when several are under the cursor: what the operator most likely means. */
export function markRank(mark: Mark): number {
  if (mark.type === "cluster") return mark.cluster.layer === "alarms" ? 1 : 5;
  switch (mark.object.kind) {
    case "alarm":
      return 0;
    case "camera":
      return 2;
    case "incident":
      return 3;
    case "sensor":
      return 4;
    default:
      return assertNever(mark.object);
  }
}
