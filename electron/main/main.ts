import { app, BrowserWindow, dialog, ipcMain } from "electron";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { err } from "../../shared/result.js";
import { STREET_MAP_RELATIVE_PATH } from "../../shared/basemap/street-map-file.js";
import { IPC_CHANNELS } from "../../shared/protocol/wire.js";
import { startConsoleCoreInWorker, type HostedCore } from "../core/worker/core-host.js";
import { contentSecurityPolicy } from "../../shared/security/content-security-policy.js";
import { APP_ORIGIN, registerAppScheme, serveRenderer } from "./app-protocol.js";
import { ElectronSettingsStore } from "./electron-settings-store.js";
import { hardenSessions, isTrustedSender } from "./harden.js";
import { WorkstationWindows } from "./workstation-windows.js";

/**
 * The Electron shell, kept thin: all behaviour is in electron/core (Node only) and the renderer.
 * `npm start` passes the embedded backend's URL in IOC_BACKEND_URL.
 */
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: HostedCore | null = null;
  let workstation: WorkstationWindows | null = null;

  app.on("second-instance", () => {
    const first = workstation?.all()[0];
    if (first) {
      if (first.isMinimized()) first.restore();
      first.focus();
    }
  });

  app.whenReady().then(async () => {
    hardenSessions();
    const settings = new ElectronSettingsStore(process.env.IOC_BACKEND_URL ? { backendUrl: process.env.IOC_BACKEND_URL } : {});
    // better-sqlite3 built for Electron's ABI lives apart from Node's, so `npm test` keeps working.
    const electronBinding = join(app.getAppPath(), "build", "electron-native", "better_sqlite3.node");
    try {
      core = await startConsoleCoreInWorker({
        dataDir: app.getPath("userData"),
        settings,
        workerPath: join(__dirname, "core-worker.cjs"),
        decoderWorkerPath: join(__dirname, "page-decoder-worker.cjs"),
        ...(existsSync(electronBinding) ? { nativeBinding: electronBinding } : {}),
        log: (line) => console.log(line),
        // SQLite cannot open a file inside the asar archive: a packaged console's street map is an extra resource.
        streetMapFile: app.isPackaged ? join(process.resourcesPath, "basemap", "city.mbtiles") : join(app.getAppPath(), STREET_MAP_RELATIVE_PATH),
        // `npm start` runs the demo city; a packaged console never sets these.
        // A backend on the city's own PKI: the CA that signed its certificate (PEM file).
        ...(process.env.IOC_BACKEND_CA ? { backendCa: readFileSync(process.env.IOC_BACKEND_CA, "utf8") } : {}),
        // Other instances of the same backend (one database), comma-separated: tried when it cannot be reached.
        ...(process.env.IOC_BACKEND_FALLBACK_URLS ? { backendFallbackUrls: process.env.IOC_BACKEND_FALLBACK_URLS.split(",").filter((u) => u !== "") } : {}),
        ...(process.env.IOC_DEMO === "1" ? { demo: true } : {}),
        ...(process.env.IOC_DEMO === "1" && process.env.IOC_DEMO_OPERATOR ? { autoSignIn: process.env.IOC_DEMO_OPERATOR } : {}),
      });
    } catch (e) {
      dialog.showErrorBox("IOC Console cannot open its local cache", e instanceof Error ? e.message : String(e));
      app.exit(1);
      return;
    }
    const service = core.port;
    serveRenderer(join(app.getAppPath(), "dist", "renderer"), contentSecurityPolicy(settings.get().backendUrl));

    ipcMain.handle(IPC_CHANNELS.request, async (event, raw: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url)) return err("forbidden", "IPC call from an untrusted frame was refused.");
      return service.handle(raw);
    });
    service.onEvent((consoleEvent) => {
      // Workstation shortcut from any window: the shell raises the role's window (renderers cannot).
      if (consoleEvent.type === "workstation.focus") workstation?.focusRole(consoleEvent.role);
      for (const w of workstation?.all() ?? []) w.webContents.send(IPC_CHANNELS.event, consoleEvent);
    });

    // One window per role (map, wall, queue, or all in one) on its display; see workstation-windows.ts.
    workstation = new WorkstationWindows((role) => {
      const win = new BrowserWindow({
        width: 1600,
        height: 900,
        backgroundColor: "#0b1220",
        title: "IOC Console — Uông Bí",
        webPreferences: {
          preload: join(__dirname, "preload.cjs"),
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          webSecurity: true,
        },
      });
      void win.loadURL(`${APP_ORIGIN}/index.html?role=${role}`);
      return win;
    });
    workstation.start();
  });

  app.on("window-all-closed", () => {
    void (core?.close() ?? Promise.resolve()).then(() => app.quit());
  });
}
