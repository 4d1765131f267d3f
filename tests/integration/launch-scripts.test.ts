import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../scripts/lib/backend-process.js";
import { ELECTRON_MISSING, findElectronBinary } from "../../scripts/lib/electron-binary.js";

/** What a newcomer sees when something is missing: one clear sentence, no stack trace. */
function run(script: string, args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], { cwd: REPO_ROOT, encoding: "utf8", timeout: 60_000 });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

describe("launch scripts", () => {
  let blocker: Server;
  let takenPort = 0;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const address = blocker.address();
    takenPort = typeof address === "object" && address ? address.port : 0;
  });
  afterAll(() => new Promise<void>((r) => blocker.close(() => r())));

  it.runIf(findElectronBinary() === null)("npm start without Electron's binary says what to do in one sentence", () => {
    const { code, out } = run("scripts/start.ts", []);
    expect(code).toBe(1);
    expect(out.trim()).toBe(ELECTRON_MISSING);
  });

  it("the browser console on a port already taken says so in one sentence", () => {
    const { code, out } = run("scripts/serve.ts", ["--port", String(takenPort), "--backend-url", "http://127.0.0.1:9", "--data-dir", mkdtempSync(join(tmpdir(), "ioc-launch-"))]);
    expect(code).toBe(1);
    expect(out).toContain(`Port ${takenPort} is already in use`);
    expect(out).not.toMatch(/\n\s+at /);
  });

  it("the embedded backend on a port already taken says so in one sentence", () => {
    const { code, out } = run("scripts/serve.ts", ["--port", "0", "--backend-port", String(takenPort), "--no-video", "--data-dir", mkdtempSync(join(tmpdir(), "ioc-launch-")), "--backend-data-dir", mkdtempSync(join(tmpdir(), "ioc-launch-b-"))]);
    expect(code).toBe(1);
    expect(out).toContain(`Port ${takenPort} is already in use`);
    expect(out).not.toMatch(/\n\s+at /);
  });

  it("an unknown flag gets the usage, not a stack trace", () => {
    const { code, out } = run("scripts/serve.ts", ["--frobnicate"]);
    expect(code).toBe(1);
    expect(out).toContain("--backend-url");
    expect(out).not.toMatch(/\n\s+at /);
  });
});
