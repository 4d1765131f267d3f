import { describe, expect, it } from "vitest";
import { decideViewDelete, decideViewSave, storedView } from "../../backend/actions/decide-view.js";
import { parseCliArgs } from "../../backend/cli-args.js";
import { DVR_SEGMENTS, liveEncodeArgs, repackageArgs } from "../../backend/hls/live-encoder.js";
import { trimLivePlaylist } from "../../backend/hls/playlist-files.js";
import { subjectAltNames } from "../../backend/hls/tls-certificate.js";
import type { WallView } from "../../shared/domain/wall-view.js";

function ffmpegPlaylist(first: number, count: number, discontinuityAt: number[] = []): string {
  const lines = ["#EXTM3U", "#EXT-X-VERSION:6", "#EXT-X-TARGETDURATION:1", `#EXT-X-MEDIA-SEQUENCE:${first}`, "#EXT-X-INDEPENDENT-SEGMENTS"];
  for (let n = first; n < first + count; n++) {
    if (discontinuityAt.includes(n)) lines.push("#EXT-X-DISCONTINUITY");
    lines.push("#EXTINF:1.000000,", `#EXT-X-PROGRAM-DATE-TIME:2026-11-25T10:00:${String(n % 60).padStart(2, "0")}.000+0000`, `seg-${n}.ts`);
  }
  return `${lines.join("\n")}\n`;
}

describe("trimLivePlaylist", () => {
  it("keeps the last segments and moves the media sequence on", () => {
    const out = trimLivePlaylist(ffmpegPlaylist(1000, 300), 6);
    expect(out).toContain("#EXT-X-MEDIA-SEQUENCE:1294\n");
    expect(out.split("\n").filter((l) => l.endsWith(".ts"))).toEqual(["seg-1294.ts", "seg-1295.ts", "seg-1296.ts", "seg-1297.ts", "seg-1298.ts", "seg-1299.ts"]);
    // Each kept segment keeps its own program date time (latency is measured from it).
    expect(out.split("\n").filter((l) => l.startsWith("#EXT-X-PROGRAM-DATE-TIME")).length).toBe(6);
  });

  it("counts dropped discontinuities, and one on the new first segment, in the discontinuity sequence", () => {
    const out = trimLivePlaylist(ffmpegPlaylist(0, 20, [5, 10, 14]), 6);
    expect(out).toContain("#EXT-X-DISCONTINUITY-SEQUENCE:3\n");
    expect(out.match(/#EXT-X-DISCONTINUITY\n/g)).toBeNull();
    const kept = trimLivePlaylist(ffmpegPlaylist(0, 20, [5, 17]), 6);
    expect(kept).toContain("#EXT-X-DISCONTINUITY-SEQUENCE:1\n");
    expect(kept.match(/#EXT-X-DISCONTINUITY\n/g)).toHaveLength(1);
  });

  it("leaves a short playlist alone", () => {
    const text = ffmpegPlaylist(7, 3);
    expect(trimLivePlaylist(text, 6)).toBe(text);
  });
});

describe("named views", () => {
  const draft = { id: "v1", operatorId: "op-01", name: "Chợ", layout: "2x2" as const, tiles: ["cam-02", null], tour: null };
  const stored: WallView = { ...draft, updatedAt: "2026-11-25T10:00:00.000Z" };
  const now = new Date("2026-11-25T11:00:00.000Z");

  it("saves an operator's view with the backend's time", () => {
    expect(decideViewSave(null, draft, true, now)).toEqual({ kind: "save", view: { ...draft, updatedAt: now.toISOString() } });
    expect(decideViewSave(stored, draft, true, now).kind).toBe("save");
  });

  it("refuses unknown operators and another operator's view id", () => {
    expect(decideViewSave(null, draft, false, now)).toMatchObject({ kind: "reject", error: { kind: "forbidden" } });
    expect(decideViewSave({ ...stored, operatorId: "op-02" }, draft, true, now)).toMatchObject({ kind: "reject", error: { kind: "conflict" } });
    expect(decideViewDelete({ ...stored, operatorId: "op-02" }, "v1", "op-01")).toMatchObject({ kind: "reject", error: { kind: "forbidden" } });
    expect(decideViewDelete(null, "v1", "op-01")).toMatchObject({ kind: "reject", error: { kind: "not_found" } });
    expect(decideViewDelete(stored, "v1", "op-01")).toEqual({ kind: "delete" });
  });

  it("reads stored views defensively", () => {
    expect(storedView(null)).toBeNull();
    expect(storedView({ id: "x" })).toBe("corrupt");
    expect(storedView(stored)).toEqual(stored);
  });
});

describe("stream sources and serving", () => {
  it("repackages RTSP and HLS sources without re-encoding, keeping a DVR window", () => {
    const args = repackageArgs("rtsp://127.0.0.1:8554/cam1", "/tmp/out", 123);
    expect(args).toContain("copy");
    expect(args).not.toContain("libx264");
    expect(args[args.indexOf("-hls_list_size") + 1]).toBe(String(DVR_SEGMENTS));
    expect(args[args.indexOf("-start_number") + 1]).toBe("123");
    expect(repackageArgs("https://cams.example/a.m3u8", "/tmp/out", 1)).toContain("-rw_timeout");
    expect(liveEncodeArgs({ id: "cam-01", name: "x" }, "/f.ttf", "/tmp/o", 5)[liveEncodeArgs({ id: "cam-01", name: "x" }, "/f.ttf", "/tmp/o", 5).indexOf("-hls_list_size") + 1]).toBe(String(DVR_SEGMENTS));
  });

  it("parses --camera-source, --stream-tls and --stream-port", () => {
    const parsed = parseCliArgs(["--camera-source", "cam-05=rtsp://10.0.0.7:554/s1", "--camera-source=cam-06=https://x/y.m3u8", "--stream-tls", "--stream-port", "8443"]);
    expect(parsed.ok && parsed.value.cameraSources).toEqual({ "cam-05": "rtsp://10.0.0.7:554/s1", "cam-06": "https://x/y.m3u8" });
    expect(parsed.ok && parsed.value.streamTls).toBe(true);
    expect(parsed.ok && parsed.value.streamPort).toBe(8443);
    const bad = parseCliArgs(["--camera-source", "cam-05"]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toContain("cam-05=rtsp://");
  });

  it("names loopback and the listening host in the stream certificate", () => {
    expect(subjectAltNames("127.0.0.1")).toBe("DNS:localhost,IP:127.0.0.1,IP:::1");
    expect(subjectAltNames("10.1.2.3")).toContain("IP:10.1.2.3");
    expect(subjectAltNames("ioc.local")).toContain("DNS:ioc.local");
    expect(subjectAltNames("0.0.0.0")).not.toContain("0.0.0.0");
  });
});
