import { describe, expect, it } from "vitest";
import type { Ward } from "../../shared/domain/ward.js";
import { wardRecordId } from "../../shared/domain/ward.js";
import { cityWardOptions, initialWard, provinceWardName } from "../../renderer/src/features/province/model/directive-draft.js";

const boundary: Ward["boundary"] = { type: "Polygon", coordinates: [[[106.7, 21.0], [106.8, 21.0], [106.8, 21.1], [106.7, 21.0]]] };
const ward = (cityId: string | undefined, code: string, name: string): Ward => ({ code, name, fullName: name, nameAscii: name, kind: "ward", boundary, ...(cityId === undefined ? {} : { cityId }) });
const wards = [ward("uong-bi", "06808", "Vàng Danh"), ward("cam-pha", "90001", "Cẩm Đông"), ward("uong-bi", "06811", "Thanh Sơn"), ward(undefined, "22000", "Tỉnh")];

describe("a directive's ward (pure)", () => {
  it("offers only the chosen city's wards, by name, and starts on the escalation's when the city told it", () => {
    const options = cityWardOptions(wards, "uong-bi");
    expect(options).toEqual([
      { code: "06811", name: "Thanh Sơn" },
      { code: "06808", name: "Vàng Danh" },
    ]);
    expect(cityWardOptions(wards, "ha-long")).toEqual([]);
    expect(initialWard(options, "06808")).toBe("06808");
    expect(initialWard(options, "90001")).toBe("");
    expect(initialWard(options, null)).toBe("");
  });

  it("names a sent directive's ward as its city calls it, or by its code when the province does not know it", () => {
    const byId = new Map(wards.map((w) => [wardRecordId(w), w]));
    expect(provinceWardName(byId, "uong-bi", "06808")).toBe("Vàng Danh");
    expect(provinceWardName(byId, "cam-pha", "06808")).toBe("06808");
  });
});
