import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { TargetState } from "../../shared/commands/command.js";
import { BookmarkSchema, newBookmarkId, type Bookmark } from "../../shared/domain/bookmark.js";
import type { Snapshot } from "../../shared/protocol/console-api.js";
import type { TestBackend } from "../backend/backend-harness.js";
import { until } from "../shared/until.js";
import { auditRows, consoleFlowPerTest } from "./flow-harness.js";

async function backendBookmarkChanges(backend: TestBackend, id: string): Promise<Bookmark[]> {
  const res = await backend.get(`/api/v1/changes?after=0&limit=5000`);
  return (res.body as { changes: Array<{ entity: string; id: string; data: unknown }> }).changes.filter((c) => c.entity === "bookmark" && c.id === id).map((c) => BookmarkSchema.parse(c.data));
}

function bookmarkOf(state: TargetState): Bookmark {
  if (state.kind !== "bookmark") throw new Error(`expected a bookmark, got ${state.kind}`);
  return state.entity;
}

describe("bookmarks through the console core and the backend", () => {
  const flow = consoleFlowPerTest("ioc-core-bookmarks-");

  it("created while offline, it is shown at once and reaches the backend exactly once after reconnection; edit and delete follow, audited", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "ioc-backend-bookmarks-"));
    let backend = await flow.startBackend({ dataDir });
    const port = backend.backend.port;
    const core = flow.startCore(backend.backend.url);
    await until(() => core.service.getStatus().state === "online", "online");
    const camera = (await flow.call<Snapshot>({ type: "snapshot" })).cameras[0]!;
    await flow.stopBackend();
    await until(() => core.service.getStatus().state === "offline", "offline");

    const id = newBookmarkId(randomUUID());
    const command = { type: "bookmark_add", target: { kind: "bookmark", id }, cameraId: camera.id, startAt: "2026-12-04T02:14:00.000Z", endAt: "2026-12-04T02:14:30.000Z", note: "Người lạ trèo rào" };
    const created = bookmarkOf(await flow.call<TargetState>({ type: "command", command }));
    expect(created).toMatchObject({ id, cameraId: camera.id, createdBy: "op-01", deletedAt: null });
    expect(core.service.snapshot().bookmarks.filter((b) => b.id === id)).toHaveLength(1);
    expect(core.service.getStatus().pendingActions).toBe(1);

    backend = await flow.startBackend({ dataDir, port });
    await until(() => core.service.getStatus().pendingActions === 0, "outbox drained after reconnect", 40_000);
    const stored = await backendBookmarkChanges(backend, id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id, note: "Người lạ trèo rào", startAt: created.startAt, endAt: created.endAt, createdAt: created.createdAt });
    // Shown once: the confirmed copy took the place of the one made offline.
    await until(() => core.service.snapshot().bookmarks.some((b) => b.id === id), "confirmed copy");
    expect(core.service.snapshot().bookmarks.filter((b) => b.id === id)).toHaveLength(1);

    await flow.call<TargetState>({ type: "command", command: { type: "bookmark_note", target: { kind: "bookmark", id }, note: "Hai người trèo rào" } });
    await flow.call<TargetState>({ type: "command", command: { type: "bookmark_delete", target: { kind: "bookmark", id } } });
    await until(() => core.service.getStatus().pendingActions === 0, "outbox drained");
    expect((await backendBookmarkChanges(backend, id)).map((b) => [b.note, b.deletedAt !== null])).toEqual([
      ["Người lạ trèo rào", false],
      ["Hai người trèo rào", false],
      ["Hai người trèo rào", true],
    ]);
    await until(() => !core.service.snapshot().bookmarks.some((b) => b.id === id), "deleted bookmark off the screens");
    expect(auditRows(dataDir, "bookmark").map((r) => [r.action, r.target_id, r.outcome])).toEqual([
      ["bookmark_add", id, "applied"],
      ["bookmark_note", id, "applied"],
      ["bookmark_delete", id, "applied"],
    ]);
    expect((await backend.get("/api/v1/audit/verify")).body).toMatchObject({ ok: true, value: { valid: true } });
  }, 90_000);
});
