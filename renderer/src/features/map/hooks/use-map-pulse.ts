import { useEffect, useState } from "react";

/**
 * The halo scale of unacknowledged alarms: two steps a little over a second apart rather than
 * a smooth animation, because every deck.gl redraw costs a full frame on a CPU-rendered page.
 * Steady (1) when the operator asked for reduced motion or nothing waits.
 */
export function useMapPulse(active: boolean): number {
  const [big, setBig] = useState(false);
  useEffect(() => {
    if (!active) return;
    if (window.matchMedia?.("(prefers-reduced-motion: reduce)").matches) return;
    const timer = setInterval(() => setBig((b) => !b), 700);
    return () => {
      clearInterval(timer);
      setBig(false);
    };
  }, [active]);
  return active && big ? 1.7 : 1;
}
