import { describe, expect, it } from "vitest";
import { cancelLocationPick, offerMapClick, startLocationPick } from "../../renderer/src/features/cameras/hooks/use-location-pick.js";

describe("picking a camera's position on the map", () => {
  it("gives the map's next click to the waiting form, once; otherwise the map keeps its click", () => {
    expect(offerMapClick([106.78, 21.04])).toBe(false);
    const picked: unknown[] = [];
    startLocationPick((point) => picked.push(point));
    expect(offerMapClick([106.78, 21.04])).toBe(true);
    expect(offerMapClick([106.79, 21.05])).toBe(false);
    expect(picked).toEqual([[106.78, 21.04]]);
    startLocationPick((point) => picked.push(point));
    cancelLocationPick();
    expect(offerMapClick([106.8, 21.06])).toBe(false);
    expect(picked).toHaveLength(1);
  });
});
