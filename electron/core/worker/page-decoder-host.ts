import type { Worker } from "node:worker_threads";
import { describeZodError, err, type Result } from "../../../shared/result.js";
import type { DecodedPage } from "../sync/decoded-page.js";
import type { BackendClient } from "../sync/backend-client.js";
import { readAheadPageSource, type PageSource } from "../sync/page-source.js";
import { DecoderAnswerSchema, type DecoderRequest } from "./page-decoder-protocol.js";
import { spawnWorker } from "./spawn-worker.js";

/**
 * A PageSource whose pages are read here, ahead of need (readAheadPageSource), and decoded by
 * page-decoder-worker as soon as they arrive, each page's bytes moved to it, not copied. The
 * worker starts at once; if it dies, the pages it owed are answered with an error (the sync engine
 * backs off and pulls again from its cursor, so nothing is lost) and the next page starts a new one.
 */
export interface WorkerPageSource extends PageSource {
  /** The decoder's thread, if one is running (diagnostics and crash drills). */
  currentWorker(): Worker | null;
}

export function workerPageSource(client: BackendClient, workerPath: string | URL = new URL("./page-decoder-worker.ts", import.meta.url)): WorkerPageSource {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, (result: Result<DecodedPage>) => void>();

  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve(err("internal", message));
    pending.clear();
  };

  const start = (): Worker => {
    const current = spawnWorker(workerPath, null);
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

  const pages = readAheadPageSource(client, (body) => {
    const current = (worker ??= start());
    const request: DecoderRequest = { id: nextId++, body: ownBytes(body) };
    return new Promise((resolve) => {
      pending.set(request.id, resolve);
      current.postMessage(request, [request.body.buffer]);
    });
  });

  return {
    fetch: (after, limit) => pages.fetch(after, limit),
    currentWorker: () => worker,
    close() {
      pages.close();
      const current = worker;
      worker = null;
      failAll("The page decoder was closed.");
      void current?.terminate();
    },
  };
}

/** The bytes in an ArrayBuffer of their own, so it can be moved to the worker (a small body may share Node's pool). */
function ownBytes(body: Buffer): Uint8Array<ArrayBuffer> {
  if (body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer) return new Uint8Array(body.buffer);
  return new Uint8Array(body);
}
