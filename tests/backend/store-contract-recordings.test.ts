import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { BackendStore } from "../../backend/store/backend-store.js";
import type { RecordedSegment } from "../../backend/store/recording-index.js";
import { STORE_IMPLEMENTATIONS, stopStoreServers } from "./store-implementations.js";

const stores: BackendStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});
afterAll(stopStoreServers);

const T0 = Date.UTC(2026, 11, 4, 2, 14, 0);
const seg = (cameraId: string, startMs: number, bytes = 1000): RecordedSegment => ({ cameraId, startMs, durationMs: 1000, bytes, variant: "360p" });

describe.each(STORE_IMPLEMENTATIONS)("$name recording index", (implementation) => {
  async function open(): Promise<BackendStore> {
    const store = await implementation.open();
    stores.push(store);
    return store;
  }

  it("finds the segments and gaps overlapping a range, per camera, oldest first", async () => {
    const store = await open();
    for (let i = 0; i < 5; i++) await store.recordings.addSegment(seg("cam-07", T0 + i * 1000), null);
    // Offline for 10 s, then back.
    await store.recordings.addSegment(seg("cam-07", T0 + 15_000), { cameraId: "cam-07", startMs: T0 + 5000, endMs: T0 + 15_000 });
    await store.recordings.addSegment(seg("cam-08", T0), null);

    const inRange = await store.recordings.segmentsBetween("cam-07", T0 + 1500, T0 + 16_000, 100);
    expect(inRange.map((s) => s.startMs - T0)).toEqual([1000, 2000, 3000, 4000, 15_000]);
    expect(inRange[0]).toEqual(seg("cam-07", T0 + 1000));
    expect(await store.recordings.segmentsBetween("cam-07", T0, T0 + 10_000, 2)).toHaveLength(2);
    expect(await store.recordings.gapsBetween("cam-07", T0, T0 + 6000, 10)).toEqual([{ cameraId: "cam-07", startMs: T0 + 5000, endMs: T0 + 15_000 }]);
    expect(await store.recordings.gapsBetween("cam-07", T0 + 15_000, T0 + 20_000, 10)).toEqual([]);
    expect(await store.recordings.gapsBetween("cam-08", T0, T0 + 20_000, 10)).toEqual([]);
  });

  it("reports usage and the latest segment, and forgets removed segments with the gaps before them", async () => {
    const store = await open();
    expect(await store.recordings.usage("cam-07")).toEqual({ segments: 0, bytes: 0, oldestStartMs: null, newestEndMs: null });
    expect(await store.recordings.latestSegment("cam-07")).toBeNull();
    await store.recordings.addSegment(seg("cam-07", T0, 700), null);
    await store.recordings.addSegment(seg("cam-07", T0 + 5000, 800), { cameraId: "cam-07", startMs: T0 + 1000, endMs: T0 + 5000 });
    await store.recordings.addSegment(seg("cam-07", T0 + 6000, 900), null);
    expect(await store.recordings.usage("cam-07")).toEqual({ segments: 3, bytes: 2400, oldestStartMs: T0, newestEndMs: T0 + 7000 });
    expect(await store.recordings.latestSegment("cam-07")).toEqual(seg("cam-07", T0 + 6000, 900));
    expect((await store.recordings.oldestSegments("cam-07", 2)).map((s) => s.startMs)).toEqual([T0, T0 + 5000]);

    await store.recordings.removeSegments("cam-07", [T0]);
    expect(await store.recordings.usage("cam-07")).toEqual({ segments: 2, bytes: 1700, oldestStartMs: T0 + 5000, newestEndMs: T0 + 7000 });
    expect(await store.recordings.gapsBetween("cam-07", T0, T0 + 10_000, 10)).toEqual([]);
    await store.recordings.removeSegments("cam-07", [T0 + 5000, T0 + 6000]);
    expect((await store.recordings.usage("cam-07")).segments).toBe(0);
  });
});
