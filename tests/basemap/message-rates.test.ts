import { describe, expect, it } from "vitest";
import { MESSAGE_RATE, MessageRates, TILE_RATE } from "../../electron/web/message-rates.js";

describe("the browser console's message budgets", () => {
  it("gives street map tiles a budget of their own, so a zoom over a wall display neither is refused nor spends the operator's", () => {
    const rates = new MessageRates(4);
    const tile = { type: "basemap.tile", tile: { z: 14, x: 1, y: 1 } };
    for (let i = 0; i < TILE_RATE.burst; i++) expect(rates.take("page", tile, 0)).toBe(true);
    expect(rates.take("page", tile, 0)).toBe(false);
    for (let i = 0; i < MESSAGE_RATE.burst; i++) expect(rates.take("page", { type: "command", command: { type: "acknowledge", target: { kind: "alarm", id: "a" } } }, 0)).toBe(true);
    expect(rates.take("page", { type: "snapshot" }, 0)).toBe(false);
  });

  it("counts anything that is not a tile request, malformed ones too, against the API budget", () => {
    const rates = new MessageRates(4);
    for (let i = 0; i < MESSAGE_RATE.burst; i++) expect(rates.take("page", "garbage", 0)).toBe(true);
    expect(rates.take("page", { type: "basemap.tile" }, 0)).toBe(true);
    expect(rates.take("page", null, 0)).toBe(false);
  });
});
