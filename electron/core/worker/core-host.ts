import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { ConsoleRequestSchema, ConsoleEventSchema, type ConsoleEvent, type SyncStatus } from "../../../shared/protocol/console-api.js";
import { err, ok, type Result } from "../../../shared/result.js";
import type { ConsolePort } from "../console-port.js";
import type { SettingsStore } from "../settings/settings-store.js";
import { WorkerToHostSchema, type HostToWorker, type WorkerData } from "./worker-protocol.js";

export interface CoreHostOptions {
  dataDir: string;
  settings: SettingsStore;
  nativeBinding?: string;
  /** The worker script: core-worker.ts under tsx, core-worker.cjs in the Electron bundle. */
  workerPath?: string | URL;
  log?: (line: string) => void;
}

/**
 * Under tsx (development, tests, the browser console) the worker is TypeScript, and Node 20 does not
 * carry tsx's loader into worker threads: a two-line bootstrap registers it there first.
 */
function createWorker(workerPath: string | URL, workerData: WorkerData): Worker {
  const href = workerPath instanceof URL ? workerPath.href : pathToFileURL(workerPath).href;
  if (!href.endsWith(".ts")) return new Worker(workerPath, { workerData });
  const tsxApi = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

export interface HostedCore {
  port: ConsolePort;
  notices: string[];
  close(): Promise<void>;
}

/**
 * Runs the console core in a worker thread and exposes it as a ConsolePort. Settings stay with
 * the host (electron-store lives in Electron's main process); the worker gets a copy.
 */
export function startConsoleCoreInWorker(options: CoreHostOptions): Promise<HostedCore> {
  const workerPath = options.workerPath ?? new URL("./core-worker.ts", import.meta.url);
  const data: WorkerData = {
    dataDir: options.dataDir,
    settings: options.settings.get(),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  };
  const worker = createWorker(workerPath, data);
  const listeners = new Set<(event: ConsoleEvent) => void>();
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;
  let status: SyncStatus | null = null;
  let closing = false;
  const send = (message: HostToWorker) => worker.postMessage(message);
  const emit = (event: ConsoleEvent) => {
    for (const l of listeners) l(event);
  };

  const port: ConsolePort = {
    async handle(raw) {
      const request = ConsoleRequestSchema.safeParse(raw);
      if (request.success && request.data.type === "settings.update") {
        const settings = options.settings.update(request.data.language !== undefined ? { language: request.data.language } : {});
        send({ kind: "settings", settings });
        emit({ type: "settings", settings });
        return ok(settings);
      }
      if (closing) return err("internal", "The console core is shutting down.");
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        send({ kind: "request", id, request: raw });
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getStatus() {
      if (status === null) throw new Error("core not ready");
      return status;
    },
  };

  return new Promise((resolve, reject) => {
    let ready = false;
    worker.on("message", (raw: unknown) => {
      const message = WorkerToHostSchema.safeParse(raw);
      if (!message.success) return;
      const m = message.data;
      switch (m.kind) {
        case "ready":
          ready = true;
          status = m.status;
          resolve({
            port,
            notices: m.notices,
            close: () =>
              new Promise<void>((done) => {
                closing = true;
                worker.once("exit", () => done());
                send({ kind: "close" });
                setTimeout(() => void worker.terminate(), 5_000).unref();
              }),
          });
          break;
        case "response":
          pending.get(m.id)?.(m.result);
          pending.delete(m.id);
          break;
        case "event": {
          const event = ConsoleEventSchema.safeParse(m.event);
          if (!event.success) break;
          if (event.data.type === "status") status = event.data.status;
          emit(event.data);
          break;
        }
        case "log":
          options.log?.(m.line);
          break;
        case "fatal":
          if (!ready) reject(new Error(m.message));
          else options.log?.(`console core failed: ${m.message}`);
          break;
        case "closed":
          break;
      }
    });
    worker.on("error", (e) => {
      if (!ready) reject(e);
      options.log?.(`console core worker error: ${e.message}`);
    });
    worker.on("exit", (code) => {
      for (const resolvePending of pending.values()) resolvePending(err("internal", `The console core stopped (exit ${code}).`));
      pending.clear();
      if (!ready) reject(new Error(`The console core stopped before it was ready (exit ${code}).`));
    });
  });
}
