import { setWorkerUrl } from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";

let configured = false;

/**
 * maplibre-gl 6 finds its worker next to its own module, which only works over http(s).
 * Bundled and loaded from file:// in Electron, we must say where the emitted worker is.
 */
export function configureMapLibreWorker(): void {
  if (configured) return;
  configured = true;
  setWorkerUrl(new URL(workerUrl, document.baseURI).href);
}
