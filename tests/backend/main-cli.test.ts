import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSX = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const dataDir = mkdtempSync(join(tmpdir(), "ioc-cli-test-"));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; `whenListening` gets the child once it printed its listening line. */
function runCli(args: string[], whenListening?: (stop: () => void) => void): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSX, "backend/main.ts", "--data-dir", dataDir, "--quiet", ...args], { cwd: ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (whenListening !== undefined && stdout.includes("IOC backend listening on")) whenListening(() => child.kill("SIGTERM"));
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const guard = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("close", (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("backend CLI", () => {
  it("says in one sentence that the port is taken, and exits 1", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const run = await runCli(["--port", String(port), "--no-video", "--no-simulator"]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr.trim()).toBe(`Port ${port} is already in use: stop the other IOC backend or pass --port <free port>.`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it("keeps running without video when ffmpeg is broken, and stops cleanly on SIGTERM", async () => {
    let stopped = false;
    const run = await runCli(["--port", "0", "--no-simulator", "--demo", "--ffmpeg", "/nonexistent/ffmpeg"], (stop) => {
      if (stopped) return;
      stopped = true;
      stop();
    });
    expect(run.stdout).toMatch(/^IOC backend listening on http:\/\/127\.0\.0\.1:\d+\n$/);
    expect(run.stderr).toContain("ffmpeg not found or not working (/nonexistent/ffmpeg: not found): cameras will show as offline; install ffmpeg or run npm install to get @ffmpeg-installer/ffmpeg.");
    expect(run.code).toBe(0);
  });

  it("on a new store without --demo, makes the first supervisor with a one-time password shown once", async () => {
    const own = mkdtempSync(join(tmpdir(), "ioc-cli-first-"));
    try {
      const once = (stop: () => void) => stop();
      const first = await runCli(["--port", "0", "--no-simulator", "--no-video", "--data-dir", own], once);
      const password = /one-time password: ([a-z0-9-]+)/.exec(first.stdout)?.[1];
      expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
      expect(first.stdout).toContain("operator ID: supervisor");
      const second = await runCli(["--port", "0", "--no-simulator", "--no-video", "--data-dir", own], once);
      expect(second.stdout).toMatch(/^IOC backend listening on http:\/\/127\.0\.0\.1:\d+\n$/);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it("says in one sentence that the database server does not answer, without its password", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const run = await runCli(["--port", "0", "--no-video", "--no-simulator", "--database-url", `postgres://ioc:not-this-pw@127.0.0.1:${port}/ioc`]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `Cannot reach the database server at postgres://ioc:***@127.0.0.1:${port}/ioc: nothing answers there (is PostgreSQL running, and is that its address and port?).`,
    );
    expect(run.stderr + run.stdout).not.toContain("not-this-pw");
  });

  it("explains a bad flag", async () => {
    const run = await runCli(["--port", "eighty"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--port must be a whole number from 0 to 65535, not "eighty".');
  });
});
