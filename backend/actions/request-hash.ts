import { createHash } from "node:crypto";

/** What an idempotency key is bound to: the request it first came with, the key itself left out. */
export function requestHash(request: { idempotencyKey: string }): string {
  const { idempotencyKey: _key, ...rest } = request;
  return createHash("sha256").update(JSON.stringify(rest)).digest("hex");
}
