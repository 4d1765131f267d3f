/**
 * Pure: the order in which a console tries the instances of its backend. The current one first;
 * when it cannot be reached, the others in turn, wrapping around. All instances of one backend
 * share its database, so the console resumes from its cursor on whichever answers, and its
 * queued actions' idempotency keys keep them applied once whichever instance receives them.
 */
export function failoverOrder(current: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => (current + i) % count);
}

/** Pure: the backend URLs a console was given, checked: at least one, absolute http(s), no repeats. */
export function backendUrlList(urls: string | readonly string[]): string[] {
  const list = [...new Set(typeof urls === "string" ? [urls] : urls)];
  if (list.length === 0) throw new Error("A console needs at least one backend URL.");
  return list;
}
