import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../../backend/cli-args.js";
import { pointInPolygon } from "../../backend/geo/point-in-polygon.js";
import { CAMERA_CATALOGUE, cameraCatalogue } from "../../backend/seed/camera-catalogue.js";
import { buildCityModel } from "../../backend/seed/city-model.js";
import { buildSeedAlarms } from "../../backend/seed/seed-alarms.js";
import { loadUongBiWards, wardByCode } from "../../backend/seed/ward-geodata.js";

describe("--cameras", () => {
  it("is absent by default and parses a whole number", () => {
    const none = parseCliArgs([]);
    expect(none.ok && none.value.cameras).toBeUndefined();
    const parsed = parseCliArgs(["--cameras", "64"]);
    expect(parsed.ok && parsed.value.cameras).toBe(64);
    const inline = parseCliArgs(["--cameras=30"]);
    expect(inline.ok && inline.value.cameras).toBe(30);
  });

  it("refuses what is not a count", () => {
    for (const bad of ["0", "-3", "2.5", "many", "5000"]) {
      const parsed = parseCliArgs(["--cameras", bad]);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.error).toContain("--cameras");
    }
    expect(parseCliArgs(["--cameras"]).ok).toBe(false);
  });
});

describe("cameraCatalogue", () => {
  it("is the seeded catalogue by default", () => {
    expect(cameraCatalogue()).toEqual(CAMERA_CATALOGUE);
  });

  it("adds simulated cameras after the catalogue's, dealt to every ward in turn", () => {
    const cameras = cameraCatalogue(64);
    expect(cameras).toHaveLength(64);
    expect(cameras.slice(0, CAMERA_CATALOGUE.length)).toEqual(CAMERA_CATALOGUE);
    expect(cameras.map((c) => c.id)).toContain("cam-64");
    expect(new Set(cameras.map((c) => c.id)).size).toBe(64);
    const extra = cameras.slice(CAMERA_CATALOGUE.length);
    expect(extra.every((c) => !c.live)).toBe(true);
    const wardCodes = new Set(CAMERA_CATALOGUE.map((c) => c.wardCode));
    expect(new Set(extra.map((c) => c.wardCode))).toEqual(wardCodes);
  });

  it("takes the first cameras when asked for fewer", () => {
    expect(cameraCatalogue(3).map((c) => c.id)).toEqual(["cam-01", "cam-02", "cam-03"]);
  });

  it("places the extra cameras inside their wards, the same way every time", () => {
    const wards = loadUongBiWards();
    const model = buildCityModel(wards, cameraCatalogue(40));
    expect(model.cameras).toHaveLength(40);
    for (const c of model.cameras) expect(pointInPolygon(c.location, wardByCode(wards, c.wardCode).boundary), c.id).toBe(true);
    expect(buildCityModel(wards, cameraCatalogue(40)).cameras).toEqual(model.cameras);
    // The catalogue's cameras keep their places whatever the count.
    expect(model.cameras.slice(0, CAMERA_CATALOGUE.length)).toEqual(buildCityModel(wards).cameras);
  });
});

describe("a smaller city", () => {
  it("seeds only the alarms whose camera or sensor it has, and every one of them comes from its cameras", () => {
    const full = buildCityModel(loadUongBiWards(), cameraCatalogue());
    const small = buildCityModel(loadUongBiWards(), cameraCatalogue(6));
    const now = new Date("2026-12-04T08:00:00.000Z");
    const all = buildSeedAlarms(full, now);
    const some = buildSeedAlarms(small, now);
    expect(some.length).toBeGreaterThan(0);
    expect(some.length).toBeLessThan(all.length);
    const cameras = new Set(small.cameras.map((camera) => camera.id));
    for (const alarm of some) if (alarm.cameraId !== null) expect(cameras.has(alarm.cameraId), alarm.id).toBe(true);
  });
});
