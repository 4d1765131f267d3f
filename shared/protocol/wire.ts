import { z } from "zod";
import { AppErrorSchema, resultSchema } from "../result.js";
import { ConsoleEventSchema, ConsoleRequestSchema } from "./console-api.js";

/** Envelopes of the console API on a WebSocket (browser console) and on IPC (Electron). */

export const CONSOLE_WS_PATH = "/console-api";

/**
 * The browser console's page secret: minted for each page the console's web server serves, put in
 * the page as <meta name=PAGE_SECRET_META>, and shown back when the page opens the console API's
 * WebSocket, as the subprotocol PAGE_SECRET_PROTOCOL_PREFIX + secret (the one thing a page may
 * choose in a WebSocket handshake). A page served anywhere else cannot read it.
 */
export const PAGE_SECRET_META = "ioc-console-secret";
export const PAGE_SECRET_PROTOCOL_PREFIX = "ioc-console.";

export { IPC_CHANNELS } from "./bridge.js";

/** Browser → core. The request stays unknown here so a bad request still gets an answer with its id. */
export const ClientMessageSchema = z.object({
  kind: z.literal("request"),
  id: z.number().int().nonnegative(),
  request: z.unknown(),
});
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

export const ServerMessageSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("response"),
    id: z.number().int().nonnegative(),
    result: resultSchema(z.unknown()),
  }),
  z.object({ kind: z.literal("event"), event: ConsoleEventSchema }),
  /** A message we could not even attribute to a request. */
  z.object({ kind: z.literal("error"), error: AppErrorSchema }),
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;

export { ConsoleRequestSchema };
