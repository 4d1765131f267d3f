import { parentPort } from "node:worker_threads";
import { bodyText } from "../sync/body-text.js";
import { decodeChangeLines } from "../sync/decode-change-lines.js";
import { DecoderRequestSchema, type DecoderAnswer } from "./page-decoder-protocol.js";

/**
 * Parses and validates catch-up pages on its own thread, so that the core's thread (which owns
 * SQLite and reads the pages off the network) only reads and writes: on a first sync of 100,000
 * changes the two halves run side by side, and this thread never waits for a body.
 */
const port = parentPort;
if (port === null) throw new Error("page-decoder-worker must run in a worker thread");

port.on("message", (raw: unknown) => {
  const request = DecoderRequestSchema.safeParse(raw);
  if (!request.success) return;
  const answer: DecoderAnswer = { id: request.data.id, result: decodeChangeLines(bodyText(request.data.body)) };
  port.postMessage(answer);
});
