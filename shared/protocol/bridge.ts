/**
 * The one object the Electron preload exposes to the renderer (as `window.ioc`).
 * Everything crossing it is `unknown` on purpose: both sides validate with the shared schemas.
 */
export interface IocBridge {
  readonly kind: "electron";
  request(request: unknown): Promise<unknown>;
  /** Subscribe to console events; returns the unsubscribe function. */
  onEvent(listener: (event: unknown) => void): () => void;
}

export const BRIDGE_GLOBAL = "ioc";
