import { describe, expect, it } from "vitest";
import { shiftPeriod } from "../../renderer/src/features/dashboards/model/shift-periods.js";

// City time is UTC+7: 06:00 in Uông Bí is 23:00 UTC the day before.
const at = (iso: string) => new Date(iso);

describe("shiftPeriod", () => {
  it("covers the last eight hours up to now", () => {
    expect(shiftPeriod("last8h", at("2026-12-04T10:00:00.000Z"))).toEqual({ from: at("2026-12-04T02:00:00.000Z"), to: at("2026-12-04T10:00:00.000Z") });
  });

  it("takes a finished shift whole, and a running one up to now", () => {
    // 17:00 in the city: the morning shift (06–14) is over, the afternoon one (14–22) is running.
    const now = at("2026-12-04T10:00:00.000Z");
    expect(shiftPeriod("06", now)).toEqual({ from: at("2026-12-03T23:00:00.000Z"), to: at("2026-12-04T07:00:00.000Z") });
    expect(shiftPeriod("14", now)).toEqual({ from: at("2026-12-04T07:00:00.000Z"), to: now });
  });

  it("takes the night shift that started yesterday evening, across midnight", () => {
    // 03:00 in the city on 5 December: the night shift began at 22:00 on the 4th.
    const now = at("2026-12-04T20:00:00.000Z");
    expect(shiftPeriod("22", now)).toEqual({ from: at("2026-12-04T15:00:00.000Z"), to: now });
    // The morning shift of the 5th has not begun: the last one is the 4th's.
    expect(shiftPeriod("06", now)).toEqual({ from: at("2026-12-03T23:00:00.000Z"), to: at("2026-12-04T07:00:00.000Z") });
  });
});
