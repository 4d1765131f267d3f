import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { needsMallocArenaRelaunch, withBoundedMallocArenas } from "../../backend/runtime/malloc-arenas.js";
import { REPO_ROOT } from "../../scripts/lib/backend-process.js";

const TSX = join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const dataDir = mkdtempSync(join(tmpdir(), "ioc-arenas-test-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface ProcessInfo {
  pid: number;
  ppid: number;
  cmdline: string;
  env: Map<string, string>;
}

function readProcess(pid: number): ProcessInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
    const env = new Map(
      readFileSync(`/proc/${pid}/environ`, "utf8")
        .split("\0")
        .filter((entry) => entry.includes("="))
        .map((entry) => [entry.slice(0, entry.indexOf("=")), entry.slice(entry.indexOf("=") + 1)] as const),
    );
    return { pid, ppid, cmdline, env };
  } catch {
    return null;
  }
}

function descendants(root: number): ProcessInfo[] {
  const all = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcess(Number(name)))
    .filter((p): p is ProcessInfo => p !== null);
  const found: ProcessInfo[] = [];
  const frontier = [root];
  while (frontier.length > 0) {
    const parent = frontier.pop()!;
    for (const p of all.filter((candidate) => candidate.ppid === parent)) {
      found.push(p);
      frontier.push(p.pid);
    }
  }
  return found;
}

/** Starts the backend as `npm run backend` does, lets `inspect` look at its processes once it listens, then stops it with SIGTERM. */
function runBackend(env: NodeJS.ProcessEnv, inspect: (rootPid: number) => void): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSX, "backend/main.ts", "--data-dir", dataDir, "--quiet", "--port", "0", "--no-video", "--no-simulator"], { cwd: REPO_ROOT, env });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (stdout.includes("IOC backend listening on") && !child.killed) {
        inspect(child.pid!);
        child.kill("SIGTERM");
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const guard = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("close", (code) => {
      clearTimeout(guard);
      resolve({ code, stderr });
    });
  });
}

function withoutArenaSetting(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.MALLOC_ARENA_MAX;
  return env;
}

describe("bounded malloc arenas", () => {
  it("relaunches only on Linux and only when the operator set no value", () => {
    expect(needsMallocArenaRelaunch("linux", {})).toBe(true);
    expect(needsMallocArenaRelaunch("linux", { MALLOC_ARENA_MAX: "8" })).toBe(false);
    expect(needsMallocArenaRelaunch("win32", {})).toBe(false);
    expect(needsMallocArenaRelaunch("darwin", {})).toBe(false);
    expect(withBoundedMallocArenas({ A: "1" })).toEqual({ A: "1", MALLOC_ARENA_MAX: "2" });
    expect(withBoundedMallocArenas({ MALLOC_ARENA_MAX: "8" })).toEqual({ MALLOC_ARENA_MAX: "8" });
  });

  it.runIf(process.platform === "linux")("serves from a process with two arenas, and the whole chain stops on SIGTERM", async () => {
    let backends: ProcessInfo[] = [];
    const run = await runBackend(withoutArenaSetting(), (root) => {
      backends = descendants(root).filter((p) => p.cmdline.includes("backend/main.ts"));
    });
    expect(run.code, run.stderr).toBe(0);
    // The program as started, and the relaunched one that does the work.
    expect(backends).toHaveLength(2);
    const serving = backends.find((p) => !backends.some((other) => other.ppid === p.pid))!;
    expect(serving.env.get("MALLOC_ARENA_MAX")).toBe("2");
    expect(backends.every((p) => readProcess(p.pid) === null)).toBe(true);
  });

  it.runIf(process.platform === "linux")("keeps an operator's own value and does not relaunch", async () => {
    let backends: ProcessInfo[] = [];
    const run = await runBackend({ ...process.env, MALLOC_ARENA_MAX: "4" }, (root) => {
      backends = descendants(root).filter((p) => p.cmdline.includes("backend/main.ts"));
    });
    expect(run.code, run.stderr).toBe(0);
    expect(backends).toHaveLength(1);
    expect(backends[0]!.env.get("MALLOC_ARENA_MAX")).toBe("4");
  });
});
