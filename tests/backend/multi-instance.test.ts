import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ChangeSchema, PROTOCOL_VERSION } from "../../shared/protocol/backend.js";
import { spawnBackend, stopChild, type BackendProcess } from "../../scripts/lib/backend-process.js";
import { backendFetch, signInAs } from "../../scripts/lib/backend-session.js";
import { freePort } from "../../scripts/lib/free-port.js";
import { StreamClient } from "./backend-harness.js";
import { freshDatabaseUrl, stopStoreServers } from "./store-implementations.js";

const dir = mkdtempSync(join(tmpdir(), "ioc-multi-"));
const keyFile = join(dir, "audit.key");
const running: BackendProcess[] = [];

beforeAll(() => writeFileSync(keyFile, randomBytes(32).toString("hex"), { mode: 0o600 }));
afterEach(async () => {
  for (const backend of running.splice(0)) await backend.stop();
});
afterAll(async () => {
  await stopStoreServers();
  rmSync(dir, { recursive: true, force: true });
});

/** A backend instance on the shared database, its log lines (pino JSON on stderr) kept. */
async function instance(databaseUrl: string, name: string, extra: string[] = []): Promise<BackendProcess & { log: string[] }> {
  const backend = await spawnBackend({
    port: await freePort(),
    dataDir: join(dir, name),
    extraArgs: ["--database-url", databaseUrl, "--audit-key-file", keyFile, "--demo", "--simulator-api", "--no-video", ...extra],
  });
  running.push(backend);
  const log: string[] = [];
  backend.child.stderr?.setEncoding("utf8").on("data", (chunk: string) => log.push(...chunk.split("\n").filter((l) => l !== "")));
  return { ...backend, log };
}

const leads = (log: readonly string[]) => log.some((line) => line.includes('"leading":true'));

describe("several backend instances on one PostgreSQL database", () => {
  it("a change committed through one instance reaches the change stream of the other; a session works on both", async () => {
    const url = await freshDatabaseUrl();
    const a = await instance(url, "a", ["--no-simulator"]);
    const b = await instance(url, "b", ["--no-simulator"]);
    // Signed in on A, listening on B: sessions live in the shared store.
    const session = await signInAs(a.url, "op-01", "desk-multi");
    const hello = (await (await backendFetch(`${b.url}/api/v1/hello?protocol=${PROTOCOL_VERSION}`, {}, "sup-01")).json()) as { headSeq: number };
    const stream = new StreamClient(`${b.url.replace(/^http/, "ws")}/api/v1/stream?after=${hello.headSeq}`, session.token);
    try {
      await stream.waitFor((m) => m.type === "ready");
      const raised = (await (await backendFetch(`${a.url}/api/v1/sim/alarms`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ count: 3 }) }, "sup-01")).json()) as {
        value: { ids: string[] };
      };
      expect(raised.value.ids).toHaveLength(3);
      for (const id of raised.value.ids) await stream.waitFor((m) => m.type === "change" && ChangeSchema.parse(m.change).id === id, 5000);
      const seqs = stream.messages.flatMap((m) => (m.type === "change" ? [ChangeSchema.parse(m.change).seq] : []));
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(seqs[0]).toBe(hello.headSeq + 1);
    } finally {
      stream.close();
    }
  });

  it("only one instance runs the simulator, and another takes over when it dies", async () => {
    const url = await freshDatabaseUrl();
    const a = await instance(url, "a", ["--alarm-interval-ms", "300"]);
    const b = await instance(url, "b", ["--alarm-interval-ms", "300"]);
    await expect.poll(() => leads(a.log), { timeout: 5000 }).toBe(true);
    const head = async (via: string) => ((await (await backendFetch(`${via}/api/v1/hello?protocol=${PROTOCOL_VERSION}`, {}, "sup-01")).json()) as { headSeq: number }).headSeq;
    const before = await head(b.url);
    await expect.poll(() => head(b.url), { timeout: 5000 }).toBeGreaterThan(before);
    expect(leads(b.log)).toBe(false);
    await stopChild(a.child, "SIGKILL");
    const killedAt = Date.now();
    await expect.poll(() => leads(b.log), { timeout: 10_000 }).toBe(true);
    expect(Date.now() - killedAt).toBeLessThan(6000);
    const afterTakeover = await head(b.url);
    await expect.poll(() => head(b.url), { timeout: 5000 }).toBeGreaterThan(afterTakeover);
  });
});
