/** Names that exist only for end-to-end tests and benchmarks: a production bundle must not hold them. */
export const TEST_HOOK_MARKERS = ["__iocMapTest", "__iocMap", "__iocWall"] as const;

/** Pure: which markers a bundle's text contains. */
export function testHookMarkersIn(text: string): string[] {
  return TEST_HOOK_MARKERS.filter((marker) => text.includes(marker));
}
