/**
 * zod builds each parsed object key by key. In the page it cannot compile its fast parsers (the
 * Content-Security-Policy forbids eval), and V8 turns an object that receives more than about a
 * dozen properties that way into a hash table: an alarm then costs some 800 bytes more than the
 * same object built in one go, for as long as the page holds it. A spread rebuilds it compact.
 */
const MAX_KEYED_PROPERTIES = 12;
/** Entities sit at most this deep in what the core sends (a snapshot's alarms, a command's target). */
const ENTITY_DEPTH = 2;

/** Rebuilds, in place where it can, the large records of a freshly parsed value so V8 keeps them compact. */
export function compactParsedObjects<T>(value: T): T {
  return compact(value, 0) as T;
}

function compact(value: unknown, depth: number): unknown {
  if (depth > ENTITY_DEPTH || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = compact(value[i], depth + 1);
    return value;
  }
  const record = value as Record<string, unknown>;
  let keys = 0;
  for (const key in record) {
    keys += 1;
    const child = record[key];
    if (child !== null && typeof child === "object") record[key] = compact(child, depth + 1);
  }
  return keys > MAX_KEYED_PROPERTIES ? { ...record } : record;
}
