import { app, session, shell, type WebContents } from "electron";
import { APP_ORIGIN } from "./app-protocol.js";
import { isTrustedFrame, mayNavigate, mayOpenExternally } from "./navigation-policy.js";

/** Secure defaults for every window: no navigation away, no new windows, no permissions. */
export function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on("web-contents-created", (_event, contents: WebContents) => {
    contents.on("will-navigate", (event, url) => {
      if (!mayNavigate(url, APP_ORIGIN)) event.preventDefault();
    });
    contents.on("will-redirect", (event, url) => {
      if (!mayNavigate(url, APP_ORIGIN)) event.preventDefault();
    });
    contents.on("will-attach-webview", (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Licence pages of the map data may open in the system browser; nothing opens inside the app.
      if (mayOpenExternally(url)) void shell.openExternal(url);
      else console.warn(`refused to open ${url.slice(0, 200)}: not an allowed external link`);
      return { action: "deny" };
    });
  });
}

/** IPC is answered only for our own page, never for a frame that navigated elsewhere. */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  return isTrustedFrame(frameUrl, APP_ORIGIN);
}
