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

export function isSoftwareRenderer(rendererName: string): boolean {
  return SOFTWARE_RENDERERS.test(rendererName);
}

/** deck.gl's useDevicePixels for the overlay: true (the screen's pixels) or a fixed ratio. */
export function overlayPixelRatio(rendererName: string | null): true | number {
  return rendererName !== null && isSoftwareRenderer(rendererName) ? SOFTWARE_OVERLAY_PIXEL_RATIO : true;
}
