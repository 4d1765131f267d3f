import { BRIDGE_GLOBAL, type IocBridge } from "../../../shared/protocol/bridge.js";
import { CONSOLE_WS_PATH, PAGE_SECRET_META, PAGE_SECRET_PROTOCOL_PREFIX } from "../../../shared/protocol/wire.js";
import type { ConsoleClient } from "./console-client.js";
import { IpcConsoleClient } from "./ipc-client.js";
import { WebSocketConsoleClient } from "./websocket-client.js";

/**
 * Where the console API lives when this page was served over http(s) by the core's web server.
 * `?core=ws://host:port` points a page served elsewhere (vite dev) at a core, in development
 * builds only: in a production page it would send the operator's password wherever it says.
 */
export function consoleSocketUrl(location: Pick<Location, "protocol" | "host" | "search">, allowOverride = import.meta.env.DEV): string {
  const override = allowOverride ? new URLSearchParams(location.search).get("core") : null;
  if (override !== null && /^wss?:\/\//.test(override)) {
    return override.includes(CONSOLE_WS_PATH) ? override : `${override.replace(/\/$/, "")}${CONSOLE_WS_PATH}`;
  }
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${location.host}${CONSOLE_WS_PATH}`;
}

function isBridge(value: unknown): value is IocBridge {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<Record<keyof IocBridge, unknown>>;
  return candidate.kind === "electron" && typeof candidate.request === "function" && typeof candidate.onEvent === "function";
}

/** IPC when the Electron preload put its bridge on window, otherwise the core's WebSocket. */
export function createConsoleClient(): ConsoleClient {
  const bridge: unknown = Reflect.get(window, BRIDGE_GLOBAL);
  if (isBridge(bridge)) return new IpcConsoleClient(bridge);
  // The secret the console's web server put in this page; without it the API refuses the socket.
  const secret = document.querySelector<HTMLMetaElement>(`meta[name="${PAGE_SECRET_META}"]`)?.content ?? "";
  return new WebSocketConsoleClient({
    url: consoleSocketUrl(window.location),
    protocols: secret === "" ? [] : [`${PAGE_SECRET_PROTOCOL_PREFIX}${secret}`],
    renewProtocols: renewPageSecret,
  });
}

/** A fresh secret from the console's own page (a restarted console forgot the old one); null when it cannot be had. */
async function renewPageSecret(): Promise<readonly string[] | null> {
  const response = await fetch("./", { cache: "no-store" });
  if (!response.ok) return null;
  const html = await response.text();
  const secret = new DOMParser().parseFromString(html, "text/html").querySelector<HTMLMetaElement>(`meta[name="${PAGE_SECRET_META}"]`)?.content;
  return secret === undefined || secret === "" ? null : [`${PAGE_SECRET_PROTOCOL_PREFIX}${secret}`];
}
