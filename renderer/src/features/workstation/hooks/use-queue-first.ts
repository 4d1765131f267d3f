import { useEffect, useState } from "react";
import { useLiveState } from "../../../store/store-context.js";

/** Never hold the heavy panes back longer than this, even when the core is slow to answer. */
const MAX_WAIT_MS = 3_000;

/**
 * Whether the map and the wall may load yet. In a window that shows the alarm queue they wait until
 * the first snapshot has been drawn (two frames after it arrives): their code is most of the page,
 * and compiling it while the queue is still empty is what an operator starting after a power cut
 * waits on. A window without the queue loads them at once.
 */
export function useQueueFirst(windowShowsQueue: boolean): boolean {
  const hasSnapshot = useLiveState((s) => s.hasSnapshot);
  const [ready, setReady] = useState(!windowShowsQueue);
  useEffect(() => {
    if (ready) return;
    const fallback = setTimeout(() => setReady(true), MAX_WAIT_MS);
    let frame = 0;
    if (hasSnapshot) frame = requestAnimationFrame(() => (frame = requestAnimationFrame(() => setReady(true))));
    return () => {
      clearTimeout(fallback);
      cancelAnimationFrame(frame);
    };
  }, [hasSnapshot, ready]);
  return ready;
}
