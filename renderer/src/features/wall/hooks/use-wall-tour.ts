import { useCallback, useEffect, useRef, useState } from "react";
import type { WallTour } from "../../../../../shared/domain/wall-view.js";
import type { Arrangement } from "../model/wall-arrangement.js";
import { applyTourStep, tourMayAdvance } from "../model/wall-tour.js";

export interface TourControl {
  tour: WallTour | null;
  step: number;
  /** Held back because the operator is working on the wall. */
  holding: boolean;
  start(tour: WallTour): void;
  stop(): void;
  /** Call on every operator interaction with the wall. */
  touch(): void;
}

/** Runs a tour: every interval, the next step, unless the operator touched the wall recently. */
export function useWallTour(visibleTileCount: number, apply: (change: (current: Arrangement) => Arrangement) => void): TourControl {
  const [tour, setTour] = useState<WallTour | null>(null);
  const [step, setStep] = useState(0);
  const [holding, setHolding] = useState(false);
  const lastInteraction = useRef(0);

  useEffect(() => {
    if (tour === null) return;
    let current = 0;
    apply((arrangement) => applyTourStep(arrangement, tour, 0, visibleTileCount));
    setStep(0);
    const timer = setInterval(() => {
      if (!tourMayAdvance(Date.now(), lastInteraction.current, false)) {
        setHolding(true);
        return;
      }
      setHolding(false);
      current += 1;
      setStep(current);
      apply((arrangement) => applyTourStep(arrangement, tour, current, visibleTileCount));
    }, tour.intervalSeconds * 1000);
    return () => clearInterval(timer);
  }, [tour, visibleTileCount, apply]);

  const start = useCallback((next: WallTour) => {
    lastInteraction.current = 0;
    setHolding(false);
    setTour(next);
  }, []);
  const stop = useCallback(() => {
    setTour(null);
    setHolding(false);
  }, []);
  const touch = useCallback(() => {
    lastInteraction.current = Date.now();
  }, []);

  return { tour, step, holding, start, stop, touch };
}
