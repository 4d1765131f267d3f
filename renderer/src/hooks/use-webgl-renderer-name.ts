import { useState } from "react";

let cached: string | null | undefined;

/** The WebGL renderer's name (e.g. "SwiftShader", a GPU's), read once from a throwaway context; null if unknown. */
function readRendererName(): string | null {
  if (cached !== undefined) return cached;
  cached = null;
  try {
    const canvas = document.createElement("canvas");
    const gl = canvas.getContext("webgl2") ?? canvas.getContext("webgl");
    if (gl !== null) {
      const info = gl.getExtension("WEBGL_debug_renderer_info");
      const name: unknown = gl.getParameter(info === null ? gl.RENDERER : info.UNMASKED_RENDERER_WEBGL);
      cached = typeof name === "string" ? name : null;
      // Hand the context back at once: browsers cap how many a page may hold.
      gl.getExtension("WEBGL_lose_context")?.loseContext();
    }
  } catch {
    cached = null;
  }
  return cached;
}

export function useWebglRendererName(): string | null {
  const [name] = useState(readRendererName);
  return name;
}
