import {
  CONSOLE_RESPONSE_SCHEMAS,
  type ConsoleRequestType,
  type ConsoleResponse,
} from "../../../shared/protocol/console-api.js";
import { describeZodError, err, ok, resultSchema, type AppError, type Result } from "../../../shared/result.js";
import { z } from "zod";
import { compactParsedObjects } from "./compact-objects.js";

/** A Result whose value has not been checked yet: the shape both transports deliver. */
export type UncheckedResult = { ok: true; value: unknown } | { ok: false; error: AppError };

export const UncheckedResultSchema = resultSchema(z.unknown());

/** Check a response against the schema of the request type it answers. Never throws. */
export function validateResponse<T extends ConsoleRequestType>(
  type: T,
  result: UncheckedResult,
): Result<ConsoleResponse<T>> {
  if (!result.ok) return result;
  const parsed = CONSOLE_RESPONSE_SCHEMAS[type].safeParse(result.value);
  if (!parsed.success) {
    return err("backend_error", `Malformed response to ${type}: ${describeZodError(parsed.error)}`);
  }
  // The schema was picked by `type`, so the parsed value is the response for T.
  return ok(compactParsedObjects(parsed.data) as ConsoleResponse<T>);
}

/** Parse a whole Result envelope from unknown data (the IPC bridge hands back exactly that). */
export function parseUncheckedResult(data: unknown): Result<UncheckedResult> {
  const parsed = UncheckedResultSchema.safeParse(data);
  if (parsed.success) return ok(parsed.data);
  return err("backend_error", `Malformed answer from the core: ${describeZodError(parsed.error)}`);
}
