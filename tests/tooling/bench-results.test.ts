import { describe, expect, it } from "vitest";
import { mergeResults, readResults, type Figure, type RunInfo } from "../../bench/results-file.js";


const machine = { cores: 2, cpu: "test", memoryGiB: 24, node: "v20", chromium: "Chromium 1" };
const runOf = (commit: string, benches: string[], failed: string[] = [], dirty = false): RunInfo => ({ commit, dirty, date: `date-${commit}`, machine, benches, failed });

describe("bench/results.json", () => {
  it("a full run records every figure with its bench and commit", () => {
    const file = mergeResults(null, runOf("c1", ["startup", "sync"]), new Map<string, Record<string, Figure> | null>([
      ["startup", { "startup.cold_from_cache_ms": { value: 800, unit: "ms" } }],
      ["sync", { "sync.catchup_ratio_vs_raw": { value: 0.6, unit: "ratio" } }],
    ]));
    expect(file.run).toMatchObject({ commit: "c1", mixed: false });
    expect(file.figures["startup.cold_from_cache_ms"]).toEqual({ value: 800, unit: "ms", bench: "startup", commit: "c1", date: "date-c1" });
  });

  it("a partial run replaces only its benches' figures and marks the file mixed", () => {
    const first = mergeResults(null, runOf("c1", ["startup", "sync"]), new Map<string, Record<string, Figure> | null>([
      ["startup", { "startup.cold_from_cache_ms": { value: 800, unit: "ms" } }],
      ["sync", { "sync.catchup_ratio_vs_raw": { value: 0.6, unit: "ratio" } }],
    ]));
    const second = mergeResults(first, runOf("c2", ["sync"]), new Map<string, Record<string, Figure> | null>([["sync", { "sync.catchup_ratio_vs_raw": { value: 0.7, unit: "ratio" } }]]));
    expect(second.run.mixed).toBe(true);
    expect(second.figures["startup.cold_from_cache_ms"]?.commit).toBe("c1");
    expect(second.figures["sync.catchup_ratio_vs_raw"]).toMatchObject({ value: 0.7, commit: "c2" });
  });

  it("a failed bench loses its old figures instead of leaving them", () => {
    const first = mergeResults(null, runOf("c1", ["wall"]), new Map<string, Record<string, Figure> | null>([["wall", { "wall.latency_p95_s": { value: 1.5, unit: "s" }, "wall.old_figure": { value: 1, unit: "x" } }]]));
    const failed = mergeResults(first, runOf("c2", ["wall"], ["wall"]), new Map<string, Record<string, Figure> | null>([["wall", null]]));
    expect(failed.figures).toEqual({});
    expect(failed.run.failed).toEqual(["wall"]);
  });

  it("an uncommitted tree makes even a full run mixed; an old-format file starts afresh", () => {
    expect(mergeResults(null, runOf("c1", ["startup"], [], true), new Map<string, Record<string, Figure> | null>([["startup", {}]])).run.mixed).toBe(true);
    expect(readResults('{"startup.cold_from_cache_ms":{"value":1,"unit":"ms"}}')).toBeNull();
    expect(readResults("not json")).toBeNull();
  });
});
