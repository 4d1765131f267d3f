import { describe, expect, it } from "vitest";
import { formatCityDateTime, formatCityTick, formatCityTime } from "../../shared/time.js";

// 17:05 UTC is 00:05 the next day in Uông Bí (UTC+7), whatever zone this machine is in.
const at = new Date("2026-12-04T17:05:09.000Z");

describe("times in city time", () => {
  it("reads a moment in the city's zone, 24-hour", () => {
    expect(formatCityTime(at)).toBe("00:05:09");
    expect(formatCityDateTime(at)).toMatch(/^00:05:09 05.12.2026$/);
  });

  it("labels a chart's ticks by the span shown: hours in a day, days and hours in a week, days beyond", () => {
    expect(formatCityTick(at, 24 * 3_600_000)).toBe("00:05");
    const week = formatCityTick(at, 7 * 86_400_000);
    expect(week).toContain("00:05");
    expect(week).toMatch(/05.12/);
    expect(formatCityTick(at, 30 * 86_400_000)).toMatch(/^05.12$/);
    expect(formatCityTick(new Date("2026-12-04T07:00:00.000Z"), 3_600_000, "en-GB")).toBe("14:00");
  });
});
