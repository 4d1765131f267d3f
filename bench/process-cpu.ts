import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time of one process tree (Linux /proc): the Chromium a bench launched and its renderer,
 * GPU and utility children, not every chromium on a shared machine.
 */

interface ProcStat {
  ppid: number;
  /** utime + stime, in clock ticks. */
  ticks: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces: fields start after the last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** Pure: the pids of `root` and its descendants, given every process's parent. */
export function descendantsOf(root: number, parents: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Total CPU ticks (1/100 s on Linux) used so far by `root`'s tree; exited children drop out. */
export function treeTicks(root: number): number {
  const stats = new Map<number, ProcStat>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat !== null) stats.set(Number(entry), stat);
  }
  const parents = new Map([...stats].map(([pid, s]) => [pid, s.ppid] as const));
  return descendantsOf(root, parents).reduce((sum, pid) => sum + (stats.get(pid)?.ticks ?? 0), 0);
}

/** Linux clock ticks per second (USER_HZ). */
export const TICKS_PER_SECOND = 100;

/** % of one core used by the tree between two treeTicks readings `ms` apart. */
export const cpuPercent = (ticksBefore: number, ticksAfter: number, ms: number) => ((ticksAfter - ticksBefore) / TICKS_PER_SECOND / (ms / 1000)) * 100;

/** Direct children of `pid` whose command name starts with `prefix`. */
export function childrenNamed(pid: number, prefix: string): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat?.ppid !== pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim().startsWith(prefix)) out.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}
