import type { Worker } from "node:worker_threads";
import { describeZodError, err, type Result } from "../../../shared/result.js";
import type { DecodedPage } from "../sync/decoded-page.js";
import type { PageSource } from "../sync/page-source.js";
import { DecoderAnswerSchema, type DecoderRequest } from "./page-decoder-protocol.js";
import { spawnWorker } from "./spawn-worker.js";

/**
 * A PageSource backed by page-decoder-worker. The worker starts at once; if it dies, the
 * pages it owed are answered with an error (the sync engine backs off and pulls again from its
 * cursor, so nothing is lost) and the next fetch starts a new one.
 */
export interface WorkerPageSource extends PageSource {
  /** The decoder's thread, if one is running (diagnostics and crash drills). */
  currentWorker(): Worker | null;
}

export function workerPageSource(backendUrl: string, workerPath: string | URL = new URL("./page-decoder-worker.ts", import.meta.url)): WorkerPageSource {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, (result: Result<DecodedPage>) => void>();

  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve(err("internal", message));
    pending.clear();
  };

  const start = (): Worker => {
    const current = spawnWorker(workerPath, { backendUrl });
    current.on("message", (raw: unknown) => {
      const answer = DecoderAnswerSchema.safeParse(raw);
      if (!answer.success) {
        failAll(`The page decoder sent a malformed answer: ${describeZodError(answer.error)}`);
        return;
      }
      pending.get(answer.data.id)?.(answer.data.result);
      pending.delete(answer.data.id);
    });
    current.on("error", (e) => failAll(`The page decoder failed: ${e.message}`));
    current.on("exit", (code) => {
      if (worker === current) worker = null;
      failAll(`The page decoder stopped (exit ${code}).`);
    });
    return current;
  };

  // Started now, not on first use: its start-up overlaps the hello that precedes the first page.
  worker = start();

  return {
    fetch(after, limit) {
      const current = (worker ??= start());
      const id = nextId++;
      const request: DecoderRequest = { id, after, limit };
      return new Promise((resolve) => {
        pending.set(id, resolve);
        current.postMessage(request);
      });
    },
    currentWorker: () => worker,
    close() {
      const current = worker;
      worker = null;
      failAll("The page decoder was closed.");
      void current?.terminate();
    },
  };
}
