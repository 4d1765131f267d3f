import { chromium, type Browser } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../scripts/lib/chromium.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { childrenNamed } from "./process-cpu.js";

export interface Figure {
  value: number;
  unit: string;
}
export type Figures = Record<string, Figure>;

export interface Benchmark {
  name: string;
  run(): Promise<Figures>;
}

export { CHROMIUM_ARGS };


export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** Chromium and the pid of its main process, so its own process tree's CPU can be measured. */
export async function launchChromiumWithPid(extraArgs: readonly string[] = []): Promise<{ browser: Browser; pid: number }> {
  const before = new Set(childrenNamed(process.pid, "chrom"));
  const browser = await launchChromium(extraArgs);
  const pid = childrenNamed(process.pid, "chrom").find((p) => !before.has(p));
  if (pid === undefined) {
    await browser.close();
    throw new Error("Cannot find the process of the Chromium just launched (is /proc readable?).");
  }
  return { browser, pid };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `ioc-bench-${prefix}-`));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;
