import "@fontsource/be-vietnam-pro/400.css";
import "@fontsource/be-vietnam-pro/500.css";
import "@fontsource/be-vietnam-pro/600.css";
import "@fontsource/be-vietnam-pro/700.css";
import "./styles/theme.css";
import "./styles/shell.css";
import "./styles/status-bar.css";
import "./styles/map.css";
import "./styles/wall.css";
import "./styles/alarms.css";
import "./styles/workstation.css";
import "./styles/playback.css";
import "./styles/bookmarks.css";
import "./styles/cameras.css";
import "./styles/directives.css";
import "./styles/dashboards.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { createConsoleClient } from "./api/create-client.js";
import { App } from "./app.js";
import { i18n } from "./i18n/setup.js";
import { LiveStore } from "./store/live-store.js";
import { StoreProvider } from "./store/store-context.js";

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root");

const store = new LiveStore(createConsoleClient());
store.start();

// Anything that escapes React (a player callback, a map worker) is noted, not fatal.
window.addEventListener("error", (event) => {
  // Benign browser chatter, not a problem an operator can act on.
  if (event.message.startsWith("ResizeObserver loop")) return;
  store.reportProblem({ source: "renderer", message: event.message || String(event.error) });
});
window.addEventListener("unhandledrejection", (event) => {
  const reason: unknown = event.reason;
  store.reportProblem({ source: "renderer", message: reason instanceof Error ? reason.message : String(reason) });
});

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </I18nextProvider>
  </StrictMode>,
);
