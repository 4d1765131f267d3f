import { isAscii } from "node:buffer";

/**
 * A body as text. The backend writes its records as ASCII JSON (ascii-json.ts); such a body is
 * read as Latin-1, which for ASCII is the same text, without a UTF-8 decode and as one-byte
 * strings (cheaper to parse, to hand to another thread and to write to SQLite). Anything else is UTF-8.
 */
export function bodyText(bytes: Uint8Array, start = 0, end = bytes.byteLength): string {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start);
  return isAscii(view) ? view.toString("latin1") : view.toString("utf8");
}
