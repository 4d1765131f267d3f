import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./backend-process.js";

/**
 * Where the Electron executable is, or null when it is not installed. Reads what the electron
 * package recorded instead of requiring it: requiring it would try to download the binary.
 */
export function findElectronBinary(): string | null {
  const pkg = join(REPO_ROOT, "node_modules", "electron");
  const pathFile = join(pkg, "path.txt");
  const relative = existsSync(pathFile) ? readFileSync(pathFile, "utf8").trim() : process.platform === "win32" ? "electron.exe" : "electron";
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? join(override, relative) : join(pkg, "dist", relative);
  return existsSync(candidate) ? candidate : null;
}

export const ELECTRON_MISSING =
  "The Electron binary is not installed on this machine (node_modules/electron/dist is empty): run `npx install-electron` where the network allows it, or use `npm run serve` for the browser console.";
