/**
 * Pure: delay before reconnect attempt `attempt` (0-based), exponential with full jitter,
 * so that many consoles coming back after an outage do not hit the backend in step.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random, baseMs = 500, maxMs = 15_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
