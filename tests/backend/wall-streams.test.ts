import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:http2";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CameraSchema } from "../../shared/domain/camera.js";
import { ChangeSchema, ChangesPageSchema } from "../../shared/protocol/backend.js";
import { viewPath } from "../../shared/protocol/views.js";
import { lastMediaSequence } from "../../backend/hls/playlist-files.js";
import { startTestBackend, type TestBackend } from "./backend-harness.js";
import { backendFetch, sessionOf } from "../../scripts/lib/backend-session.js";
import { STREAM_TOKEN_PARAM } from "../../shared/protocol/session.js";
import { startRtspCamera, type RtspCamera } from "../shared/rtsp-camera.js";
import { untilValue } from "../shared/until.js";

/**
 * A real RTSP camera on loopback (Debian's rtsp-server-perl, fed by ffmpeg) repackaged by the
 * backend with `-c copy`, served over HTTP/2 + TLS; and named views saved through the API.
 */
let camera: RtspCamera | null = null;
let t: TestBackend;
const dataDir = mkdtempSync(join(tmpdir(), "ioc-wall-streams-"));

/** The stream token of a signed-in operator: camera streams open with nothing less. */
let streamToken = "";

/** GET over HTTP/2 with the backend's self-signed certificate, in an operator's session. */
function http2Get(base: string, path: string): Promise<{ status: number; body: Buffer; protocol: string }> {
  return new Promise((resolve, reject) => {
    const session = connect(base, { rejectUnauthorized: false });
    session.once("error", reject);
    const request = session.request({ ":path": `${path}${path.includes("?") ? "&" : "?"}${STREAM_TOKEN_PARAM}=${streamToken}` });
    const chunks: Buffer[] = [];
    let status = 0;
    request.on("response", (headers) => {
      status = Number(headers[":status"]);
    });
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const protocol = session.alpnProtocol ?? "";
      session.close();
      resolve({ status, body: Buffer.concat(chunks), protocol });
    });
    request.on("error", reject);
    request.end();
  });
}

beforeAll(async () => {
  camera = await startRtspCamera();
  t = await startTestBackend({
    dataDir,
    video: { enabled: true, cacheDir: join(process.cwd(), ".cache", "test-video") },
    streamTls: { enabled: true },
    cameraSources: { "cam-05": camera.url },
  });
  streamToken = (await sessionOf(t.backend.url, "op-01")).streamToken;
}, 60_000);

afterAll(async () => {
  await t?.stop();
  camera?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("camera streams", () => {
  it("points camera stream URLs at the HTTP/2 + TLS server", async () => {
    expect(t.backend.streamUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const page = ChangesPageSchema.parse((await t.get("/api/v1/changes?limit=5000")).body);
    const cameras = page.changes.map((c) => ChangeSchema.parse(c)).filter((c) => c.entity === "camera").map((c) => CameraSchema.parse(c.data));
    expect(cameras.find((c) => c.id === "cam-05")?.streamUrl).toBe(`${t.backend.streamUrl}/hls/cam-05/index.m3u8`);
  });

  it("repackages the RTSP camera into HLS without re-encoding, served over h2 with a DVR playlist", async () => {
    const playlist = await untilValue("the RTSP camera's playlist", async () => {
      const answer = await http2Get(t.backend.streamUrl, "/hls/cam-05/index.m3u8");
      return answer.status === 200 ? answer : null;
    });
    expect(playlist.protocol).toBe("h2");
    const text = playlist.body.toString("utf8");
    expect(text).toContain("#EXT-X-PROGRAM-DATE-TIME:");
    const segment = text.split("\n").filter((line) => line.endsWith(".ts")).at(-1) ?? "";
    const ts = await http2Get(t.backend.streamUrl, `/hls/cam-05/${segment}`);
    expect(ts.status).toBe(200);
    // MPEG-TS packets: 188 bytes, each starting with the sync byte 0x47.
    expect(ts.body.length).toBeGreaterThan(188 * 10);
    expect(ts.body[0]).toBe(0x47);
    expect(ts.body[188]).toBe(0x47);
    const dvr = await untilValue("a DVR playlist longer than the live one", async () => {
      const answer = await http2Get(t.backend.streamUrl, "/hls/cam-05/dvr.m3u8");
      const segments = answer.body.toString("utf8").split("\n").filter((line) => line.endsWith(".ts")).length;
      return answer.status === 200 && segments > 6 ? segments : null;
    });
    expect(dvr).toBeGreaterThan(6);
    expect(hasNoServerControl(await http2Get(t.backend.streamUrl, "/hls/cam-05/dvr.m3u8"))).toBe(true);
  }, 90_000);

  it("holds a blocking playlist reload over h2 until the asked-for segment exists (ffmpeg's and a loop's)", async () => {
    for (const path of ["/hls/cam-05/index.m3u8", "/hls/cam-02/180p/index.m3u8"]) {
      const first = await untilValue(`${path}`, async () => {
        const answer = await http2Get(t.backend.streamUrl, path);
        return answer.status === 200 ? answer.body.toString("utf8") : null;
      });
      expect(first, path).toContain("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES");
      const last = lastMediaSequence(first) ?? -1;
      const next = await http2Get(t.backend.streamUrl, `${path}?_HLS_msn=${last + 1}`);
      expect(next.status, path).toBe(200);
      expect(lastMediaSequence(next.body.toString("utf8")), path).toBeGreaterThanOrEqual(last + 1);
      const tooFar = await http2Get(t.backend.streamUrl, `${path}?_HLS_msn=${last + 10}`);
      expect(tooFar.status, path).toBe(400);
    }
  }, 90_000);
});

function hasNoServerControl(answer: { body: Buffer }): boolean {
  return !answer.body.toString("utf8").includes("#EXT-X-SERVER-CONTROL");
}

describe("named views", () => {
  const view = { id: "view-test", operatorId: "op-01", name: "Cầu và chợ", layout: "1+5", tiles: ["cam-05", "cam-02", null], tour: null };

  it("saves a view, publishes it on the change feed, and refuses another operator's delete", async () => {
    const put = await backendFetch(`${t.backend.url}${viewPath(view.id)}`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ view }) }, "op-01");
    expect(put.status).toBe(200);
    const page = ChangesPageSchema.parse((await t.get("/api/v1/changes?limit=5000")).body);
    const change = page.changes.map((c) => ChangeSchema.parse(c)).find((c) => c.entity === "view" && c.id === view.id);
    expect(change?.data).toMatchObject({ name: "Cầu và chợ", layout: "1+5", operatorId: "op-01" });
    const denied = await backendFetch(`${t.backend.url}${viewPath(view.id)}`, { method: "DELETE", headers: { "content-type": "application/json" }, body: JSON.stringify({}) }, "op-02");
    expect(denied.status).toBe(403);
    const bad = await backendFetch(`${t.backend.url}${viewPath(view.id)}`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ view: { ...view, layout: "9x9" } }) }, "op-01");
    expect(bad.status).toBe(400);
    const deleted = await backendFetch(`${t.backend.url}${viewPath(view.id)}`, { method: "DELETE", headers: { "content-type": "application/json" }, body: JSON.stringify({}) }, "op-01");
    expect(deleted.status).toBe(200);
  });
});
