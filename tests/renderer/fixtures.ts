import type { Camera } from "../../shared/domain/camera.js";
import type { Ward } from "../../shared/domain/ward.js";
import type { Snapshot, SyncStatus } from "../../shared/protocol/console-api.js";

/** The same alarm fixture as the shared tests use. */
import { makeAlarm as alarm } from "../shared/fixtures.js";

export { alarm };

export function camera(patch: Partial<Camera> = {}): Camera {
  return {
    id: "cam-01",
    name: "Ngã tư Cầu Sến",
    wardCode: "06817",
    location: [106.77, 21.04],
    bearing: null,
    status: "online",
    streamUrl: "http://127.0.0.1:8420/hls/cam-01/index.m3u8",
    source: "simulated",
    ...patch,
  };
}

/** A small square ward; `offset` moves it east so several do not overlap. */
export function ward(patch: Partial<Ward> = {}, offset = 0): Ward {
  const w = 106.7 + offset;
  return {
    code: "06808",
    name: "Vàng Danh",
    fullName: "Phường Vàng Danh",
    nameAscii: "Vang Danh",
    kind: "ward",
    boundary: {
      type: "Polygon",
      coordinates: [
        [
          [w, 21.0],
          [w + 0.05, 21.0],
          [w + 0.05, 21.05],
          [w, 21.05],
          [w, 21.0],
        ],
      ],
    },
    ...patch,
  };
}

export function status(patch: Partial<SyncStatus> = {}): SyncStatus {
  return {
    state: "online",
    backendUrl: "http://127.0.0.1:8420",
    lastSyncAt: "2026-11-25T15:41:07.000Z",
    cursor: 10,
    headSeq: 10,
    pendingActions: 0,
    lastError: null,
    storageFull: false,
    centre: "city",
    links: [],
    ...patch,
  };
}

export function snapshot(patch: Partial<Snapshot> = {}): Snapshot {
  return {
    status: status(),
    session: {
      state: "signed_in",
      operator: { id: "op-01", name: "Nguyễn Thị Lan", role: "operator" },
      expiresAt: "2026-11-26T03:41:07.000Z",
      streamToken: "s".repeat(43),
      mustChangePassword: false,
      demo: true,
      waiting: [],
    },
    operator: { id: "op-01", name: "Nguyễn Thị Lan", role: "operator" },
    settings: { backendUrl: "http://127.0.0.1:8420", language: "vi", operatorId: "op-01" },
    wards: [ward()],
    cameras: [camera()],
    sensors: [],
    alarms: [alarm()],
    incidents: [],
    bookmarks: [],
    directives: [],
    escalations: [],
    problems: [],
    ...patch,
  };
}
