import { AppErrorSchema, assertNever, describeZodError, type AppError } from "../../../shared/result.js";
import { z } from "zod";
import { parseConsoleEvent } from "./parse-event.js";
import { UncheckedResultSchema, type UncheckedResult } from "./parse-response.js";
import type { ConsoleEvent } from "../../../shared/protocol/console-api.js";

/** What one WebSocket frame from the core turned out to be. */
export type ServerFrame =
  | { kind: "response"; id: number; result: UncheckedResult }
  | { kind: "event"; event: ConsoleEvent | null; problems: string[] }
  | { kind: "error"; error: AppError }
  /** Unusable; `id` is set when we could still tell which request it answered. */
  | { kind: "malformed"; message: string; id: number | null };

// Envelope first, payload second: a bad payload can then still be matched to its request.
const EnvelopeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("response"), id: z.number().int().nonnegative(), result: z.unknown() }),
  z.object({ kind: z.literal("event"), event: z.unknown() }),
  z.object({ kind: z.literal("error"), error: z.unknown() }),
]);

export function interpretServerFrame(raw: unknown): ServerFrame {
  if (typeof raw !== "string") return { kind: "malformed", message: "Binary frame from the core ignored", id: null };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { kind: "malformed", message: `Frame from the core is not JSON: ${raw.slice(0, 80)}`, id: null };
  }
  const envelope = EnvelopeSchema.safeParse(data);
  if (!envelope.success) {
    return { kind: "malformed", message: `Malformed message from the core: ${describeZodError(envelope.error)}`, id: null };
  }
  const message = envelope.data;
  switch (message.kind) {
    case "response": {
      const result = UncheckedResultSchema.safeParse(message.result);
      if (!result.success) {
        return {
          kind: "malformed",
          message: `Malformed response #${message.id}: ${describeZodError(result.error)}`,
          id: message.id,
        };
      }
      return { kind: "response", id: message.id, result: result.data };
    }
    case "event": {
      const { event, problems } = parseConsoleEvent(message.event);
      return { kind: "event", event, problems };
    }
    case "error": {
      const error = AppErrorSchema.safeParse(message.error);
      if (!error.success) {
        return { kind: "malformed", message: `Malformed error from the core: ${describeZodError(error.error)}`, id: null };
      }
      return { kind: "error", error: error.data };
    }
    default:
      return assertNever(message);
  }
}
