/**
 * Polls until `check` holds, because consoles and backends sync, retry and drain on their own timers,
 * not on anything a test can await. Throws, naming `what`, when `timeoutMs` passes first.
 */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000, intervalMs = 25): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * Polls `probe` until it gives a value, and returns it: a playlist, a record, a file that a backend
 * makes in its own time. A probe that throws (a server not up yet) counts as no value.
 */
export async function untilValue<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 40_000, intervalMs = 300): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
