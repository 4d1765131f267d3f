import { describe, expect, it } from "vitest";
import { cpuPercent, descendantsOf } from "../../bench/process-cpu.js";

describe("bench CPU of one process tree", () => {
  it("takes the root and all its descendants, and nothing else", () => {
    // 1 ← 10 (the bench's Chromium) ← 11, 12 ← 13; 20 is another chromium on the machine.
    const parents = new Map([
      [10, 1],
      [11, 10],
      [12, 10],
      [13, 12],
      [20, 1],
      [21, 20],
    ]);
    expect(descendantsOf(10, parents).sort((a, b) => a - b)).toEqual([10, 11, 12, 13]);
    expect(descendantsOf(13, parents)).toEqual([13]);
  });

  it("turns clock ticks over a span into % of one core", () => {
    expect(cpuPercent(1000, 1150, 1000)).toBe(150);
    expect(cpuPercent(0, 50, 2000)).toBe(25);
  });
});
