import { parentPort, workerData } from "node:worker_threads";
import { BackendClient } from "../sync/backend-client.js";
import { inThreadPageSource } from "../sync/page-source.js";
import { DecoderDataSchema, DecoderRequestSchema, type DecoderAnswer } from "./page-decoder-protocol.js";

/**
 * Fetches, parses and validates catch-up pages on its own thread, so that the core's thread (which
 * owns SQLite) only writes: on a first sync of 100,000 changes the two halves run side by side.
 */
const port = parentPort;
if (port === null) throw new Error("page-decoder-worker must run in a worker thread");
const source = inThreadPageSource(new BackendClient(DecoderDataSchema.parse(workerData).backendUrl));

port.on("message", (raw: unknown) => {
  const request = DecoderRequestSchema.safeParse(raw);
  if (!request.success) return;
  void source.fetch(request.data.after, request.data.limit).then((result) => {
    const answer: DecoderAnswer = { id: request.data.id, result };
    port.postMessage(answer);
  });
});
