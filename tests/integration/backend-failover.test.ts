import { describe, expect, it } from "vitest";
import { BackendClient } from "../../electron/core/sync/backend-client.js";
import { backendUrlList, failoverOrder } from "../../electron/core/sync/backend-failover.js";
import { freePort } from "../../scripts/lib/free-port.js";
import { FakeBackend } from "./fake-backend.js";

const SIGNED_IN = { authorization: () => `Bearer ${"t".repeat(43)}`, onUnauthenticated: () => undefined };

describe("failover between a backend's instances", () => {
  it("tries the current instance first, then the others in turn", () => {
    expect(failoverOrder(0, 1)).toEqual([0]);
    expect(failoverOrder(1, 3)).toEqual([1, 2, 0]);
    expect(backendUrlList("http://a")).toEqual(["http://a"]);
    expect(backendUrlList(["http://a", "http://b", "http://a"])).toEqual(["http://a", "http://b"]);
    expect(() => backendUrlList([])).toThrow("at least one backend URL");
  });

  it("a client whose instance cannot be reached moves to the next one and stays there", async () => {
    const fake = await new FakeBackend().start();
    try {
      const dead = `http://127.0.0.1:${await freePort()}`;
      const client = new BackendClient([dead, fake.url], 2000, SIGNED_IN);
      expect(client.baseUrl).toBe(dead);
      expect((await client.hello()).ok).toBe(true);
      expect(client.baseUrl).toBe(fake.url);
      expect(client.streamUrl(5)).toContain(new URL(fake.url).host);
      expect((await client.changeLineBytes(0, 10)).ok).toBe(true);

      const alone = new BackendClient([dead], 2000, SIGNED_IN);
      const offline = await alone.hello();
      expect(offline).toMatchObject({ ok: false, error: { kind: "offline", message: expect.stringContaining(`Cannot reach the central backend at ${dead}`) } });
    } finally {
      await fake.stop();
    }
  });
});
