import KDBush from "kdbush";
import Supercluster from "supercluster";
import { PRIORITY_RANK, type AlarmPriority } from "../../../../../shared/domain/alarm.js";
import { needsAttention } from "../../../../../shared/alarm-lifecycle.js";
import type { MapObject } from "./map-objects.js";
import { objectMark, type Mark, type MarkLayer } from "./marks.js";

export type Bbox = [west: number, south: number, east: number, north: number];

/**
 * Draw what an operator can read: up to this many objects in the queried area are drawn one
 * by one at any zoom (the real city has tens of cameras); beyond it, they are clustered.
 * On a CPU-rendered (SwiftShader) page each extra thousand marks costs tens of ms a frame.
 */
export const MARK_BUDGET: Record<MarkLayer, number> = { points: 1500, alarms: 800 };
/** Clusters are made up to this zoom; above it every object is drawn (street level). */
export const CLUSTER_MAX_ZOOM = 15;
export const CLUSTER_RADIUS_PX = 56;
/** The map never zooms out further than this (use-maplibre-map MIN_ZOOM): no cluster levels below it. */
export const CLUSTER_MIN_ZOOM = 10;

export type MarkMode = "individual" | "clustered";

/** Individual marks when few enough are in view or at street level, clusters otherwise. */
export function chooseMarkMode(countInView: number, zoom: number, budget: number): MarkMode {
  if (countInView <= budget) return "individual";
  return Math.floor(zoom) > CLUSTER_MAX_ZOOM ? "individual" : "clustered";
}

const PRIORITIES: readonly AlarmPriority[] = ["critical", "high", "medium", "low"];
interface ClusterProps {
  index: number;
  rank: number;
  unacked: number;
}

/**
 * One layer's objects, indexed once (KDBush for counting and ranges, supercluster for
 * clusters) and asked for the marks inside an area at a zoom: that query is a few ms
 * even with 100,000 objects, so the layers only ever receive what is worth drawing.
 */
export class MarkSource {
  private readonly points: KDBush | null;
  private clusters: Supercluster<ClusterProps, ClusterProps> | null = null;

  constructor(
    readonly layer: MarkLayer,
    readonly objects: readonly MapObject[],
    reuse?: { points: KDBush | null; clusters: Supercluster<ClusterProps, ClusterProps> | null },
  ) {
    if (reuse !== undefined) {
      this.points = reuse.points;
      this.clusters = reuse.clusters;
      return;
    }
    if (objects.length === 0) {
      this.points = null;
      return;
    }
    const index = new KDBush(objects.length);
    for (const object of objects) index.add(object.position[0], object.position[1]);
    this.points = index.finish();
  }

  /**
   * The same layer with updated objects (a new reading, a camera going offline). When every
   * object kept its place the indexes stay valid and are shared: a live update to 100,000
   * points costs a comparison, not a rebuild. Alarm clusters summarise priority and state,
   * so the alarm layer always rebuilds (it is the small one).
   */
  update(objects: readonly MapObject[]): MarkSource {
    if (this.layer === "points" && samePlaces(this.objects, objects)) {
      return new MarkSource(this.layer, objects, { points: this.points, clusters: this.clusters });
    }
    return new MarkSource(this.layer, objects);
  }

  countIn([west, south, east, north]: Bbox): number {
    return this.points?.range(west, south, east, north).length ?? 0;
  }

  marksIn(bbox: Bbox, zoom: number): { mode: MarkMode; marks: Mark[] } {
    if (this.points === null) return { mode: "individual", marks: [] };
    const [west, south, east, north] = bbox;
    const ids = this.points.range(west, south, east, north);
    const mode = chooseMarkMode(ids.length, zoom, MARK_BUDGET[this.layer]);
    if (mode === "individual") {
      // Ascending index keeps the caller's draw order (e.g. critical alarms last, on top).
      ids.sort((a, b) => a - b);
      const marks: Mark[] = [];
      for (const id of ids) {
        const object = this.objects[id];
        if (object !== undefined) marks.push(objectMark(object));
      }
      return { mode, marks };
    }
    const marks: Mark[] = [];
    for (const feature of this.clusterIndex().getClusters(bbox, Math.floor(zoom))) {
      const [lon, lat] = feature.geometry.coordinates;
      if (lon === undefined || lat === undefined) continue;
      const props = feature.properties;
      if ("cluster" in props && props.cluster) {
        marks.push({
          type: "cluster",
          key: `cluster:${this.layer}:${props.cluster_id}`,
          position: [lon, lat],
          cluster: {
            layer: this.layer,
            clusterId: props.cluster_id,
            count: props.point_count,
            worstPriority: this.layer === "alarms" ? (PRIORITIES[props.rank] ?? null) : null,
            unacknowledged: props.unacked,
          },
        });
      } else if ("index" in props) {
        const object = this.objects[props.index];
        if (object !== undefined) marks.push(objectMark(object));
      }
    }
    return { mode, marks };
  }

  /** The zoom at which a cluster falls apart: where a click on it takes the operator. */
  expansionZoom(clusterId: number): number {
    return this.clusterIndex().getClusterExpansionZoom(clusterId);
  }

  // Built on first need: while everything fits the budget, nobody pays for it.
  private clusterIndex(): Supercluster<ClusterProps, ClusterProps> {
    if (this.clusters !== null) return this.clusters;
    const index = new Supercluster<ClusterProps, ClusterProps>({
      radius: CLUSTER_RADIUS_PX,
      minZoom: CLUSTER_MIN_ZOOM,
      maxZoom: CLUSTER_MAX_ZOOM,
      map: (props) => ({ index: props.index, rank: props.rank, unacked: props.unacked }),
      reduce: (acc, props) => {
        acc.rank = Math.min(acc.rank, props.rank);
        acc.unacked += props.unacked;
      },
    });
    index.load(
      this.objects.map((object, index) => ({
        type: "Feature" as const,
        geometry: { type: "Point" as const, coordinates: [object.position[0], object.position[1]] },
        properties: {
          index,
          rank: object.kind === "alarm" ? PRIORITY_RANK[object.alarm.priority] : PRIORITIES.length,
          unacked: object.kind === "alarm" && needsAttention(object.alarm.state) ? 1 : 0,
        },
      })),
    );
    this.clusters = index;
    return index;
  }
}

function samePlaces(a: readonly MapObject[], b: readonly MapObject[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined || y === undefined || x.id !== y.id || x.position[0] !== y.position[0] || x.position[1] !== y.position[1]) return false;
  }
  return true;
}

/** The area to ask for: the viewport plus a margin, so a pan within it needs no new query. */
export function paddedBbox([west, south, east, north]: Bbox, fraction: number): Bbox {
  const dx = (east - west) * fraction;
  const dy = (north - south) * fraction;
  return [west - dx, south - dy, east + dx, north + dy];
}

export interface MarkQuery {
  bbox: Bbox;
  zoomLevel: number;
}

/** A new query is needed when the integer zoom changes or the viewport leaves the area last asked for. */
export function needsRequery(previous: MarkQuery | null, viewport: Bbox, zoom: number): boolean {
  if (previous === null || previous.zoomLevel !== Math.floor(zoom)) return true;
  const [w, s, e, n] = viewport;
  const [pw, ps, pe, pn] = previous.bbox;
  return w < pw || s < ps || e > pe || n > pn;
}
