import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../../backend/cli-args.js";
import { escapeFilterValue, loopSourceFor } from "../../backend/hls/ffmpeg-filters.js";
import { backoffMs } from "../../backend/hls/live-encoder.js";
import { httpStatusFor } from "../../backend/http/respond.js";
import { protocolMismatch } from "../../backend/protocol-compat.js";

describe("protocolMismatch", () => {
  it("accepts versions in range", () => {
    expect(protocolMismatch(1, 1, 1)).toBeNull();
    expect(protocolMismatch(3, 2, 4)).toBeNull();
  });

  it("tells an old console to update itself and a new console to update the backend", () => {
    expect(protocolMismatch(1, 2, 4)?.message).toBe("This console speaks sync protocol 1; this backend accepts 2–4. Update the console.");
    expect(protocolMismatch(5, 2, 4)?.message).toBe("This console speaks sync protocol 5; this backend accepts 2–4. Update the backend.");
    expect(protocolMismatch(0, 1, 1)).toMatchObject({ kind: "protocol_mismatch", message: expect.stringContaining("accepts only 1") });
  });
});

describe("httpStatusFor", () => {
  it("maps error kinds to statuses", () => {
    expect(httpStatusFor("invalid_request")).toBe(400);
    expect(httpStatusFor("protocol_mismatch")).toBe(426);
    expect(httpStatusFor("not_found")).toBe(404);
  });
});

describe("escapeFilterValue", () => {
  it("escapes for both the option and the filtergraph level, as ffmpeg's documentation shows", () => {
    // From "Notes on filtergraph escaping" in the ffmpeg-filters manual.
    expect(escapeFilterValue("this is a 'string': may contain one, or more, special characters")).toBe(
      "this is a \\\\\\'string\\\\\\'\\\\: may contain one\\, or more\\, special characters",
    );
  });

  it("escapes Windows paths and leaves plain text alone", () => {
    expect(escapeFilterValue("C:\\fonts\\a.ttf")).toBe("C\\\\:\\\\\\\\fonts\\\\\\\\a.ttf");
    expect(escapeFilterValue("Ngã tư Quang Trung")).toBe("Ngã tư Quang Trung");
  });
});

describe("loop sources", () => {
  it("vary between neighbouring cameras", () => {
    expect(loopSourceFor(1).source).not.toBe(loopSourceFor(2).source);
    expect(loopSourceFor(1).source).toMatch(/size=320x180:rate=25$/);
  });
});

describe("live encoder backoff", () => {
  it("doubles up to 30 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(backoffMs)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
});

describe("parseCliArgs", () => {
  it("has sensible defaults", () => {
    expect(parseCliArgs([])).toMatchObject({ ok: true, value: { port: 8420, host: "127.0.0.1", dataDir: ".cache/backend", simulator: true, video: true } });
  });

  it("reads every flag, in both spellings", () => {
    const parsed = parseCliArgs(["--port", "0", "--data-dir=/tmp/x", "--no-simulator", "--no-video", "--alarm-interval-ms", "500", "--quiet"]);
    expect(parsed).toMatchObject({ ok: true, value: { port: 0, dataDir: "/tmp/x", simulator: false, video: false, alarmIntervalMs: 500, quiet: true } });
  });

  it("reads how often and how far back the city's other domains are simulated, within what a console keeps", () => {
    expect(parseCliArgs(["--domain-interval-ms", "1000", "--domain-history-days=30"])).toMatchObject({ ok: true, value: { domainIntervalMs: 1000, domainHistoryDays: 30 } });
    expect(parseCliArgs(["--domain-history-days", "91"])).toEqual({ ok: false, error: '--domain-history-days must be a whole number of days from 0 to 90, not "91".' });
    expect(parseCliArgs(["--domain-interval-ms", "10"])).toEqual({ ok: false, error: '--domain-interval-ms must be a whole number of at least 100, not "10".' });
  });

  it("explains bad input in one sentence", () => {
    expect(parseCliArgs(["--port", "http"])).toEqual({ ok: false, error: '--port must be a whole number from 0 to 65535, not "http".' });
    expect(parseCliArgs(["--port"])).toEqual({ ok: false, error: "--port needs a value." });
    expect(parseCliArgs(["--frobnicate"])).toEqual({ ok: false, error: "Unknown option --frobnicate." });
  });
});
