import { randomBytes } from "node:crypto";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { CITY_AUTH_SCHEME, UPLINK_PATHS } from "../../shared/protocol/province.js";
import { CityCredentials } from "../../backend/province/city-credentials.js";
import { registerUplinkRoutes } from "../../backend/province/uplink-routes.js";
import { openSqliteStore } from "../../backend/store/sqlite-store.js";

const CITIES = [
  { id: "uong-bi", name: "Uông Bí", secret: "uong-bi-secret-0123456789" },
  { id: "cam-pha", name: "Cẩm Phả", secret: "cam-pha-secret-0123456789" },
];

describe("the province's bound on what one city sends", () => {
  it("takes a city's items up to its burst, then refuses whole batches (to be sent again), and another city is not held up", async () => {
    const store = openSqliteStore({ filename: ":memory:", auditKey: randomBytes(32) });
    const app = Fastify();
    registerUplinkRoutes(app, store, await CityCredentials.create(CITIES), () => undefined, () => undefined, { burst: 3, perSecond: 0.001 });
    const post = (city: (typeof CITIES)[number], count: number) =>
      app.inject({
        method: "POST",
        url: UPLINK_PATHS.escalations,
        headers: { authorization: `${CITY_AUTH_SCHEME} ${city.id}:${city.secret}`, "content-type": "application/json" },
        payload: { items: Array.from({ length: count }, (_, i) => ({ key: `${city.id}~broken~${i}` })) },
      });
    try {
      const first = await post(CITIES[0]!, 2);
      expect(first.statusCode).toBe(200);
      expect((first.json() as { value: { answers: unknown[] } }).value.answers).toHaveLength(2);
      const audited = (await store.auditLog(100)).length;
      const over = await post(CITIES[0]!, 2);
      expect(over.statusCode).toBe(429);
      expect(over.json()).toMatchObject({ ok: false, error: { kind: "rate_limited", message: expect.stringContaining("Uông Bí") } });
      // Nothing of the refused batch was taken, not even as refused items.
      expect((await store.auditLog(100)).length).toBe(audited);
      expect((await post(CITIES[1]!, 2)).statusCode).toBe(200);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
