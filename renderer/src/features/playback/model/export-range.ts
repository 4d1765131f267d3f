/** How much an evidence export from the player covers, from the playhead, in seconds (an export takes at most an hour). */
export const EXPORT_LENGTHS_S = [10, 30, 60, 300, 600, 1800, 3600] as const;

/** Pure: the range an export from the playhead covers. */
export function exportRange(atMs: number, lengthS: number): { from: string; to: string } {
  const start = Math.round(atMs);
  return { from: new Date(start).toISOString(), to: new Date(start + lengthS * 1000).toISOString() };
}
