import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { err, ok, type Result } from "../../shared/result.js";

/**
 * The Debian tools the street map build runs, found on PATH before anything is started, so that a
 * machine without them gets one sentence saying what to install instead of a spawn ENOENT.
 *
 * Why these: tilemaker turns an OSM extract straight into an MBTiles file of vector tiles, with
 * the layers and attributes chosen by a small Lua script, in one pass and in little memory (no
 * database import, no tile server); osmium cuts the extract to the city's box and converts OSM XML
 * to the PBF tilemaker reads, and exports the named features map search needs. Both are Debian
 * packages; npm has no maintained OSM PBF reader in this project's tree.
 */
export const BASEMAP_TOOLS = [
  { command: "osmium", debianPackage: "osmium-tool" },
  { command: "tilemaker", debianPackage: "tilemaker" },
] as const;

export type ToolName = (typeof BASEMAP_TOOLS)[number]["command"];

function onPath(command: string, path: string): string | null {
  for (const dir of path.split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this folder: try the next.
    }
  }
  return null;
}

/** Every tool the build needs, or one sentence naming the missing ones and `sudo npm run setup:system`. */
export function findBasemapTools(path = process.env.PATH ?? ""): Result<Record<ToolName, string>> {
  const found: Partial<Record<ToolName, string>> = {};
  const missing: string[] = [];
  for (const tool of BASEMAP_TOOLS) {
    const at = onPath(tool.command, path);
    if (at === null) missing.push(`${tool.command} (Debian package ${tool.debianPackage})`);
    else found[tool.command] = at;
  }
  if (missing.length > 0 || found.osmium === undefined || found.tilemaker === undefined) {
    return err("not_found", `Building the street map needs ${missing.join(" and ")}, not installed on this machine: run sudo npm run setup:system.`);
  }
  return ok({ osmium: found.osmium, tilemaker: found.tilemaker });
}
