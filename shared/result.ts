import { z } from "zod";

/**
 * The closed set of error kinds that may cross any boundary (IPC, WebSocket, HTTP).
 * Adding a kind is a contract change: every exhaustive switch over it must be updated.
 */
export const ErrorKindSchema = z.enum([
  "invalid_request", // the call itself is malformed (schema failure)
  "not_found", // the thing named does not exist
  "conflict", // someone else changed it first; `detail` says who and when
  "unauthenticated", // no session, or one that expired or was revoked: sign in (again)
  "forbidden", // the operator's role does not allow it
  "rate_limited", // too many attempts or actions too fast: wait and try again
  "offline", // the backend cannot be reached; the action may be queued
  "storage_full", // the disk (or quota) of the store that would keep it is full: nothing was written
  "backend_error", // the backend answered, but not with something we understand
  "protocol_mismatch", // console and backend speak incompatible protocol versions
  "internal", // a bug on our side; logged
]);
export type ErrorKind = z.infer<typeof ErrorKindSchema>;

export const AppErrorSchema = z.object({
  kind: ErrorKindSchema,
  message: z.string(),
  /** Optional structured detail, e.g. who acknowledged first in a conflict. */
  detail: z.record(z.string(), z.unknown()).optional(),
});
export type AppError = z.infer<typeof AppErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (kind: ErrorKind, message: string, detail?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: detail === undefined ? { kind, message } : { kind, message, detail },
});

/** A zod schema for `Result<T>` given the schema of T. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion("ok", [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: AppErrorSchema }),
  ]);
}

/** Human-readable one-liner for a zod failure, for error messages users may see. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(root)"}: ${issue.message}`)
    .join("; ");
}

/** Parse unknown data at a boundary into a Result, never throwing. */
export function parseWith<T extends z.ZodType>(schema: T, data: unknown, what: string): Result<z.infer<T>> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return ok(parsed.data);
  return err("invalid_request", `Malformed ${what}: ${describeZodError(parsed.error)}`);
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
