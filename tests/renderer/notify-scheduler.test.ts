import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BURST_NOTIFY_INTERVAL_MS, frameCoalescer } from "../../renderer/src/store/notify-scheduler.js";

describe("store notification coalescing", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("coalesces a burst into one notification, and an isolated event is not held back", () => {
    const flush = vi.fn();
    const schedule = frameCoalescer(flush, 16, BURST_NOTIFY_INTERVAL_MS, () => Date.now());
    for (let i = 0; i < 50; i++) schedule();
    vi.advanceTimersByTime(16);
    expect(flush).toHaveBeenCalledTimes(1);
    // Quiet for a while, then one event: shown within a frame.
    vi.advanceTimersByTime(1_000);
    schedule();
    vi.advanceTimersByTime(16);
    expect(flush).toHaveBeenCalledTimes(2);
  });

  it("a conversation (an event every 200 ms) is never held back", () => {
    const flush = vi.fn();
    const schedule = frameCoalescer(flush, 16, BURST_NOTIFY_INTERVAL_MS, () => Date.now());
    for (let i = 0; i < 10; i++) {
      schedule();
      vi.advanceTimersByTime(16);
      expect(flush).toHaveBeenCalledTimes(i + 1);
      vi.advanceTimersByTime(184);
    }
  });

  it("while events keep coming, notifies at most once per burst interval, and never drops the last", () => {
    const flush = vi.fn();
    const schedule = frameCoalescer(flush, 16, BURST_NOTIFY_INTERVAL_MS, () => Date.now());
    // An event every 5 ms for one second (a flood).
    for (let t = 0; t < 1_000; t += 5) {
      schedule();
      vi.advanceTimersByTime(5);
    }
    vi.advanceTimersByTime(BURST_NOTIFY_INTERVAL_MS + 16);
    const calls = flush.mock.calls.length;
    // The first few go out frame by frame, then ten a second.
    expect(calls).toBeGreaterThanOrEqual(8);
    expect(calls).toBeLessThanOrEqual(14);
    // Nothing is left pending after the burst.
    vi.advanceTimersByTime(1_000);
    expect(flush.mock.calls.length).toBe(calls);
  });
});
