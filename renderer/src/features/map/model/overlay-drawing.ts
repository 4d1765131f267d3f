/**
 * WebGL drawn by the CPU (SwiftShader, llvmpipe: a thin client or wall display without a GPU, a
 * virtual machine) pays for every pixel of the overlay twice per redraw: shading it, then copying
 * it back for the compositor, while the page's main thread waits. Measured in an alarm flood on
 * such a machine: 20–63 ms per overlay redraw at full resolution, 16–23 ms at half, and no
 * frame of the console over 50 ms. Marks drawn at half resolution stay legible; a real GPU keeps
 * full resolution.
 */
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|lavapipe|basic render/i;

export const SOFTWARE_OVERLAY_PIXEL_RATIO = 0.5;

/** True when WebGL runs on the CPU; an unknown renderer (null) is taken for a GPU. */
export function isSoftwareRenderer(rendererName: string | null): boolean {
  return rendererName !== null && SOFTWARE_RENDERERS.test(rendererName);
}

/** deck.gl's useDevicePixels for the overlay: true (the screen's pixels) or a fixed ratio. */
export function overlayPixelRatio(rendererName: string | null): true | number {
  return isSoftwareRenderer(rendererName) ? SOFTWARE_OVERLAY_PIXEL_RATIO : true;
}

/** The WebGL context attributes deck.gl's canvas asks for (luma.gl's deviceProps.webgl). */
export interface OverlayContextAttributes {
  antialias?: boolean;
  preserveDrawingBuffer?: boolean;
}

/**
 * On a CPU renderer the compositor reads the canvas back after every redraw and waits for it:
 * multisampling and a preserved drawing buffer (luma.gl asks for one by default) are paid in that
 * wait. Measured with the console's layers at half resolution on SwiftShader (idle machine,
 * median of 14 redraws): 29 ms with both, 19–21 ms without. Marks are round and labels are SDF
 * text with their own smoothing, so they stay smooth without multisampling; a real GPU keeps both.
 */
export function overlayContextAttributes(rendererName: string | null): OverlayContextAttributes {
  return isSoftwareRenderer(rendererName) ? { antialias: false, preserveDrawingBuffer: false } : {};
}
