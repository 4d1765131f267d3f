import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * Under tsx (development, tests, the browser console) a worker is TypeScript, and Node 20 does not
 * carry tsx's loader into worker threads: a two-line bootstrap registers it there first. In the
 * Electron bundle the path names a .cjs file and is started as it is.
 */
export function spawnWorker(workerPath: string | URL, workerData: unknown): Worker {
  const href = workerPath instanceof URL ? workerPath.href : pathToFileURL(workerPath).href;
  if (!href.endsWith(".ts")) return new Worker(workerPath, { workerData });
  const tsxApi = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
