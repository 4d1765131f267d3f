/**
 * The demo city's passwords: "uongbi-" + the operator id (e.g. op-01 → "uongbi-op-01"). They
 * exist only on a backend started with --demo, and a console signs in with one by itself only
 * when started with --demo: everyone who has read the README knows them.
 */
export function demoPasswordOf(operatorId: string): string {
  return `uongbi-${operatorId}`;
}
