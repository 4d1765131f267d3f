import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../scripts/lib/backend-process.js";
import { backendFetch, forgetSessions } from "../../scripts/lib/backend-session.js";
import { BACKEND_PATHS } from "../../shared/protocol/backend.js";
import { spawnTraced, stopTraced, syncedBeforeAnswer } from "./strace.js";
import type { ChildProcess } from "node:child_process";

function listening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (https?:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited (${code}) before listening:\n${output}`)));
  });
}

describe("commits reported to someone survive a power cut", () => {
  let traced: ChildProcess | null = null;
  afterEach(async () => {
    if (traced !== null) await stopTraced(traced);
    traced = null;
  });

  it("the backend answers an action only after its commit is synced to disk", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "ioc-durable-backend-"));
    const out = join(dir, "trace.txt");
    traced = spawnTraced(out, process.execPath, ["--import", "tsx", "backend/main.ts", "--port", "0", "--data-dir", join(dir, "data"), "--demo", "--no-video", "--no-simulator", "--quiet"], REPO_ROOT);
    const url = await listening(traced);
    const marker = `durable-${randomUUID()}`;
    const response = await backendFetch(`${url}${BACKEND_PATHS.actions}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ idempotencyKey: randomUUID(), operatorId: "op-01", at: new Date().toISOString(), command: { type: "comment", target: { kind: "alarm", id: "alm-0001" }, text: marker } }),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(marker);
    forgetSessions(url);
    await stopTraced(traced);
    traced = null;
    // Between the answer to the sign-in before it and this answer, the store's WAL was synced.
    expect(syncedBeforeAnswer(out, marker, "ioc-backend.sqlite-wal", /HTTP\/1\.1 /)).toEqual({ answered: true, synced: true });
  });

  it("the console tells an operator an action is kept only after it is synced to disk", { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "ioc-durable-console-"));
    const out = join(dir, "trace.txt");
    const marker = `durable-${randomUUID()}`;
    traced = spawnTraced(out, process.execPath, ["--import", "tsx", "tests/durability/fixtures/enqueue-child.ts", dir, marker], REPO_ROOT);
    const code = await new Promise<number | null>((resolve) => traced!.once("exit", resolve));
    traced = null;
    expect(code).toBe(0);
    // Between "ready" (the cache open, an ordinary write done) and "queued", the cache's WAL was synced.
    expect(syncedBeforeAnswer(out, `queued ${marker}`, "cache.sqlite-wal", /"ready\\n"/)).toEqual({ answered: true, synced: true });
  });
});
