import type { Map as MapLibreMap } from "maplibre-gl";
import { useEffect, useRef } from "react";
import { hitTest, type MarkIndex } from "../model/hit-test.js";
import { syntheticLoad, type SyntheticLoad } from "../model/synthetic-points.js";
import { UONG_BI_BOUNDS } from "../model/ward-geometry.js";
import { WARD_LABEL_LAYER } from "../model/map-style.js";

/**
 * Hooks for end-to-end tests and benchmarks, on window like __iocMap: load synthetic points
 * in the page (the backend's city has tens of objects, the benchmark wants 110,000), run the
 * same hit test the pointer uses, hide the operational layers to time the basemap alone.
 */
export interface MapTestHooks {
  /**
   * Makes the points (untimed: that is the test's work, not the map's), hands them to the map
   * and resolves with the ms from then to the first deck.gl frame that draws them.
   */
  loadSynthetic(points: number, alarms: number): Promise<number>;
  clearSynthetic(): void;
  /** The key of the mark at container pixels (x, y), or null. */
  hitTest(x: number, y: number): string | null;
  setOperationalLayers(visible: boolean): void;
  /** The ward names maplibre draws right now (it leaves out those that would overlap). */
  drawnLabels(): string[];
  /** Resolves after the next deck.gl frame. */
  nextFrame(): Promise<void>;
}

declare global {
  interface Window {
    __iocMapTest?: MapTestHooks;
  }
}

export interface TestHookDeps {
  map: MapLibreMap | null;
  index: MarkIndex | null;
  frameListeners: Set<() => void>;
  setSynthetic: (load: SyntheticLoad | null) => void;
  setLayersOn: (on: boolean) => void;
}

/** Returns what the pane calls right after handing deck.gl layers that include the synthetic load. */
export function useMapTestHooks(deps: TestHookDeps): () => void {
  const latest = useRef(deps);
  latest.current = deps;
  const pending = useRef<{ startedAt: number; resolve: (ms: number) => void } | null>(null);

  // Registered in the same task as setProps: the next deck.gl frame is the one that draws them.
  const onSyntheticLayersSet = useRef(() => {
    const waiting = pending.current;
    if (waiting === null) return;
    pending.current = null;
    const { frameListeners } = latest.current;
    const listener = () => {
      frameListeners.delete(listener);
      performance.mark("ioc:map-synthetic-drawn");
      waiting.resolve(performance.now() - waiting.startedAt);
    };
    frameListeners.add(listener);
  }).current;

  useEffect(() => {
    // Production builds leave the hooks out (dead code once the constant is false).
    if (!__IOC_TEST_HOOKS__) return;
    const hooks: MapTestHooks = {
      loadSynthetic: (points, alarms) =>
        new Promise((resolve) => {
          const load = syntheticLoad(points, alarms, UONG_BI_BOUNDS);
          pending.current = { startedAt: performance.now(), resolve };
          latest.current.setSynthetic(load);
        }),
      clearSynthetic: () => latest.current.setSynthetic(null),
      hitTest: (x, y) => {
        const { map, index } = latest.current;
        if (map === null || index === null) return null;
        const at = map.unproject([x, y]);
        return hitTest(index, at.lng, at.lat, map.getZoom())?.key ?? null;
      },
      setOperationalLayers: (on) => latest.current.setLayersOn(on),
      drawnLabels: () => {
        const { map } = latest.current;
        if (map === null || map.getLayer(WARD_LABEL_LAYER) === undefined) return [];
        return map.queryRenderedFeatures({ layers: [WARD_LABEL_LAYER] }).map((f) => String(f.properties["name"]));
      },
      nextFrame: () =>
        new Promise((resolve) => {
          const { frameListeners, map } = latest.current;
          const listener = () => {
            frameListeners.delete(listener);
            resolve();
          };
          frameListeners.add(listener);
          map?.triggerRepaint();
        }),
    };
    window.__iocMapTest = hooks;
    return () => {
      if (window.__iocMapTest === hooks) window.__iocMapTest = undefined;
    };
  }, []);

  return onSyntheticLayersSet;
}
