import { describe, expect, it } from "vitest";
import type { Ward } from "../../shared/domain/ward.js";
import { choroplethClasses, stepOf, wardChoropleth } from "../../renderer/src/features/dashboards/model/ward-choropleth.js";

function square(code: string, west: number, south: number, size: number): Ward {
  const ring: Array<[number, number]> = [
    [west, south],
    [west + size, south],
    [west + size, south + size],
    [west, south + size],
    [west, south],
  ];
  return { code, name: `Phường ${code}`, fullName: `Phường ${code}`, nameAscii: `Phuong ${code}`, kind: "ward", boundary: { type: "Polygon", coordinates: [ring] } };
}

describe("choropleth classes", () => {
  it("cut the range into equal intervals, the highest figure in the top class", () => {
    const classes = choroplethClasses([0, 10, 50, 100]);
    expect(classes.map((c) => [c.from, c.to])).toEqual([
      [0, 20],
      [20, 40],
      [40, 60],
      [60, 80],
      [80, 100],
    ]);
    expect([0, 20, 21, 100].map((v) => stepOf(v, classes))).toEqual([0, 0, 1, 4]);
  });

  it("make one class when every ward has the same figure, none when there are no wards", () => {
    expect(choroplethClasses([7, 7])).toEqual([{ step: 0, from: 7, to: 7 }]);
    expect(choroplethClasses([])).toEqual([]);
  });
});

describe("wardChoropleth", () => {
  it("fits the wards in the box with their shapes' proportions, each with its figure, class and label inside it", () => {
    // Two wards side by side near Uông Bí's latitude: together twice as wide as tall on the ground.
    const wards = [square("00001", 106.7, 21.0, 0.1), square("00002", 106.8, 21.0, 0.1)];
    const map = wardChoropleth(wards, new Map([["00002", 40]]), 420);
    expect(map.width).toBe(420);
    const shrink = Math.cos((21.05 * Math.PI) / 180);
    expect(map.height).toBeCloseTo((404 / (0.2 * shrink)) * 0.1 + 16, 0);
    expect(map.wards.map((w) => [w.code, w.value, w.step])).toEqual([
      ["00001", 0, 0],
      ["00002", 40, 4],
    ]);
    const [first, second] = map.wards;
    expect(first!.path.startsWith("M8,")).toBe(true);
    expect(second!.path).toContain("L412,");
    expect(first!.label[0]).toBeGreaterThan(8);
    expect(first!.label[0]).toBeLessThan(210);
    expect(second!.label[0]).toBeGreaterThan(210);
  });
});
