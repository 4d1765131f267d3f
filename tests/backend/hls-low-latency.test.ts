import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { blockingTimeoutMs, blockingVerdict } from "../../backend/hls/blocking-reload.js";
import { lastMediaSequence, withBlockingReload } from "../../backend/hls/playlist-files.js";
import { loopTimestampOffset, readPcrBase, readPesTimestamp, shiftTsTimestamps, TIMESTAMP_MODULO } from "../../backend/hls/ts-timestamps.js";
import { HlsPlaylistQuerySchema } from "../../shared/protocol/hls-directives.js";
import { testFfmpeg, videoPacketDts } from "../shared/media-tools.js";

describe("blocking playlist reloads (LL-HLS _HLS_msn)", () => {
  it("answers at once, holds the request, or refuses a number too far ahead", () => {
    expect(blockingVerdict(undefined, 100)).toEqual({ kind: "now" });
    expect(blockingVerdict(99, 100)).toEqual({ kind: "now" });
    expect(blockingVerdict(100, 100)).toEqual({ kind: "now" });
    expect(blockingVerdict(101, 100)).toEqual({ kind: "wait" });
    expect(blockingVerdict(102, 100)).toEqual({ kind: "wait" });
    expect(blockingVerdict(103, 100)).toEqual({ kind: "too_far" });
    // No playlist yet: nothing to wait against.
    expect(blockingVerdict(5, null)).toEqual({ kind: "now" });
    expect(blockingTimeoutMs(1)).toBe(3000);
  });

  it("reads the directives from the query, and refuses malformed ones", () => {
    expect(HlsPlaylistQuerySchema.parse({ _HLS_msn: "42", t: "cache-buster" })).toEqual({ _HLS_msn: 42 });
    expect(HlsPlaylistQuerySchema.parse({})).toEqual({});
    expect(HlsPlaylistQuerySchema.safeParse({ _HLS_msn: "abc" }).success).toBe(false);
    expect(HlsPlaylistQuerySchema.safeParse({ _HLS_msn: "-1" }).success).toBe(false);
  });

  it("finds an ffmpeg playlist's newest segment and advertises blocking in it", () => {
    const text = "#EXTM3U\n#EXT-X-VERSION:6\n#EXT-X-TARGETDURATION:1\n#EXT-X-MEDIA-SEQUENCE:1700\n#EXTINF:1.0,\nseg-1700.ts\n#EXTINF:1.0,\nseg-1701.ts\n";
    expect(lastMediaSequence(text)).toBe(1701);
    expect(lastMediaSequence("#EXTM3U\n#EXT-X-TARGETDURATION:1\n")).toBeNull();
    const blocking = withBlockingReload(text);
    expect(blocking.split("\n").slice(0, 4)).toEqual(["#EXTM3U", "#EXT-X-VERSION:6", "#EXT-X-TARGETDURATION:1", "#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES"]);
    expect(withBlockingReload(blocking)).toBe(blocking);
  });
});

/** One TS packet: adaptation field with a PCR, then a video PES header with PTS and DTS. */
function packetWithTimestamps(pcrBase: number, pts: number, dts: number): Buffer {
  const p = Buffer.alloc(188, 0xff);
  p[0] = 0x47;
  p[1] = 0x40 | 0x01; // payload unit start, PID 0x100
  p[2] = 0x00;
  p[3] = 0x30; // adaptation field and payload
  p[4] = 7; // adaptation field length
  p[5] = 0x10; // PCR flag
  const pcr = [Math.floor(pcrBase / 2 ** 25) & 0xff, Math.floor(pcrBase / 2 ** 17) & 0xff, Math.floor(pcrBase / 2 ** 9) & 0xff, Math.floor(pcrBase / 2) & 0xff, ((pcrBase % 2) << 7) | 0x7e, 0x21];
  pcr.forEach((b, i) => (p[6 + i] = b));
  const pes = 5 + 7;
  Buffer.from([0x00, 0x00, 0x01, 0xe0, 0x00, 0x00, 0x80, 0xc0, 10]).copy(p, pes);
  const put = (at: number, prefix: number, t: number) => {
    p[at] = (prefix << 4) | ((Math.floor(t / 2 ** 30) & 7) << 1) | 1;
    p[at + 1] = Math.floor(t / 2 ** 22) & 0xff;
    p[at + 2] = ((Math.floor(t / 2 ** 15) & 0x7f) << 1) | 1;
    p[at + 3] = Math.floor(t / 2 ** 7) & 0xff;
    p[at + 4] = ((t % 128) << 1) | 1;
  };
  put(pes + 9, 0b0011, pts);
  put(pes + 14, 0b0001, dts);
  return p;
}

