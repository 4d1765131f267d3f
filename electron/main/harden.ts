import { app, session, shell, type WebContents } from "electron";
import { APP_ORIGIN } from "./app-protocol.js";

/** Secure defaults for every window: no navigation away, no new windows, no permissions. */
export function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on("web-contents-created", (_event, contents: WebContents) => {
    contents.on("will-navigate", (event, url) => {
      if (!url.startsWith(APP_ORIGIN)) event.preventDefault();
    });
    contents.on("will-attach-webview", (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links to documentation may open in the system browser; nothing opens inside the app.
      if (url.startsWith("https://")) void shell.openExternal(url);
      return { action: "deny" };
    });
  });
}

/** IPC is answered only for our own page, never for a frame that navigated elsewhere. */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  return typeof frameUrl === "string" && frameUrl.startsWith(`${APP_ORIGIN}/`);
}
