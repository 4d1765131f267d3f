import { describe, expect, it } from "vitest";
import type { Sensor } from "../../shared/domain/sensor.js";
import { appendReading, domainSensors, readingSeries } from "../../renderer/src/features/dashboards/model/sensor-series.js";

const at = (minute: number): string => new Date(Date.UTC(2026, 11, 4, 10, minute)).toISOString();

describe("a sensor's readings on the dashboard", () => {
  it("adds a newer reading, ignores one already shown, and lets go of those past the day", () => {
    const readings = [{ at: at(1), value: 1 }, { at: at(2), value: 2 }];
    expect(appendReading(readings, { at: at(3), value: 3 }, at(0))).toEqual([...readings, { at: at(3), value: 3 }]);
    expect(appendReading(readings, { at: at(2), value: 2 }, at(0))).toBe(readings);
    expect(appendReading(readings, { at: at(1), value: 9 }, at(0))).toBe(readings);
    expect(appendReading(readings, { at: at(4), value: 4 }, at(2))).toEqual([{ at: at(2), value: 2 }, { at: at(4), value: 4 }]);
    expect(appendReading([], { at: at(4), value: 4 }, at(0))).toEqual([{ at: at(4), value: 4 }]);
  });

  it("draws times in seconds against values, over the day before now", () => {
    const now = new Date(at(30));
    expect(readingSeries([{ at: at(1), value: 1.5 }], now, 24)).toEqual({ times: [Date.parse(at(1)) / 1000], values: [1.5], span: { fromS: now.getTime() / 1000 - 86_400, toS: now.getTime() / 1000 } });
  });

  it("lists the environment's sensors of a ward by kind, then name; traffic counters are traffic's", () => {
    const make = (id: string, kind: Sensor["kind"], wardCode: string, name: string): Sensor => ({ id, name, kind, wardCode, location: [0, 0], unit: "", lastValue: null, lastAt: null });
    const sensors = [make("a", "noise", "1", "Ồn chợ"), make("b", "air_quality", "1", "Không khí B"), make("c", "traffic_count", "1", "Đếm xe"), make("d", "air_quality", "2", "Không khí A"), make("e", "air_quality", "1", "Ánh")];
    expect(domainSensors(sensors, "environment", "1").map((s) => s.id)).toEqual(["e", "b", "a"]);
    expect(domainSensors(sensors, "environment", null).map((s) => s.id)).toEqual(["e", "d", "b", "a"]);
    expect(domainSensors(sensors, "traffic", null).map((s) => s.id)).toEqual(["c"]);
    expect(domainSensors(sensors, "tourism", null)).toEqual([]);
  });
});
