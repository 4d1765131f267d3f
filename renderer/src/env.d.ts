import type { Map as MapLibreMap } from "maplibre-gl";
import type { IocBridge } from "../../shared/protocol/bridge.js";

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    ioc?: IocBridge;
    /** The live map, for end-to-end tests and benchmarks that read its camera. */
    __iocMap?: MapLibreMap;
  }
}
