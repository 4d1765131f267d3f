import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnBackend, type BackendProcess } from "../../scripts/lib/backend-process.js";
import { sessionOf } from "../../scripts/lib/backend-session.js";
import { freePort } from "../../scripts/lib/free-port.js";
import { CITY_AUTH_SCHEME } from "../../shared/protocol/province.js";
import { PROVINCE_AUTH_SCHEME, SHARE_PATHS, sharedCameraPlaylistPath } from "../../shared/protocol/camera-share.js";
import { STREAM_TOKEN_PARAM } from "../../shared/protocol/session.js";
import { provinceShareToken } from "../../backend/province/camera-share-city.js";
import { command, escalationWrites, headSeq, raiseAlarm, SECRETS, tempDir } from "./province-helpers.js";
import { VIDEO_CACHE_DIR } from "../e2e/harness/stack.js";
import { untilValue } from "../shared/until.js";

const until = <T>(what: string, probe: () => Promise<T | null>): Promise<T> => untilValue(what, probe, 60_000);

/**
 * A province and one city with real video (its live camera cam-01, encoded by ffmpeg): a camera the
 * city shared with an escalation plays at the province through the city's backend; nothing else does.
 */
const dir = tempDir("ioc-camera-share-");
const CONSOLE = "http://127.0.0.1:8421";
let province: BackendProcess;
let city: BackendProcess;

beforeAll(async () => {
  province = await spawnBackend({
    port: await freePort(),
    dataDir: join(dir, "province"),
    extraArgs: ["--demo", "--no-simulator", "--no-video", "--no-recording", "--quiet", "--console-origin", CONSOLE, "--role", "province", "--city", "uong-bi=Uông Bí", "--city", "cam-pha=Cẩm Phả"],
    env: { IOC_CITY_SECRET_UONG_BI: SECRETS["uong-bi"], IOC_CITY_SECRET_CAM_PHA: SECRETS["cam-pha"] },
  });
  city = await spawnBackend({
    port: await freePort(),
    dataDir: join(dir, "uong-bi"),
    extraArgs: ["--demo", "--simulator-api", "--no-simulator", "--no-recording", "--quiet", "--cameras", "2", "--video-cache-dir", VIDEO_CACHE_DIR, "--province-url", province.url, "--city-id", "uong-bi"],
    env: { IOC_CITY_SECRET: SECRETS["uong-bi"] },
  });
}, 120_000);

