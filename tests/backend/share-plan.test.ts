import { describe, expect, it } from "vitest";
import type { Alarm } from "../../shared/domain/alarm.js";
import type { EscalatedRecord } from "../../backend/province/uplink-plan.js";
import { IncidentSchema } from "../../shared/domain/incident.js";
import { QUEUED_DELIVERY } from "../../shared/domain/escalation-delivery.js";
import { SHARE_WINDOW_MS } from "../../shared/domain/shared-cameras.js";
import { CityUrlSchema, rewriteSharedPlaylist, SharePathSchema } from "../../shared/protocol/camera-share.js";
import { citySharesOf, ShareIndex } from "../../backend/province/share-plan.js";
import { escalatedAlarm } from "../shared/fixtures.js";

const T = "2026-12-04T08:00:00.000Z";
const NOW = Date.parse(T) + 60_000;

const alarm = (escalations: Array<Record<string, unknown>>, resolution: Alarm["resolution"] = null) => escalatedAlarm(escalations, { raisedAt: T, resolution });

const subject = (record: Alarm): EscalatedRecord => ({ kind: "alarm", record });

describe("what a city shares with the province (pure)", () => {
  it("an unresolved alarm's escalations share their cameras within the window; a refused one shares nothing", () => {
    const index = new ShareIndex();
    index.set("alm-1", citySharesOf(subject(alarm([{ cameraIds: ["cam-01"] }, { cameraIds: ["cam-02"], delivery: { ...QUEUED_DELIVERY, state: "refused", error: "x" } }]))));
    expect(index.isShared("cam-01", NOW)).toBe(true);
    expect(index.isShared("cam-02", NOW)).toBe(false);
    expect(index.isShared("cam-01", Date.parse(T) + SHARE_WINDOW_MS)).toBe(false);
  });

  it("closing an incident ends its shares", () => {
    const incident = IncidentSchema.parse({ id: "inc-0b8f5a2e-1c3d", title: "t", status: "open", wardCode: "w", location: [106.7, 21.0], alarmIds: [], assignedUnit: null, createdAt: T, updatedAt: T, escalations: [{ at: T, operatorId: "op-01", operatorName: "Op", to: "province_ioc", reason: "r", cameraIds: ["cam-05"] }] });
    expect(citySharesOf({ kind: "incident", record: incident }).map((e) => e.key)).toEqual(["cam-05"]);
    expect(citySharesOf({ kind: "incident", record: { ...incident, status: "closed" } })).toEqual([]);
  });

  it("resolving the alarm ends its shares", () => {
    const resolved = alarm([{ cameraIds: ["cam-01"] }], { at: T, operatorId: "op-01", operatorName: "Op", note: "xong" });
    expect(citySharesOf(subject(resolved))).toEqual([]);
    const index = new ShareIndex();
    index.set("alm-1", citySharesOf(subject(alarm([{ cameraIds: ["cam-01"] }]))));
    index.set("alm-1", citySharesOf(subject(resolved)));
    expect(index.isShared("cam-01", NOW)).toBe(false);
  });
});

describe("the proxy's bounds (pure)", () => {
  it("keeps a playlist whose URIs stay below the camera, without their query strings", () => {
    const master = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\n180p/index.m3u8?x=1\n";
    expect(rewriteSharedPlaylist(master)).toEqual({ ok: true, value: "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\n180p/index.m3u8\n" });
    expect(rewriteSharedPlaylist('#EXTM3U\n#EXT-X-MAP:URI="init.mp4?st=a"\nseg-1.ts').ok).toBe(true);
  });

  it("refuses a playlist pointing elsewhere", () => {
    for (const uri of ["http://10.0.0.1/x.ts", "/hls/cam-02/seg-1.ts", "../cam-02/seg-1.ts", "a/b/c.ts"]) expect(rewriteSharedPlaylist(`#EXTM3U\n${uri}\n`).ok).toBe(false);
    expect(rewriteSharedPlaylist('#EXTM3U\n#EXT-X-MAP:URI="https://elsewhere/init.mp4"\n').ok).toBe(false);
  });

  it("bounds path segments and the cities' announced addresses", () => {
    expect(SharePathSchema.safeParse("360p/seg-12.ts").success).toBe(true);
    expect(SharePathSchema.safeParse("..").success).toBe(false);
    expect(SharePathSchema.safeParse("").success).toBe(false);
    expect(SharePathSchema.safeParse("x".repeat(70)).success).toBe(false);
    expect(CityUrlSchema.safeParse("http://10.0.1.5:8420").success).toBe(true);
    expect(CityUrlSchema.safeParse("file:///etc/passwd").success).toBe(false);
    expect(CityUrlSchema.safeParse("http://user:pw@host").success).toBe(false);
    expect(CityUrlSchema.safeParse("http://host/?q=1").success).toBe(false);
    // An empty query or fragment parses to none, but the stream path appended after it would be a query.
    expect(CityUrlSchema.safeParse("http://10.0.0.1:8080/admin/secret?").success).toBe(false);
    expect(CityUrlSchema.safeParse("http://10.0.0.1:8080/admin/secret#").success).toBe(false);
    expect(CityUrlSchema.safeParse("http://city.example/ioc").success).toBe(true);
  });
});
