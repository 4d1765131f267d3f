import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";

/**
 * Power loss keeps what was synced to disk and nothing else. strace shows, in order, every fsync
 * a process makes and every byte it writes to a socket or stdout: a commit whose answer is written
 * out only after the write-ahead log was synced survives a power cut; one answered before is not
 * known to. (A test cannot pull the plug; this is the same ordering, read from the kernel's side.)
 */
export const TRACED = "fsync,fdatasync,write,writev";

export function straceOrExplain(): string {
  const found = spawnSync("strace", ["-V"], { encoding: "utf8" });
  if (found.error !== undefined || found.status !== 0) throw new Error("The durability tests read the order of disk syncs with strace, which is not installed: run sudo npm run setup:system.");
  return "strace";
}

/** Runs `command` under strace (its own process group, so the whole tree can be stopped), writing the trace to `out`. */
export function spawnTraced(out: string, command: string, args: readonly string[], cwd: string): ChildProcess {
  return spawn(straceOrExplain(), ["-f", "-qq", "--seccomp-bpf", "-y", "-s", "100000", "-e", `trace=${TRACED}`, "-o", out, "--", command, ...args], {
    cwd,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export function stopTraced(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
    child.once("exit", () => resolve());
    process.kill(-child.pid, "SIGKILL");
  });
}

/**
 * Whether, in the trace, the write carrying `marker` comes after an fsync/fdatasync of a file whose
 * name ends with `walSuffix` made since the write before it that starts with `previousWrite`
 * (the answer to the request before): the commit it reports was on disk when it was reported.
 */
export function syncedBeforeAnswer(out: string, marker: string, walSuffix: string, previousWrite: RegExp): { answered: boolean; synced: boolean } {
  const lines = readFileSync(out, "utf8").split("\n");
  const answer = lines.findIndex((line) => /\bwritev?\(/.test(line) && line.includes(marker));
  if (answer < 0) return { answered: false, synced: false };
  let synced = false;
  for (let i = answer - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (/\bwritev?\(/.test(line) && previousWrite.test(line)) break;
    if (/\b(fsync|fdatasync)\(\d+<[^>]*>/.test(line) && new RegExp(`<[^>]*${walSuffix.replace(/[.]/g, "\\.")}>`).test(line)) synced = true;
  }
  return { answered: true, synced };
}