afterAll(async () => {
  await Promise.all([city?.stop(), province?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

/** A GET at the province as a console page would make it: the operator's stream token, the console's Origin. */
async function atProvince(path: string, { as = "sup-01", origin = CONSOLE, token = true }: { as?: string; origin?: string | null; token?: boolean } = {}): Promise<Response> {
  const url = new URL(path, province.url);
  if (token) url.searchParams.set(STREAM_TOKEN_PARAM, (await sessionOf(province.url, as)).streamToken);
  return fetch(url, { headers: origin === null ? {} : { origin } });
}

/** With only two cameras the simulator's factory sometimes finds no anchor for an alarm (it throws): ask again. */
async function raiseOne(url: string): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const id = await raiseAlarm(url).catch(() => null);
    if (id !== null) return id;
  }
  throw new Error("the city's simulator raised no alarm in 20 attempts");
}

const reasonOf = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;

describe("a city's camera shared with an escalation, played at the province", () => {
  beforeAll(async () => {
    const from = await headSeq(province.url);
    const alarmId = await raiseOne(city.url);
    const escalated = await command(city.url, "op-01", { type: "escalate", target: { kind: "alarm", id: alarmId }, to: "province_ioc", reason: "Cần xem camera", cameraIds: ["cam-01"] });
    expect(escalated.ok).toBe(true);
    const stored = await until("the escalation at the province", async () => (await escalationWrites(province.url, from)).find((e) => e.alarm.id === alarmId) ?? null);
    expect(stored.cameraIds).toEqual(["cam-01"]);
  }, 90_000);

  it("plays through the province: the playlist, then a segment it names, both fetched from the city", async () => {
    const playlist = await until("the shared playlist", async () => {
      const response = await atProvince(sharedCameraPlaylistPath("uong-bi", "cam-01"));
      return response.status === 200 ? response : null;
    });
    expect(playlist.headers.get("content-type")).toContain("mpegurl");
    expect(playlist.headers.get("access-control-allow-origin")).toBe(CONSOLE);
    const text = await playlist.text();
    expect(text).toContain("#EXTM3U");
    const uris = text.split("\n").filter((line) => line !== "" && !line.startsWith("#"));
    expect(uris.length).toBeGreaterThan(0);
    // Relative URIs: the player asks the province for the segments too.
    for (const uri of uris) expect(uri).not.toMatch(/^(https?:|\/)/);
    const segment = await atProvince(`${SHARE_PATHS.province}/uong-bi/cam-01/${uris.at(-1) ?? ""}`);
    expect(segment.status).toBe(200);
    expect(segment.headers.get("content-type")).toBe("video/mp2t");
    const bytes = Buffer.from(await segment.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(1000);
    expect(bytes[0]).toBe(0x47); // an MPEG-TS sync byte
  }, 90_000);

  it("refuses a camera the city did not share, and a shared camera asked of another city", async () => {
    const unshared = await atProvince(sharedCameraPlaylistPath("uong-bi", "cam-02"));
    expect(unshared.status).toBe(403);
    expect(await reasonOf(unshared)).toContain("has not shared camera cam-02");
    const otherCity = await atProvince(sharedCameraPlaylistPath("cam-pha", "cam-01"));
    expect(otherCity.status).toBe(403);
    expect(await reasonOf(otherCity)).toContain("Cẩm Phả");
    expect((await atProvince(sharedCameraPlaylistPath("ha-long", "cam-01"))).status).toBe(404);
  });

  it("refuses a request without a session, from another origin, from a viewer, or with a path that climbs out", async () => {
    expect((await atProvince(sharedCameraPlaylistPath("uong-bi", "cam-01"), { token: false })).status).toBe(401);
    const elsewhere = await atProvince(sharedCameraPlaylistPath("uong-bi", "cam-01"), { origin: "http://evil.example" });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.headers.get("access-control-allow-origin")).toBeNull();
    const viewer = await atProvince(sharedCameraPlaylistPath("uong-bi", "cam-01"), { as: "view-01" });
    expect(viewer.status).toBe(403);
    expect(await reasonOf(viewer)).toContain("viewer");
    expect((await atProvince(`${SHARE_PATHS.province}/uong-bi/cam-01/a/b/index.m3u8`)).status).toBe(400);
    expect((await atProvince(`${SHARE_PATHS.province}/uong-bi/cam-01/%2e%2e%2fx.m3u8`)).status).toBe(400);
  });

  it("the city serves its share route only to the province's credentials, and only shared cameras", async () => {
    const direct = (cameraId: string, headers: Record<string, string>) => fetch(new URL(`${SHARE_PATHS.city}/${cameraId}/index.m3u8`, city.url), { headers });
    const asProvince = { authorization: `${PROVINCE_AUTH_SCHEME} ${provinceShareToken(SECRETS["uong-bi"], Date.now() + 60_000)}` };
    expect((await direct("cam-01", {})).status).toBe(401);
    expect((await direct("cam-01", { authorization: `${CITY_AUTH_SCHEME} uong-bi:${SECRETS["uong-bi"]}` })).status).toBe(401);
    expect((await direct("cam-01", { authorization: `${PROVINCE_AUTH_SCHEME} ${provinceShareToken(SECRETS["cam-pha"], Date.now() + 60_000)}` })).status).toBe(401);
    // A credential seen on the wire is worth a minute: an expired one is refused.
    expect((await direct("cam-01", { authorization: `${PROVINCE_AUTH_SCHEME} ${provinceShareToken(SECRETS["uong-bi"], Date.now() - 120_000)}` })).status).toBe(401);
    expect((await direct("cam-01", { ...asProvince, origin: CONSOLE })).status).toBe(403);
    const unshared = await direct("cam-02", asProvince);
    expect(unshared.status).toBe(403);
    expect(await reasonOf(unshared)).toContain("not shared with the province");
    // An operator's stream token is no way in either.
    const operator = await sessionOf(city.url, "sup-01");
    expect((await fetch(new URL(`${SHARE_PATHS.city}/cam-01/index.m3u8?${STREAM_TOKEN_PARAM}=${operator.streamToken}`, city.url))).status).toBe(401);
  });
});
