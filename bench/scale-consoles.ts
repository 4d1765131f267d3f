import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import WebSocket from "ws";
import { PROTOCOL_VERSION } from "../shared/protocol/backend.js";
import { spawnBackend, type BackendProcess } from "../scripts/lib/backend-process.js";
import { backendFetch, signInAs } from "../scripts/lib/backend-session.js";
import { freePort } from "../scripts/lib/free-port.js";
import type { ThrowawayPostgres } from "../scripts/lib/throwaway-postgres.js";
import { percentile, round, tempDir, type Figures } from "./harness.js";

/** A console as the backend sees it: a session's live stream, checked for order and gaps. */
interface StreamConsole {
  socket: WebSocket;
  lastSeq: number;
  received: number;
  gaps: number;
  latenciesMs: number[];
}

function followStream(url: string, token: string, after: number): Promise<StreamConsole> {
  const state: StreamConsole = { socket: new WebSocket(`${url.replace(/^http/, "ws")}/api/v1/stream?after=${after}`, { headers: { authorization: `Bearer ${token}` } }), lastSeq: after, received: 0, gaps: 0, latenciesMs: [] };
  return new Promise((resolve, reject) => {
    state.socket.on("message", (data) => {
      const message = JSON.parse(String(data)) as { type: string; change?: { seq: number; at: string } };
      if (message.type === "ready") resolve(state);
      if (message.type !== "change" || message.change === undefined) return;
      // The store stamps a change as it writes it: commit → this console's socket, on one clock.
      state.latenciesMs.push(Date.now() - Date.parse(message.change.at));
      if (message.change.seq !== state.lastSeq + 1) state.gaps += 1;
      state.lastSeq = message.change.seq;
      state.received += 1;
    });
    state.socket.once("error", reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const headOf = async (url: string) => ((await (await backendFetch(`${url}/api/v1/hello?protocol=${PROTOCOL_VERSION}`, {}, "sup-01")).json()) as { headSeq: number }).headSeq;

/**
 * N protocol clients (a session and a live stream each, as a console core holds) spread over two
 * instances on one database; one instance's simulator floods alarms at `perSecond` for `seconds`.
 * Latency is from the store's stamp to each console's socket; "lost" counts changes a console
 * never got or got out of order.
 */
export async function liveConsoles(server: ThrowawayPostgres, options: { consoles: number; perSecond: number; seconds: number }): Promise<Figures> {
  const dir = tempDir("scale-consoles");
  const keyFile = join(dir, "audit.key");
  writeFileSync(keyFile, randomBytes(32).toString("hex"), { mode: 0o600 });
  const databaseUrl = await server.createDatabase();
  const instances: BackendProcess[] = [];
  const consoles: StreamConsole[] = [];
  try {
    for (const name of ["a", "b"]) {
      instances.push(
        await spawnBackend({ port: await freePort(), dataDir: join(dir, name), extraArgs: ["--database-url", databaseUrl, "--audit-key-file", keyFile, "--demo", "--simulator-api", "--no-video", "--no-simulator", "--quiet"] }),
      );
    }
    const head = await headOf(instances[0]!.url);
    for (let i = 0; i < options.consoles; i++) {
      const instance = instances[i % instances.length]!;
      const session = await signInAs(instance.url, i % 2 === 0 ? "op-01" : "op-02", `bench-desk-${i}`);
      consoles.push(await followStream(instance.url, session.token, head));
    }
    const flood = await backendFetch(`${instances[0]!.url}/api/v1/sim/flood`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ perSecond: options.perSecond, seconds: options.seconds }) }, "sup-01");
    if (!flood.ok) throw new Error(`the flood was refused: HTTP ${flood.status}`);
    await sleep(options.seconds * 1000 + 500);
    const finalHead = await headOf(instances[1]!.url);
    const deadline = Date.now() + 30_000;
    while (consoles.some((c) => c.lastSeq < finalHead) && Date.now() < deadline) await sleep(100);
    const lost = consoles.reduce((sum, c) => sum + Math.max(0, finalHead - head - c.received) + c.gaps, 0);
    const latencies = consoles.flatMap((c) => c.latenciesMs);
    return {
      "scale.consoles_200_live_p95_ms": { value: round(percentile(latencies, 95), 1), unit: "ms" },
      "scale.consoles_live_lost": { value: lost, unit: "changes" },
      "scale.consoles_live_changes": { value: finalHead - head, unit: "changes" },
    };
  } finally {
    for (const c of consoles) c.socket.terminate();
    for (const instance of instances) await instance.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
