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

/** Electron IPC channels of the console API (kept here, free of zod, so the preload stays tiny). */
export const IPC_CHANNELS = {
  request: "console:request",
  event: "console:event",
} as const;
