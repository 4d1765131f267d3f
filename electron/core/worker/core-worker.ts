import { parentPort, workerData } from "node:worker_threads";
import { startConsoleCore, type ConsoleCore } from "../console-core.js";
import { MemorySettingsStore } from "../settings/memory-settings-store.js";
import { HostToWorkerSchema, WorkerDataSchema, type WorkerToHost } from "./worker-protocol.js";

/**
 * The console core in its own thread: catch-up pages and bulk writes to SQLite never block
 * the thread that answers the renderers.
 */
const port = parentPort;
if (port === null) throw new Error("core-worker must run in a worker thread");
const post = (message: WorkerToHost) => port.postMessage(message);

let core: ConsoleCore;
try {
  const data = WorkerDataSchema.parse(workerData);
  // The core owns the settings; the host keeps them on disk.
  const settings = new MemorySettingsStore(data.settings, (changed) => post({ kind: "settings", settings: changed }));
  core = startConsoleCore({
    dataDir: data.dataDir,
    settings,
    ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
    decoderWorkerPath: data.decoderWorkerPath ?? new URL("./page-decoder-worker.ts", import.meta.url),
    log: (line) => post({ kind: "log", line }),
    ...(data.demo === true ? { demo: true } : {}),
    ...(data.autoSignIn !== undefined ? { autoSignIn: data.autoSignIn } : {}),
    ...(data.backendCa !== undefined ? { backendCa: Buffer.from(data.backendCa, "utf8") } : {}),
    ...(data.backendFallbackUrls !== undefined ? { backendFallbackUrls: data.backendFallbackUrls } : {}),
    ...(data.cacheQuotaBytes !== undefined ? { cacheQuotaBytes: data.cacheQuotaBytes } : {}),
    ...(data.streetMapFile !== undefined ? { streetMapFile: data.streetMapFile } : {}),
  });
  core.service.onEvent((event) => post({ kind: "event", event }));
  post({ kind: "ready", notices: core.notices, status: core.service.getStatus() });

  port.on("message", (raw: unknown) => {
    const message = HostToWorkerSchema.safeParse(raw);
    if (!message.success) return;
    switch (message.data.kind) {
      case "request": {
        const { id, request } = message.data;
        void core.handle(request).then((result) => post({ kind: "response", id, result }));
        break;
      }
      case "close":
        core.close();
        post({ kind: "closed" });
        port.close();
        break;
    }
  });
} catch (e) {
  post({ kind: "fatal", message: e instanceof Error ? e.message : String(e) });
}
