import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BackendProcess } from "../../scripts/lib/backend-process.js";
import { WardSchema, type Ward } from "../../shared/domain/ward.js";
import { CITY_PROFILE_LIMITS, type CityProfile } from "../../shared/protocol/city-profile.js";
import { CITY_AUTH_SCHEME, UPLINK_PATHS } from "../../shared/protocol/province.js";
import { changesAfter, headSeq, SECRETS, startCity, startProvince, tempDir, type TestCity } from "./province-helpers.js";

/** A province and its two cities on loopback: each city tells the province its wards when its uplink starts. */
const dir = tempDir("ioc-profile-");
let province: BackendProcess;
let cityA: BackendProcess;
let cityB: BackendProcess;

const POLL = { timeout: 30_000, interval: 200 };

beforeAll(async () => {
  province = await startProvince(join(dir, "province"));
  [cityA, cityB] = await Promise.all([startCity(join(dir, "uong-bi"), "uong-bi", province.url), startCity(join(dir, "cam-pha"), "cam-pha", province.url)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([cityA?.stop(), cityB?.stop(), province?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

/** The province's ward records as its consoles get them through the change feed, last write wins. */
async function provinceWards(): Promise<Map<string, Ward>> {
  const wards = new Map<string, Ward>();
  for (const change of await changesAfter(province.url, 0)) {
    if (change.entity !== "ward") continue;
    if (change.op === "delete") wards.delete(change.id);
    else wards.set(change.id, WardSchema.parse(change.data));
  }
  return wards;
}

const cityWards = (wards: Map<string, Ward>, city: TestCity) => [...wards.entries()].filter(([, w]) => w.cityId === city);

const putProfile = (city: string, secret: string, body: unknown) =>
  fetch(new URL(UPLINK_PATHS.profile, province.url), {
    method: "PUT",
    headers: { authorization: `${CITY_AUTH_SCHEME} ${city}:${secret}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/** Cẩm Phả's profile as the province holds it: what the city sent. */
async function heldProfile(city: TestCity): Promise<CityProfile> {
  const wards = cityWards(await provinceWards(), city).map(([, { cityId: _city, ...ward }]) => ward);
  return { name: city, wards: wards.sort((a, b) => a.code.localeCompare(b.code)) };
}

describe("cities tell the province their wards", () => {
  it("both cities' wards reach the province, each tagged with its city under <cityId>~<code>", async () => {
    await expect.poll(async () => cityWards(await provinceWards(), "uong-bi").length, POLL).toBe(11);
    await expect.poll(async () => cityWards(await provinceWards(), "cam-pha").length, POLL).toBe(11);
    const wards = await provinceWards();
    for (const city of ["uong-bi", "cam-pha"] as const) {
      for (const [id, ward] of cityWards(wards, city)) {
        expect(id).toBe(`${city}~${ward.code}`);
        expect(ward.boundary.coordinates[0]!.length).toBeGreaterThanOrEqual(4);
      }
    }
  });

  it("a resend of the same profile writes nothing (same head seq)", async () => {
    const profile = await heldProfile("uong-bi");
    expect(profile.wards).toHaveLength(11);
    const before = await headSeq(province.url);
    const response = await putProfile("uong-bi", SECRETS["uong-bi"], profile);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, value: { written: 0, removed: 0 } });
    expect(await headSeq(province.url)).toBe(before);
  });

  it("a ward the city no longer has is removed, and comes back when it is sent again", async () => {
    const profile = await heldProfile("cam-pha");
    const [dropped, ...rest] = profile.wards;
    const removed = await putProfile("cam-pha", SECRETS["cam-pha"], { ...profile, wards: rest });
    expect(await removed.json()).toEqual({ ok: true, value: { written: 0, removed: 1 } });
    const wards = await provinceWards();
    expect(wards.has(`cam-pha~${dropped!.code}`)).toBe(false);
    // The other city's ward of the same code is untouched.
    expect(wards.get(`uong-bi~${dropped!.code}`)?.cityId).toBe("uong-bi");
    const back = await putProfile("cam-pha", SECRETS["cam-pha"], profile);
    expect(await back.json()).toEqual({ ok: true, value: { written: 1, removed: 0 } });
    expect(cityWards(await provinceWards(), "cam-pha")).toHaveLength(11);
  });

  it("refuses a city with the wrong credentials, and a browser", async () => {
    const profile = await heldProfile("uong-bi");
    const before = await headSeq(province.url);
    expect((await putProfile("uong-bi", SECRETS["cam-pha"], profile)).status).toBe(401);
    expect((await putProfile("ha-long", SECRETS["uong-bi"], profile)).status).toBe(401);
    const fromBrowser = await fetch(new URL(UPLINK_PATHS.profile, province.url), {
      method: "PUT",
      headers: { authorization: `${CITY_AUTH_SCHEME} uong-bi:${SECRETS["uong-bi"]}`, "content-type": "application/json", origin: "http://127.0.0.1:8421" },
      body: JSON.stringify(profile),
    });
    expect(fromBrowser.status).toBe(403);
    expect(await headSeq(province.url)).toBe(before);
  });

  it("refuses a malformed profile with a clear error and keeps the city's wards", async () => {
    const profile = await heldProfile("uong-bi");
    const before = await headSeq(province.url);
    const badCode = await putProfile("uong-bi", SECRETS["uong-bi"], { ...profile, wards: [{ ...profile.wards[0], code: "abc" }] });
    expect(badCode.status).toBe(400);
    const body = (await badCode.json()) as { ok: boolean; error: { kind: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.kind).toBe("invalid_request");
    expect(body.error.message).toMatch(/city profile.*code/s);

    const ring = Array.from({ length: CITY_PROFILE_LIMITS.pointsPerWard + 1 }, (_, i): [number, number] => [106.7 + i * 1e-6, 21.0]);
    const huge = await putProfile("uong-bi", SECRETS["uong-bi"], { ...profile, wards: [{ ...profile.wards[0]!, boundary: { type: "Polygon", coordinates: [ring] } }] });
    expect(huge.status).toBe(400);
    expect(((await huge.json()) as { error: { message: string } }).error.message).toMatch(/at most 5000 points/);

    // Each ward within its bound, but too many points together.
    const perWard = CITY_PROFILE_LIMITS.pointsPerWard;
    const wide = Array.from({ length: Math.floor(CITY_PROFILE_LIMITS.totalPoints / perWard) + 1 }, (_, w) => ({ ...profile.wards[0]!, code: String(20000 + w), boundary: { type: "Polygon" as const, coordinates: [ring.slice(0, perWard - 1).concat([ring[0]!])] } }));
    const tooWide = await putProfile("uong-bi", SECRETS["uong-bi"], { ...profile, wards: wide });
    expect(tooWide.status).toBe(400);
    expect(((await tooWide.json()) as { error: { message: string } }).error.message).toMatch(/at most 80000 points together/);

    const tooMany = Array.from({ length: CITY_PROFILE_LIMITS.wards + 1 }, (_, i) => ({ ...profile.wards[0]!, code: String(10000 + i) }));
    expect((await putProfile("uong-bi", SECRETS["uong-bi"], { ...profile, wards: tooMany })).status).toBe(400);
    expect((await putProfile("uong-bi", SECRETS["uong-bi"], { ...profile, wards: [profile.wards[0], profile.wards[0]] })).status).toBe(400);

    expect(await headSeq(province.url)).toBe(before);
    expect(cityWards(await provinceWards(), "uong-bi")).toHaveLength(11);
  });

  it("after the link comes back the cities tell their wards again: a province restored empty gets them", async () => {
    const port = Number(new URL(province.url).port);
    await province.stop();
    // The cities' polls fail while it is away: their links go down, and up again when it is back.
    province = await startProvince(join(dir, "province-restored"), port);
    await expect.poll(async () => cityWards(await provinceWards(), "uong-bi").length, POLL).toBe(11);
    await expect.poll(async () => cityWards(await provinceWards(), "cam-pha").length, POLL).toBe(11);
  });

  it("the province's own wards (no city) are never counted as a city's", async () => {
    const wards = await provinceWards();
    for (const [id, ward] of wards) if (ward.cityId === undefined) expect(id).not.toContain("~");
  });
});
