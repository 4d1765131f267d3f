import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../scripts/lib/backend-process.js";
import { spawnConsole } from "../../scripts/lib/console-process.js";

// npm run serve / npm run console run the bundle, not the sources: it must start, find its
// workers beside it, open its cache and serve the console's page.
describe("the bundled browser console", () => {
  it("builds, starts with its core in the bundled worker, and serves the page", { timeout: 120_000 }, async () => {
    const build = spawnSync(process.execPath, ["--import", "tsx", "scripts/build-console.ts"], { cwd: REPO_ROOT, encoding: "utf8", timeout: 60_000 });
    expect(build.status, build.stderr).toBe(0);
    const consoleApp = await spawnConsole({ backendUrl: "http://127.0.0.1:9", dataDir: mkdtempSync(join(tmpdir(), "ioc-bundled-")), operator: null, bundled: true });
    try {
      const page = await fetch(consoleApp.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<div id=\"root\"");
    } finally {
      await consoleApp.stop();
    }
  });
});
