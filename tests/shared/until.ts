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
