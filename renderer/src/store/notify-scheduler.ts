/** In a burst, store notifications (and the React renders they cause) come at most this often. */
export const BURST_NOTIFY_INTERVAL_MS = 100;
/** A burst: this many notifications within as many burst intervals (a flood, not a conversation). */
const BURST_FLUSHES = 3;

/**
 * Coalesces store notifications to at most one per frame: a burst of core events
 * (hundreds of alarm updates after a reconnect) then costs one React render, not hundreds.
 * While events keep coming (an alarm flood), at most one per BURST_NOTIFY_INTERVAL_MS: every
 * render of the queue and the map passes over all alarms, so ten a second instead of sixty left
 * the main thread room for its frames. Outside a burst (an acknowledgement, a single alarm) a
 * notification still goes out on the next frame.
 * The timeout keeps updates flowing when the window is hidden and frames stop.
 */
export function frameCoalescer(flush: () => void, maxWaitMs = 100, burstIntervalMs = BURST_NOTIFY_INTERVAL_MS, now: () => number = () => Date.now()): () => void {
  let scheduled = false;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const recentFlushes: number[] = [];
  const run = () => {
    if (!scheduled) return;
    scheduled = false;
    if (typeof cancelAnimationFrame === "function") cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
    timer = null;
    recentFlushes.push(now());
    if (recentFlushes.length > BURST_FLUSHES) recentFlushes.shift();
    flush();
  };
  const inNextFrame = () => {
    if (typeof requestAnimationFrame === "function") frame = requestAnimationFrame(run);
    timer = setTimeout(run, maxWaitMs);
  };
  return () => {
    if (scheduled) return;
    scheduled = true;
    const at = now();
    const inBurst = recentFlushes.length === BURST_FLUSHES && at - recentFlushes[0]! < BURST_FLUSHES * burstIntervalMs;
    const wait = inBurst ? recentFlushes[recentFlushes.length - 1]! + burstIntervalMs - at : 0;
    if (wait > 0) setTimeout(inNextFrame, wait);
    else inNextFrame();
  };
}
