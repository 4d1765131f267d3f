import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { compactParsedObjects } from "../../renderer/src/api/compact-objects.js";
import { REPO_ROOT } from "../../scripts/lib/backend-process.js";

describe("parsed records kept compact in the page", () => {
  it("rebuilds the alarms of events and snapshots that zod, without its compiled parsers, leaves as hash tables", () => {
    const out = execFileSync(process.execPath, ["--allow-natives-syntax", "--import", "tsx", "tests/renderer/fixtures/property-layout-child.ts"], { cwd: REPO_ROOT, encoding: "utf8" });
    const layout = JSON.parse(out) as { zodAlone: boolean[]; event: boolean[]; snapshot: boolean[] };
    // The cause: what zod alone builds is slow (dictionary) objects.
    expect(layout.zodAlone).toEqual([false, false]);
    expect(layout.event).toEqual([true, true]);
    expect(layout.snapshot.length).toBeGreaterThan(0);
    expect(layout.snapshot.every(Boolean)).toBe(true);
  });

  it("keeps values and small objects as they are, and goes no deeper than entities", () => {
    const small = { a: 1 };
    const big = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i]));
    const deepBig = { ...big };
    const value = { list: [big, small], one: { entity: big }, deep: [[[deepBig]]] };
    const compacted = compactParsedObjects(value);
    expect(compacted.list[0]).toEqual(big);
    expect(compacted.list[0]).not.toBe(big);
    expect(compacted.list[1]).toBe(small);
    expect(compacted.one.entity).not.toBe(big);
    expect(compacted.deep[0]![0]![0]).toBe(deepBig);
    expect(compactParsedObjects(null)).toBeNull();
    expect(compactParsedObjects("text")).toBe("text");
  });
});
