import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { sendCityProfile } from "../../backend/province/send-city-profile.js";
import { planCityWards } from "../../backend/province/receive-city-profile.js";
import type { CityProfile } from "../../shared/protocol/city-profile.js";

const ward = (code: string) => ({
  code,
  name: `P. ${code}`,
  fullName: `Phường ${code}`,
  nameAscii: `P ${code}`,
  kind: "ward" as const,
  boundary: { type: "Polygon" as const, coordinates: [[[106.7, 21.0], [106.71, 21.0], [106.71, 21.01], [106.7, 21.0]] as [number, number][]] },
});
const profile: CityProfile = { name: "Uông Bí", wards: [ward("06808"), ward("06811")] };

function capturingLogger() {
  const lines: Array<{ level: number; msg: string }> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as { level: number; msg: string });
      done();
    },
  });
  return { logger: pino({ level: "info" }, stream), lines };
}

let server: Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server === null ? resolve() : server.close(() => resolve()))));

function answering(status: number, body: unknown): Promise<string> {
  server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    });
  });
  return new Promise((resolve) => server!.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server!.address() as AddressInfo).port}`)));
}

describe("the city's side of its profile", () => {
  it("a refusal is logged as a warning with the province's reason, and answered, never thrown", async () => {
    const url = await answering(400, { ok: false, error: { kind: "invalid_request", message: "Malformed city profile: wards.0.code: Invalid string" } });
    const { logger, lines } = capturingLogger();
    const outcome = await sendCityProfile({ provinceUrl: url, headers: {}, profile, logger });
    expect(outcome).toEqual({ kind: "refused", message: "Malformed city profile: wards.0.code: Invalid string" });
    await new Promise((r) => setImmediate(r));
    const warning = lines.find((l) => l.level === 40);
    expect(warning?.msg).toMatch(/refused this city's profile/);
  });

  it("an unreachable province is told apart (sent again when the link comes back)", async () => {
    const { logger } = capturingLogger();
    const outcome = await sendCityProfile({ provinceUrl: "http://127.0.0.1:1", headers: {}, profile, logger });
    expect(outcome.kind).toBe("unreachable");
  });

  it("an accepted profile answers with what the province changed", async () => {
    const url = await answering(200, { ok: true, value: { written: 2, removed: 0 } });
    const { logger } = capturingLogger();
    expect(await sendCityProfile({ provinceUrl: url, headers: {}, profile, logger })).toEqual({ kind: "sent", written: 2, removed: 0 });
  });
});

describe("the province's plan for a city's wards", () => {
  it("writes what differs, tagged with the city; keeps what is the same (key order aside); removes what the city no longer has", () => {
    const same = { cityId: "uong-bi", ...ward("06808") };
    const stored = new Map<string, unknown>([
      ["uong-bi~06808", same],
      ["uong-bi~06900", { ...ward("06900"), cityId: "uong-bi" }],
    ]);
    const writes = planCityWards("uong-bi", profile, stored);
    expect(writes).toEqual([
      { entity: "ward", op: "upsert", id: "uong-bi~06811", data: { ...ward("06811"), cityId: "uong-bi" } },
      { entity: "ward", op: "delete", id: "uong-bi~06900" },
    ]);
    expect(planCityWards("uong-bi", { ...profile, wards: [ward("06808")] }, new Map([["uong-bi~06808", same]]))).toEqual([]);
  });
});
