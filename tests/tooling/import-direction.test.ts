import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/** The lint rule is what keeps the environments apart; prove it bites on each forbidden direction. */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("import direction", () => {
  it.each([
    ["renderer/src/x.ts", 'import { openCache } from "../../electron/core/cache/open-cache.js";\nexport const x = openCache;'],
    ["renderer/src/x.ts", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;'],
    ["renderer/src/x.ts", 'import { ipcRenderer } from "electron";\nexport const x = ipcRenderer;'],
    ["shared/x.ts", 'import { useState } from "react";\nexport const x = useState;'],
    ["shared/x.ts", 'import { join } from "node:path";\nexport const x = join;'],
    ["shared/x.ts", 'import { startBackend } from "../backend/app.js";\nexport const x = startBackend;'],
    ["electron/core/x.ts", 'import { app } from "electron";\nexport const x = app;'],
    ["electron/web/x.ts", 'import { BrowserWindow } from "electron/main";\nexport const x = BrowserWindow;'],
    ["backend/x.ts", 'import { ConsoleService } from "../electron/core/console-service.js";\nexport const x = ConsoleService;'],
    ["electron/preload/x.ts", 'import { openCache } from "../core/cache/open-cache.js";\nexport const x = openCache;'],
    ["electron/core/x.ts", 'import { harden } from "../main/harden.js";\nexport const x = harden;'],
    ["electron/core/x.ts", 'import { startConsoleWebServer } from "../web/console-web-server.js";\nexport const x = startConsoleWebServer;'],
    ["electron/core/x.ts", 'import { startBackend } from "../../backend/app.js";\nexport const x = startBackend;'],
    ["electron/web/x.ts", 'import { startBackend } from "../../backend/app.js";\nexport const x = startBackend;'],
    ["electron/web/x.ts", 'import { harden } from "../main/harden.js";\nexport const x = harden;'],
    ["electron/main/x.ts", 'import { startBackend } from "../../backend/app.js";\nexport const x = startBackend;'],
    ["electron/main/x.ts", 'import { App } from "../../renderer/src/app.js";\nexport const x = App;'],
    ["electron/main/x.ts", 'import { startConsoleWebServer } from "../web/console-web-server.js";\nexport const x = startConsoleWebServer;'],
    ["electron/core/x.ts", 'import { app } from "electron/main";\nexport const x = app;'],
    ["renderer/src/features/map/model/x.ts", 'import { useState } from "react";\nexport const x = useState;'],
    ["renderer/src/features/map/model/x.ts", 'import maplibregl from "maplibre-gl";\nexport const x = maplibregl;'],
    ["renderer/src/features/wall/model/x.ts", 'import { useHlsPlayer } from "../hooks/use-hls-player.js";\nexport const x = useHlsPlayer;'],
    ["renderer/src/features/alarms/model/x.ts", 'import { LiveStore } from "../../../store/live-store.js";\nexport const x = LiveStore;'],
    ["renderer/src/features/alarms/model/x.ts", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;'],
  ])("%s may not: %s", async (file, code) => {
    expect(await restrictedMessages(file, code)).toHaveLength(1);
  });

  it.each([
    ["electron/main/x.ts", 'import { app } from "electron";\nexport const x = app;'],
    ["electron/main/x.ts", 'import { startConsoleCoreInWorker } from "../core/worker/core-host.js";\nexport const x = startConsoleCoreInWorker;'],
    ["electron/web/x.ts", 'import { ConsoleRequestSchema } from "../../shared/protocol/console-api.js";\nexport const x = ConsoleRequestSchema;'],
    ["electron/preload/x.ts", 'import { contextBridge } from "electron";\nexport const x = contextBridge;'],
    ["scripts/x.ts", 'import { startConsoleCore } from "../electron/core/console-core.js";\nexport const x = startConsoleCore;'],
    ["renderer/src/x.ts", 'import { AlarmSchema } from "../../shared/domain/alarm.js";\nexport const x = AlarmSchema;'],
    ["renderer/src/features/alarms/model/x.ts", 'import { AlarmSchema } from "../../../../../shared/domain/alarm.js";\nexport const x = AlarmSchema;'],
    ["renderer/src/features/map/components/x.tsx", 'import maplibregl from "maplibre-gl";\nexport const x = maplibregl;'],
  ])("%s may: %s", async (file, code) => {
    expect(await restrictedMessages(file, code)).toEqual([]);
  });

  it("bans any", async () => {
    const [result] = await eslint.lintText("export const x: any = 1;\n", { filePath: "shared/x.ts" });
    expect(result?.messages.map((m) => m.ruleId)).toContain("@typescript-eslint/no-explicit-any");
  });
});
