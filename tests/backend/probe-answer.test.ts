import { describe, expect, it } from "vitest";
import { parseProbeOutput, probeArgs, probeFailure } from "../../backend/cameras/probe-answer.js";
import { probeCamera, FFPROBE_MISSING } from "../../backend/cameras/camera-probe.js";

describe("a camera's connection test", () => {
  it("asks ffprobe for the first video stream with the time-out of the address's protocol", () => {
    expect(probeArgs("rtsp://10.0.0.7:554/s1", 5)).toEqual(expect.arrayContaining(["-timeout", "5000000", "rtsp://10.0.0.7:554/s1"]));
    expect(probeArgs("https://cdn.example/x.m3u8", 5)).toEqual(expect.arrayContaining(["-rw_timeout", "5000000"]));
  });

  it("reads codec, size and frame rate, and says when there is no video", () => {
    const out = JSON.stringify({ programs: [], streams: [{ codec_name: "h264", width: 1920, height: 1080, avg_frame_rate: "25/1", r_frame_rate: "25/1" }] });
    expect(parseProbeOutput(out)).toEqual({ answered: true, codec: "h264", width: 1920, height: 1080, fps: 25 });
    expect(parseProbeOutput(JSON.stringify({ streams: [{ codec_name: "hevc", width: 640, height: 360, avg_frame_rate: "0/0", r_frame_rate: "30000/1001" }] }))).toMatchObject({ fps: 29.97 });
    expect(parseProbeOutput("{\n\n}\n")).toEqual({ answered: false, problem: "The address answers but sends no video stream." });
    expect(parseProbeOutput("not json")).toMatchObject({ answered: false });
  });

  it("turns ffprobe's failures into sentences a supervisor can act on, without credentials", () => {
    expect(probeFailure("rtsp://10.0.0.7/s1", "", true, 5)).toBe("No answer from 10.0.0.7:554 in 5 s.");
    expect(probeFailure("rtsp://10.0.0.7:8554/s1", "rtsp://admin:pw@10.0.0.7:8554/s1: Server returned 401 Unauthorized (authorization failed)", false, 5)).toBe(
      "401 from the camera: check the user name and password.",
    );
    expect(probeFailure("rtsp://127.0.0.1:1/x", "[tcp @ 0x1] Connection to tcp://127.0.0.1:1?timeout=5000000 failed: Connection refused", false, 5)).toMatch(/^127\.0\.0\.1:1 refused the connection/);
    expect(probeFailure("http://cam/x.m3u8", "http://u:secret@cam/x.m3u8: Server returned 404 Not Found", false, 5)).toBe("404 from cam:80: the camera has no stream at this path.");
    const other = probeFailure("rtsp://cam/x", "rtsp://u:secret@cam/x: Invalid data found when processing input", false, 5);
    expect(other).toBe("No video from cam:554: rtsp://***@cam/x: Invalid data found when processing input");
  });

  it("says in one sentence that ffprobe is missing, never ENOENT", async () => {
    expect(await probeCamera(null, "rtsp://cam/x", null, 5)).toEqual({ answered: false, problem: FFPROBE_MISSING });
    expect(await probeCamera("/nonexistent/ffprobe", "rtsp://cam/x", null, 5)).toEqual({ answered: false, problem: FFPROBE_MISSING });
  });
});