describe("continuous timestamps for looped cameras", () => {
  it("moves PCR, PTS and DTS by the offset, wrapping at 2^33, and touches nothing else", () => {
    const pes = 12;
    const original = packetWithTimestamps(TIMESTAMP_MODULO - 1000, TIMESTAMP_MODULO - 500, TIMESTAMP_MODULO - 4100);
    const shifted = shiftTsTimestamps(original, 90_000);
    expect(readPcrBase(shifted, 6)).toBe(89_000);
    expect(readPesTimestamp(shifted, pes + 9)).toBe(89_500);
    expect(readPesTimestamp(shifted, pes + 14)).toBe(85_900);
    // PTS/DTS prefixes, marker bits, the PCR extension and the rest of the packet are unchanged.
    expect(shifted[pes + 9]! >> 4).toBe(0b0011);
    expect(shifted[pes + 14]! >> 4).toBe(0b0001);
    expect(shifted[11]).toBe(0x21);
    expect(shifted.subarray(pes + 19)).toEqual(original.subarray(pes + 19));
    expect(readPesTimestamp(original, pes + 9)).toBe(TIMESTAMP_MODULO - 500);
  });

  it("refuses what is not whole TS packets", () => {
    expect(() => shiftTsTimestamps(Buffer.alloc(100), 1)).toThrow(/188-byte/);
    expect(() => shiftTsTimestamps(Buffer.alloc(188), 1)).toThrow(/sync byte/);
  });

  it("shifts each wrap of a loop by one loop length", () => {
    expect(loopTimestampOffset(9, 10, 1)).toBe(0);
    expect(loopTimestampOffset(10, 10, 1)).toBe(900_000);
    expect(loopTimestampOffset(25, 10, 1)).toBe(1_800_000);
    // A sequence number derived from today's clock (years of wraps) stays exact and within 2^33.
    const n = 1_795_642_699;
    expect(loopTimestampOffset(n, 10, 1)).toBe((Math.floor(n / 10) * 900_000) % TIMESTAMP_MODULO);
  });

  const dir = mkdtempSync(join(tmpdir(), "ioc-ts-shift-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("makes a real encoded loop play on across its wrap (ffmpeg reads rising timestamps)", async () => {
    execFileSync(await testFfmpeg(), ["-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=size=160x90:rate=25", "-t", "3", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-keyint_min", "25", "-sc_threshold", "0", "-f", "hls", "-hls_time", "1", "-hls_playlist_type", "vod", "-hls_segment_filename", join(dir, "seg-%03d.ts"), join(dir, "loop.m3u8")]);
    const segments = [0, 1, 2].map((i) => readFileSync(join(dir, `seg-00${i}.ts`)));
    // Media sequence 0..5: the loop twice, the second time moved on by its length.
    const served = [0, 1, 2, 3, 4, 5].map((n) => shiftTsTimestamps(segments[n % 3]!, loopTimestampOffset(n, 3, 1)));
    writeFileSync(join(dir, "joined.ts"), Buffer.concat(served));
    const dts = await videoPacketDts(join(dir, "joined.ts"));
    expect(dts).toHaveLength(150);
    for (let i = 1; i < dts.length; i++) expect(dts[i]! - dts[i - 1]!, `frame ${i}`).toBe(3600);
  });
});
