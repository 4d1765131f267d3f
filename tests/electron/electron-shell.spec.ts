import { _electron as electron, expect, test } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../../scripts/lib/backend-process.js";
import { findElectronBinary } from "../../scripts/lib/electron-binary.js";
import { startTestBackend } from "../e2e/harness/stack.js";

/**
 * The real Electron shell. Runs where Electron's binary is installed (`npx install-electron`);
 * elsewhere it is skipped, never faked: the browser console tests cover the same renderer and core.
 * Needs `npm run build` first (the e2e script builds the renderer; the shell is built here).
 */
const binary = findElectronBinary();

test.describe("Electron shell", () => {
  test.skip(binary === null, "Electron's binary is not installed on this machine (node_modules/electron/dist is empty); run `npx install-electron` to run these tests.");

  test("opens the console with secure defaults and the typed bridge", async () => {
    const { execFileSync } = await import("node:child_process");
    execFileSync(process.execPath, ["--import", "tsx", "scripts/build-electron.ts"], { cwd: REPO_ROOT });
    const backend = await startTestBackend();
    const app = await electron.launch({
      executablePath: binary!,
      args: [REPO_ROOT, `--user-data-dir=${mkdtempSync(join(tmpdir(), "ioc-electron-"))}`],
      env: { ...process.env, IOC_BACKEND_URL: backend.url },
    });
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId("app")).toBeVisible();
      await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "online");
      const bridge = await page.evaluate(() => ({
        frozen: Object.isFrozen((window as unknown as { ioc: object }).ioc),
        hasRequire: typeof (window as unknown as { require?: unknown }).require !== "undefined",
        hasProcess: typeof (window as unknown as { process?: unknown }).process !== "undefined",
      }));
      expect(bridge).toEqual({ frozen: true, hasRequire: false, hasProcess: false });
    } finally {
      await app.close();
      await backend.stop();
    }
  });
});

test.describe("Electron workstation windows", () => {
  test.skip(binary === null, "Electron's binary is not installed on this machine (node_modules/electron/dist is empty); run `npx install-electron` to run these tests.");

  test("opens one window per planned role on this machine's displays and keeps the layout across a restart", async () => {
    const { execFileSync } = await import("node:child_process");
    const { readFileSync } = await import("node:fs");
    execFileSync(process.execPath, ["--import", "tsx", "scripts/build-electron.ts"], { cwd: REPO_ROOT });
    const backend = await startTestBackend();
    const userData = mkdtempSync(join(tmpdir(), "ioc-electron-ws-"));
    const launch = () =>
      electron.launch({ executablePath: binary!, args: [REPO_ROOT, `--user-data-dir=${userData}`], env: { ...process.env, IOC_BACKEND_URL: backend.url } });
    try {
      let app = await launch();
      const displays = await app.evaluate(({ screen }) => screen.getAllDisplays().length);
      await app.firstWindow();
      await expect.poll(() => app.windows().length).toBeGreaterThanOrEqual(Math.min(displays, 3));
      const roles = await Promise.all(app.windows().map((w) => w.getByTestId("app").getAttribute("data-role")));
      // The shared planner's defaults: one display → combined; two → map+queue and wall; three → map, wall, queue.
      if (displays === 1) expect(roles).toEqual(["combined"]);
      else expect(new Set(roles).size).toBe(roles.length);
      await app.close();

      const layout = JSON.parse(readFileSync(join(userData, "workstation-layout.json"), "utf8")) as { assignments: { role: string }[] };
      expect(layout.assignments.map((a) => a.role).sort()).toEqual([...roles].sort());

      app = await launch();
      await app.firstWindow();
      await expect.poll(() => app.windows().length).toBe(roles.length);
      await app.close();
    } finally {
      await backend.stop();
    }
  });
});
