import { describe, expect, it } from "vitest";
import { slopeMbPerHour } from "../../bench/memory-slope.js";

describe("memory growth per hour", () => {
  it("fits the samples after warm-up, in MB per hour", () => {
    // 100 MB then +2 MB every 6 minutes (20 MB/h), after a warm-up that jumped by 50 MB.
    const samples = [{ atMs: 0, mb: 50 }, ...Array.from({ length: 10 }, (_, i) => ({ atMs: 300_000 + i * 360_000, mb: 100 + 2 * i }))];
    expect(slopeMbPerHour(samples, 300_000)).toBeCloseTo(20, 6);
    expect(slopeMbPerHour(samples, 0)).toBeGreaterThan(20);
  });

  it("is flat for flat memory and NaN with too few samples", () => {
    expect(slopeMbPerHour([{ atMs: 0, mb: 10 }, { atMs: 1, mb: 10 }, { atMs: 2, mb: 10 }], 0)).toBe(0);
    expect(slopeMbPerHour([{ atMs: 0, mb: 10 }, { atMs: 1, mb: 12 }], 0)).toBeNaN();
  });
});
