import { createHash, randomBytes, randomUUID } from "node:crypto";

/** 256 random bits, URL-safe: a bearer token or a stream token. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function newSessionId(): string {
  return `ses-${randomUUID()}`;
}

/** What the store keeps of a token: a copy of the database must not open sessions. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^Bearer ([A-Za-z0-9_-]{32,200})$/.exec(header.trim());
  return match?.[1] ?? null;
}
