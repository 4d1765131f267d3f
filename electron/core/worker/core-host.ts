import type { Worker } from "node:worker_threads";
import { z } from "zod";
import { ConsoleEventSchema, type ConsoleEvent, type SyncStatus } from "../../../shared/protocol/console-api.js";
import { err, type Result } from "../../../shared/result.js";
import type { ConsolePort } from "../console-port.js";
import type { SettingsStore } from "../settings/settings-store.js";
import { spawnWorker } from "./spawn-worker.js";
import { WorkerToHostSchema, type HostToWorker, type WorkerData } from "./worker-protocol.js";

export interface CoreHostOptions {
  dataDir: string;
  settings: SettingsStore;
  nativeBinding?: string;
  /** The worker script: core-worker.ts under tsx, core-worker.cjs in the Electron bundle. */
  workerPath?: string | URL;
  /** Likewise page-decoder-worker (the core worker starts it). */
  decoderWorkerPath?: string;
  log?: (line: string) => void;
  /** A demo city (known passwords), and the demo operator to sign in at start. */
  demo?: boolean;
  autoSignIn?: string;
  /** PEM text of the CA that signed an https backend's certificate. */
  backendCa?: string;
  /** Other instances of the same backend (see ConsoleCoreOptions). */
  backendFallbackUrls?: readonly string[];
  /** Most bytes the cache may take on disk (see ConsoleCoreOptions). */
  cacheQuotaBytes?: number;
  /** The city's street map (MBTiles). */
  streetMapFile?: string;
}

/**
 * Events come from our own worker, built from data it has validated, and every renderer parses
 * them again on arrival. The host fully parses only the small events it acts on itself; parsing a
 * catch-up burst of thousands of alarms here would stall the thread that answers the UI.
 */
const HOST_INSPECTED = new Set(["status"]);
const EventTypeSchema = z.object({ type: z.string() });
function parseWorkerEvent(raw: unknown): { success: true; data: ConsoleEvent } | { success: false } {
  const head = EventTypeSchema.safeParse(raw);
  if (!head.success) return { success: false };
  if (HOST_INSPECTED.has(head.data.type)) return ConsoleEventSchema.safeParse(raw);
  return { success: true, data: raw as ConsoleEvent };
}

export interface HostedCore {
  port: ConsolePort;
  notices: string[];
  close(): Promise<void>;
  /** The worker now running the core (diagnostics: thread id, resource limits, crash drills). */
  currentWorker(): Worker;
}

/**
 * Runs the console core in a worker thread and exposes it as a ConsolePort. The core owns the
 * settings; the host keeps them on disk (electron-store lives in Electron's main process) and
 * hands a restarted worker the last ones. Requests pass through unread: the core parses them.
 */
export function startConsoleCoreInWorker(options: CoreHostOptions): Promise<HostedCore> {
  const workerPath = options.workerPath ?? new URL("./core-worker.ts", import.meta.url);
  const data: WorkerData = {
    dataDir: options.dataDir,
    settings: options.settings.get(),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.decoderWorkerPath ? { decoderWorkerPath: options.decoderWorkerPath } : {}),
    ...(options.demo === true ? { demo: true } : {}),
    ...(options.autoSignIn !== undefined ? { autoSignIn: options.autoSignIn } : {}),
    ...(options.backendCa !== undefined ? { backendCa: options.backendCa } : {}),
    ...(options.backendFallbackUrls !== undefined && options.backendFallbackUrls.length > 0 ? { backendFallbackUrls: [...options.backendFallbackUrls] } : {}),
    ...(options.cacheQuotaBytes !== undefined ? { cacheQuotaBytes: options.cacheQuotaBytes } : {}),
    ...(options.streetMapFile !== undefined ? { streetMapFile: options.streetMapFile } : {}),
  };
  let worker = spawnWorker(workerPath, data);
  const listeners = new Set<(event: ConsoleEvent) => void>();
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;
  let status: SyncStatus | null = null;
  let closing = false;
  let restarts = 0;
  const send = (message: HostToWorker) => worker.postMessage(message);
  const emit = (event: ConsoleEvent) => {
    for (const l of listeners) l(event);
  };

  const port: ConsolePort = {
    async handle(raw) {
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

  const close = () =>
    new Promise<void>((done) => {
      closing = true;
      worker.once("exit", () => done());
      send({ kind: "close" });
      setTimeout(() => void worker.terminate(), 5_000).unref();
    });

  /**
   * Wires one worker. If it dies after it was ready (a bug, a native crash), the host says so and
   * starts another on the same cache: everything it had written is in SQLite, the outbox included.
   */
  const attach = (current: Worker, onReady: (notices: string[]) => void, onFailure: (e: Error) => void) => {
    let ready = false;
    current.on("message", (raw: unknown) => {
      const message = WorkerToHostSchema.safeParse(raw);
      if (!message.success) return;
      const m = message.data;
      switch (m.kind) {
        case "ready":
          ready = true;
          status = m.status;
          emit({ type: "status", status: m.status });
          onReady(m.notices);
          break;
        case "response":
          pending.get(m.id)?.(m.result);
          pending.delete(m.id);
          break;
        case "event": {
          const event = parseWorkerEvent(m.event);
          if (!event.success) break;
          if (event.data.type === "status") status = event.data.status;
          emit(event.data);
          break;
        }
        case "log":
          options.log?.(m.line);
          break;
        case "settings":
          options.settings.update(m.settings);
          break;
        case "fatal":
          if (!ready) onFailure(new Error(m.message));
          else options.log?.(`console core failed: ${m.message}`);
          break;
        case "closed":
          break;
      }
    });
    current.on("error", (e) => {
      if (!ready) onFailure(e);
      options.log?.(`console core worker error: ${e.message}`);
    });
    current.on("exit", (code) => {
      for (const resolvePending of pending.values()) resolvePending(err("internal", `The console core stopped (exit ${code}); try again.`));
      pending.clear();
      if (!ready) {
        onFailure(new Error(`The console core stopped before it was ready (exit ${code}).`));
        return;
      }
      if (closing) return;
      const message = `The console core stopped unexpectedly (exit ${code}); restarting it from the local cache.`;
      options.log?.(message);
      if (status !== null) {
        status = { ...status, state: "offline", lastError: message };
        emit({ type: "status", status });
      }
      const delay = Math.min(10_000, 500 * 2 ** restarts++);
      setTimeout(() => {
        if (closing) return;
        worker = spawnWorker(workerPath, { ...data, settings: options.settings.get() });
        attach(
          worker,
          () => {
            restarts = 0;
          },
          (e) => options.log?.(`console core could not restart: ${e.message}`),
        );
      }, delay).unref();
    });
  };

  return new Promise((resolve, reject) => {
    attach(worker, (notices) => resolve({ port, notices, close, currentWorker: () => worker }), reject);
  });
}
