import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pruneLoopCache } from "../../backend/hls/loop-encoder.js";

describe("pruning a shared loop cache", () => {
  it("removes old recipes of its own cameras and dead encodes, and leaves other backends' cameras", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ioc-loops-"));
    const names = ["cam-01-aaaaaaaaaaaa", "cam-01-bbbbbbbbbbbb", "cam-40-cccccccccccc", "cam-02-dddddddddddd.tmp-999999999", `cam-02-eeeeeeeeeeee.tmp-${process.pid}`];
    for (const name of names) mkdirSync(join(dir, name));
    await pruneLoopCache(dir, new Set(["cam-01-aaaaaaaaaaaa", "cam-02-dddddddddddd"]));
    const left = names.filter((name) => existsSync(join(dir, name)));
    expect(left).toEqual(["cam-01-aaaaaaaaaaaa", "cam-40-cccccccccccc", `cam-02-eeeeeeeeeeee.tmp-${process.pid}`]);
  });
});
