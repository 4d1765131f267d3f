import { describe, expect, it } from "vitest";
import { WallViewSchema, type WallTour } from "../../shared/domain/wall-view.js";
import { foldForSearch, groupCameras } from "../../renderer/src/features/wall/model/camera-groups.js";
import { hotSpotCamera } from "../../renderer/src/features/wall/model/hot-spot.js";
import { replaySeekTarget, replayUrlFor } from "../../renderer/src/features/wall/model/replay-url.js";
import { snapshotFileName, snapshotStampLines } from "../../renderer/src/features/wall/model/snapshot-stamp.js";
import {
  assignCamera,
  clearTile,
  defaultArrangement,
  dropUnknownCameras,
  setLayout,
  swapTiles,
  visibleTiles,
  type Arrangement,
} from "../../renderer/src/features/wall/model/wall-arrangement.js";
import { wallKeyAction } from "../../renderer/src/features/wall/model/wall-keys.js";
import { LAYOUT_IDS, LAYOUTS, tileCount } from "../../renderer/src/features/wall/model/wall-layouts.js";
import { applyTourStep, tourLength, tourMayAdvance, TOUR_PAUSE_AFTER_INTERACTION_MS } from "../../renderer/src/features/wall/model/wall-tour.js";
import { alarm, camera } from "./fixtures.js";

const ids = (n: number) => Array.from({ length: n }, (_, i) => `cam-${String(i + 1).padStart(2, "0")}`);

describe("layouts", () => {
  it("has the tile counts operators expect", () => {
    expect(LAYOUT_IDS.map(tileCount)).toEqual([1, 4, 9, 16, 25, 36, 49, 64, 6, 8, 13]);
  });

  it("covers every grid cell exactly once in every layout", () => {
    for (const id of LAYOUT_IDS) {
      const layout = LAYOUTS[id];
      const cells = new Map<string, number>();
      for (const place of layout.tiles) {
        for (let r = place.row; r < place.row + place.rowSpan; r++) {
          for (let c = place.column; c < place.column + place.columnSpan; c++) cells.set(`${r},${c}`, (cells.get(`${r},${c}`) ?? 0) + 1);
        }
      }
      expect(cells.size, id).toBe(layout.rows * layout.columns);
      expect([...cells.values()].every((n) => n === 1), id).toBe(true);
    }
  });

  it("puts the large tile first in focus layouts", () => {
    expect(LAYOUTS["1+7"].tiles[0]).toEqual({ row: 1, column: 1, rowSpan: 3, columnSpan: 3 });
    expect(LAYOUTS["1+12"].tiles[0]?.rowSpan).toBe(2);
  });
});

describe("arrangement", () => {
  const start: Arrangement = { layout: "3x3", tiles: ids(9) };

  it("keeps the assigned cameras when the layout shrinks and grows again", () => {
    const small = setLayout(start, "1x1");
    expect(visibleTiles(small)).toEqual(["cam-01"]);
    expect(visibleTiles(setLayout(small, "3x3"))).toEqual(ids(9));
    expect(visibleTiles(setLayout(small, "4x4"))).toEqual([...ids(9), ...Array(7).fill(null)]);
  });

  it("drops a camera into a tile, swapping if it was already on the wall", () => {
    const placed = assignCamera(start, 0, "cam-22");
    expect(visibleTiles(placed)[0]).toBe("cam-22");
    const moved = assignCamera(start, 0, "cam-05");
    expect(visibleTiles(moved).slice(0, 5)).toEqual(["cam-05", "cam-02", "cam-03", "cam-04", "cam-01"]);
    expect(assignCamera(start, 99, "cam-22")).toBe(start);
  });

  it("swaps and clears tiles", () => {
    expect(visibleTiles(swapTiles(start, 0, 8)).at(0)).toBe("cam-09");
    expect(visibleTiles(swapTiles(start, 0, 8)).at(8)).toBe("cam-01");
    expect(visibleTiles(clearTile(start, 2))[2]).toBeNull();
  });

  it("starts with online cameras, cam-01 first, and forgets cameras that disappear", () => {
    const cams = [camera({ id: "cam-03" }), camera({ id: "cam-02", status: "offline" }), camera({ id: "cam-01" })];
    const first = defaultArrangement(cams, "2x2");
    expect(visibleTiles(first)).toEqual(["cam-01", "cam-03", "cam-02", null]);
    expect(visibleTiles(dropUnknownCameras(first, new Set(["cam-01", "cam-02"])))).toEqual(["cam-01", null, "cam-02", null]);
  });

  it("fits any layout in a saved view", () => {
    const view = { id: "v", operatorId: "op-01", name: "Cầu", layout: "5x5", tiles: setLayout(start, "5x5").tiles, tour: null, updatedAt: "2026-01-01T00:00:00.000Z" };
    expect(WallViewSchema.safeParse(view).success).toBe(true);
  });
});

