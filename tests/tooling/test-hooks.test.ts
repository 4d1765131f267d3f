import { describe, expect, it } from "vitest";
import { testHookMarkersIn } from "../../scripts/lib/test-hook-markers.js";

describe("test-only hooks in a bundle", () => {
  it("are found by name, and a clean bundle passes", () => {
    expect(testHookMarkersIn('window.__iocMapTest=h;(globalThis).__iocWall=d')).toEqual(["__iocMapTest", "__iocMap", "__iocWall"]);
    expect(testHookMarkersIn("const map=new maplibregl.Map({container})")).toEqual([]);
  });
});
