import type { Page } from "@playwright/test";
import { PNG } from "pngjs";

export type Rgb = [number, number, number];

/** The colours on screen at page coordinates, read from one real screenshot (what the operator sees). */
export async function pixelsAt(page: Page, points: readonly { x: number; y: number }[]): Promise<Rgb[]> {
  const png = PNG.sync.read(await page.screenshot());
  return points.map(({ x, y }) => {
    const i = (Math.round(y) * png.width + Math.round(x)) * 4;
    return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
  });
}

export function colourDistance(a: Rgb, b: Rgb): number {
  return Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);
}
