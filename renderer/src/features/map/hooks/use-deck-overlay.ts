import { MapLibreOverlay } from "@deck.gl/maplibre";
import type { Map as MapLibreMap } from "maplibre-gl";
import { useEffect, useMemo, useRef, useState } from "react";
import { overlayContextAttributes, overlayPixelRatio } from "../model/overlay-drawing.js";
import { useWebglRendererName } from "../../../hooks/use-webgl-renderer-name.js";

export interface DeckOverlayView {
  overlay: MapLibreOverlay | null;
  /** deck.gl's WebGL context was lost and the overlay is being rebuilt. */
  contextLost: boolean;
  /** Bumped each time a rebuilt overlay has drawn its first frame. */
  recoveredCount: number;
  /** Called after every deck.gl frame (benchmarks wait on it). */
  frameListeners: Set<() => void>;
}

const isContextLoss = (error: Error) => /context/i.test(error.message) && /lost/i.test(error.message);

/**
 * deck.gl over the basemap, overlaid (its own canvas), started once the wards are on screen
 * so its context does not compete with the basemap's first frame. If its WebGL context is
 * lost the overlay is thrown away and a new one (new canvas, new context) takes its place:
 * deck.gl does not restore a lost context itself. Without a GPU it draws at half resolution,
 * without multisampling (overlay-drawing.ts).
 */
export function useDeckOverlay(map: MapLibreMap | null, ready: boolean): DeckOverlayView {
  const [overlay, setOverlay] = useState<MapLibreOverlay | null>(null);
  const [generation, setGeneration] = useState(0);
  const [contextLost, setContextLost] = useState(false);
  const [recoveredCount, setRecoveredCount] = useState(0);
  const frameListeners = useRef(new Set<() => void>()).current;
  const lostRef = useRef(false);
  const rendererName = useWebglRendererName();
  const pixelRatio = overlayPixelRatio(rendererName);
  const contextAttributes = useMemo(() => overlayContextAttributes(rendererName), [rendererName]);

  useEffect(() => {
    if (map === null || !ready) return;
    let disposed = false;
    const rebuild = () => {
      if (disposed || lostRef.current) return;
      lostRef.current = true;
      setContextLost(true);
      setGeneration((n) => n + 1);
    };
    const deckOverlay = new MapLibreOverlay({
      interleaved: false,
      useDevicePixels: pixelRatio,
      deviceProps: { webgl: contextAttributes },
      layers: [],
      onError: (error: Error) => {
        if (isContextLoss(error)) rebuild();
        else console.warn("deck.gl error", error);
      },
      onAfterRender: () => {
        if (lostRef.current) {
          lostRef.current = false;
          setContextLost(false);
          setRecoveredCount((n) => n + 1);
        }
        for (const listener of [...frameListeners]) listener();
      },
    });
    map.addControl(deckOverlay);
    // The lost event does not bubble; capturing on the container sees it on deck's canvas.
    const container = map.getContainer();
    const onLost = (event: Event) => {
      if (event.target === map.getCanvas()) return;
      event.preventDefault();
      rebuild();
    };
    container.addEventListener("webglcontextlost", onLost, true);
    setOverlay(deckOverlay);
    return () => {
      disposed = true;
      container.removeEventListener("webglcontextlost", onLost, true);
      setOverlay(null);
      try {
        // After map.remove() (unmount) the control is already gone.
        if (map.hasControl(deckOverlay)) map.removeControl(deckOverlay);
      } catch (error) {
        // Finalising a deck whose context is lost can throw; the new overlay replaces it anyway.
        console.warn("deck.gl overlay teardown", error);
      }
    };
  }, [map, ready, generation, frameListeners, pixelRatio, contextAttributes]);

  return { overlay, contextLost, recoveredCount, frameListeners };
}
