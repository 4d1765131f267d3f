/**
 * Coalesces store notifications to at most one per frame: a burst of core events
 * (hundreds of alarm updates after a reconnect) then costs one React render, not hundreds.
 * The timeout keeps updates flowing when the window is hidden and frames stop.
 */
export function frameCoalescer(flush: () => void, maxWaitMs = 100): () => void {
  let scheduled = false;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    if (!scheduled) return;
    scheduled = false;
    if (typeof cancelAnimationFrame === "function") cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
    timer = null;
    flush();
  };
  return () => {
    if (scheduled) return;
    scheduled = true;
    if (typeof requestAnimationFrame === "function") frame = requestAnimationFrame(run);
    timer = setTimeout(run, maxWaitMs);
  };
}