describe("camera list", () => {
  const wards: Record<string, string> = { a: "Vàng Danh", b: "Bắc Sơn" };
  const cams = [
    camera({ id: "cam-11", name: "Chợ Vàng Danh", wardCode: "a" }),
    camera({ id: "cam-10", name: "Mỏ than", wardCode: "a", status: "offline" }),
    camera({ id: "cam-08", name: "QL18 - Bắc Sơn", wardCode: "b" }),
  ];

  it("groups by ward in Vietnamese order with online counts", () => {
    const groups = groupCameras(cams, (code) => wards[code] ?? code, "");
    expect(groups.map((g) => g.wardName)).toEqual(["Bắc Sơn", "Vàng Danh"]);
    expect(groups[1]?.cameras.map((c) => c.id)).toEqual(["cam-10", "cam-11"]);
    expect(groups[1]?.online).toBe(1);
  });

  it("searches without accents, by name, id or ward", () => {
    expect(foldForSearch("Đường lên Yên Tử")).toBe("duong len yen tu");
    expect(groupCameras(cams, (code) => wards[code] ?? code, "cho vang").flatMap((g) => g.cameras.map((c) => c.id))).toEqual(["cam-11"]);
    expect(groupCameras(cams, (code) => wards[code] ?? code, "bac son").flatMap((g) => g.cameras.map((c) => c.id))).toEqual(["cam-08"]);
    expect(groupCameras(cams, (code) => wards[code] ?? code, "CAM-10")).toHaveLength(1);
  });
});

describe("tours", () => {
  const base: Arrangement = { layout: "2x2", tiles: ids(4) };
  const viewTour: WallTour = { cameraIds: ids(10), intervalSeconds: 10, scope: { kind: "view" } };

  it("pages a view tour a wall-full at a time, topping up the last page", () => {
    expect(tourLength(viewTour, 4)).toBe(3);
    expect(visibleTiles(applyTourStep(base, viewTour, 1, 4))).toEqual(["cam-05", "cam-06", "cam-07", "cam-08"]);
    expect(visibleTiles(applyTourStep(base, viewTour, 2, 4))).toEqual(["cam-09", "cam-10", "cam-01", "cam-02"]);
    expect(visibleTiles(applyTourStep(base, viewTour, 3, 4))).toEqual(["cam-01", "cam-02", "cam-03", "cam-04"]);
  });

  it("cycles one tile in a tile tour and leaves the others", () => {
    const tileTour: WallTour = { cameraIds: ["cam-20", "cam-21"], intervalSeconds: 5, scope: { kind: "tile", tile: 3 } };
    expect(visibleTiles(applyTourStep(base, tileTour, 1, 4))).toEqual(["cam-01", "cam-02", "cam-03", "cam-21"]);
    expect(visibleTiles(applyTourStep(base, tileTour, 2, 4))[3]).toBe("cam-20");
  });

  it("holds while the operator works on the wall", () => {
    expect(tourMayAdvance(100_000, 100_000 - 1000, false)).toBe(false);
    expect(tourMayAdvance(100_000, 100_000 - TOUR_PAUSE_AFTER_INTERACTION_MS, false)).toBe(true);
    expect(tourMayAdvance(100_000, 0, true)).toBe(false);
  });
});

describe("hot spot, keys, snapshot, replay", () => {
  it("follows the newest unacknowledged critical alarm with a camera", () => {
    const alarms = [
      alarm({ id: "a1", cameraId: "cam-02", raisedAt: "2026-11-25T10:00:00.000Z" }),
      alarm({ id: "a2", cameraId: "cam-05", raisedAt: "2026-11-25T10:05:00.000Z" }),
      alarm({ id: "a3", cameraId: "cam-07", raisedAt: "2026-11-25T10:09:00.000Z", state: "acknowledged" }),
      alarm({ id: "a4", cameraId: "cam-08", raisedAt: "2026-11-25T10:10:00.000Z", priority: "high" }),
      alarm({ id: "a5", cameraId: null, raisedAt: "2026-11-25T10:11:00.000Z" }),
    ];
    expect(hotSpotCamera(alarms)).toEqual({ cameraId: "cam-05", alarmId: "a2" });
    expect(hotSpotCamera([])).toBeNull();
  });

  it("maps keys to wall actions", () => {
    const none = { ctrl: false, alt: false, meta: false };
    expect(wallKeyAction("3", 4, none)).toEqual({ type: "select", tile: 2 });
    expect(wallKeyAction("0", 25, none)).toEqual({ type: "select", tile: 9 });
    expect(wallKeyAction("5", 4, none)).toEqual({ type: "none" });
    expect(wallKeyAction("Enter", 4, none)).toEqual({ type: "toggle-maximize" });
    expect(wallKeyAction("Escape", 4, none)).toEqual({ type: "restore" });
    expect(wallKeyAction("1", 4, { ...none, ctrl: true })).toEqual({ type: "none" });
  });

  it("stamps snapshots with camera, city time and operator, in a safe file name", () => {
    const facts = { cameraId: "cam-03", cameraName: "Chùa Ba Vàng", cityTime: "25/11/2026 17:00:01", atIso: "2026-11-25T10:00:01.123Z", operatorName: "Nguyễn Thị Lan", operatorId: "op-01" };
    expect(snapshotStampLines(facts)).toEqual(["CAM-03 · Chùa Ba Vàng", "25/11/2026 17:00:01 (UTC+7) · Nguyễn Thị Lan (op-01)"]);
    expect(snapshotFileName(facts)).toBe("cam-03_2026-11-25T10-00-01Z_op-01.png");
  });

  it("finds the DVR playlist and clamps replay seeks to the window", () => {
    expect(replayUrlFor("https://127.0.0.1:9/hls/cam-01/index.m3u8")).toBe("https://127.0.0.1:9/hls/cam-01/dvr.m3u8");
    expect(replayUrlFor("http://elsewhere/live.m3u8")).toBeNull();
    expect(replayUrlFor("not a url")).toBeNull();
    expect(replaySeekTarget(100, 400, 30)).toBe(370);
    expect(replaySeekTarget(100, 400, 9999)).toBe(100);
    expect(replaySeekTarget(Number.NaN, 400, 30)).toBe(400);
  });
});
